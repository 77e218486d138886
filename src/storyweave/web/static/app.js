// storyweave pages: a little plain JavaScript. Data only ever goes into textContent, never into HTML.
(function () {
  "use strict";

  // New articles while the page is open: poll the store's counts and offer a reload.
  function poll() {
    var body = document.body;
    var url = body.getAttribute("data-status-url");
    var start = Number(body.getAttribute("data-articles"));
    var box = document.getElementById("new-articles");
    var text = document.getElementById("new-articles-text");
    if (!url || !box || !text || !isFinite(start)) return;
    function check() {
      fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || typeof data.articles !== "number") return;
          var fresh = data.articles - start;
          if (fresh > 0) {
            text.textContent = fresh + (fresh === 1 ? " new article" : " new articles") + " since this page was opened.";
            box.hidden = false;
          }
        })
        .catch(function () { /* offline or restarting: try again later */ });
    }
    var every = Number(body.getAttribute("data-poll-ms")) || 15000;
    setInterval(check, every);
  }

  // The reload link keeps the page's own address.
  function reloadLink() {
    var link = document.getElementById("new-articles-reload");
    if (link) link.setAttribute("href", window.location.pathname + window.location.search);
  }

  // "/" focuses the search box, as on many sites; Escape leaves it.
  function keys() {
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA");
      var search = document.getElementById("q");
      if (event.key === "/" && !typing && search) {
        event.preventDefault();
        search.focus();
      } else if (event.key === "Escape" && typing && target.blur) {
        target.blur();
      }
    });
  }

  // Forms send only the fields filled in (an empty number or choice would be an invalid value).
  function compactForms() {
    var forms = document.querySelectorAll("form.try, form.filters");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function () {
        Array.prototype.forEach.call(form.elements, function (el) {
          if (el.name && el.value === "") el.disabled = true;
        });
      });
    });
    // back to a page kept in memory: its fields usable again
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(forms, function (form) {
        Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    reloadLink();
    poll();
    keys();
    compactForms();
  });
})();
