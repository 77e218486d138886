"""Publish dates -> ISO 8601 (a date, or a datetime when the offset is known), or None rather than wrong.

``DateFinder.parse`` reads one date string in many formats and languages (ISO, RFC 2822, numeric, month names
from babel for the configured languages); ``DateFinder.from_text`` looks for the dateline or a
"Published:"-style label at the start of a plain text, never at dates mentioned in the body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import NamedTuple
from urllib.parse import urlsplit

MONTH_LANGUAGES: tuple[str, ...] = (
    "en",
    "fr",
    "de",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "ru",
    "uk",
    "tr",
    "sl",
    "ar",
    "ca",
    "ro",
    "cs",
)
EARLIEST = date(1990, 1, 1)

_TZ = {"UTC": 0, "GMT": 0, "Z": 0, "UT": 0, "BST": 1, "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2,
       "EEST": 3, "MSK": 3, "TRT": 3, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6,
       "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "IST": 5.5, "JST": 9, "KST": 9}  # fmt: skip
_EXTRA_MONTHS = {  # forms babel does not give (English abbreviations with dots, "Sept", Turkish ASCII)
    "sept": 9,
    "sep": 9,
    "febr": 2,
    "agustos": 8,
    "subat": 2,
    "eylul": 9,
    "ekim": 10,
    "kasim": 11,
    "aralik": 12,
}
_LABELS = (
    r"published|posted|publication|first published|publié(?:\s+le)?|publie|mis en ligne(?:\s+le)?|"
    r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publicado(?:\s+el)?|publicada|pubblicato(?:\s+il)?|"
    r"gepubliceerd(?:\s+op)?|geplaatst(?:\s+op)?|opublikowano|data publikacji|опубликовано|опубліковано|"
    r"дата публикации|yayınlanma(?:\s+tarihi)?|yayınlandı|yayın tarihi|تاريخ النشر|نشر(?:\s+في)?|date"
)
_UPDATED = r"updated|last updated|modified|mis à jour(?:\s+le)?|aktualisiert(?:\s+am)?|actualizado(?:\s+el)?|aggiornato(?:\s+il)?|bijgewerkt(?:\s+op)?|aktualizacja|обновлено|оновлено|güncelleme|güncellendi|تحديث"
_AGENCY = r"\((?:reuters|ap|afp|upi|dpa|efe|ansa|anp|pap|tass|ria novosti|interfax|aa|xinhua|apa|cnn|bloomberg|wfla|[^\W\d_][\w .&-]{1,30})\)"


_YEAR = re.compile(r"(?:19|20)\d\d|\d[- ][^\W\d_]{3,5}\.?[- ]'?\d\d(?!\d)")
_NUMBER = re.compile(r"^\d{8,16}(?:\.\d+)?$")
_Y, _M, _D = r"(?P<y>(?:19|20)\d\d)", r"(?P<m>0?[1-9]|1[0-2])", r"(?P<d>0?[1-9]|[12]\d|3[01])"
_URL_DATES = (
    re.compile(rf"/{_Y}/{_M}/{_D}(?=/|$|[-_.])"),  # /2019/11/19/
    re.compile(rf"(?:(?<=[/_.-])|^){_Y}([-_]){_M}\2{_D}(?![\d])"),  # /2019-11-19-slug, _2019_11_19
    re.compile(
        r"(?:(?<=[/_.-])|^)(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    ),
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.[a-z]{2,12}/\S*", re.IGNORECASE)  # masked in text heads


class HeadDate(NamedTuple):
    """A publish date found at the head of a text: ``line`` index, ``start`` of its label (or date) in that line,
    ``only_date`` when the line holds nothing else (so it can leave the body)."""

    value: str
    line: int
    start: int
    only_date: bool


class _Hit(NamedTuple):
    value: str
    start: int
    end: int


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class DateFinder:
    """Parse publish dates; ``now`` (a callable returning an aware datetime) bounds what is plausible."""

    def __init__(
        self, now: Callable[[], datetime] | None = None, languages: tuple[str, ...] = MONTH_LANGUAGES
    ):
        self.now = now
        self.languages = languages
        self._rx: dict[str, re.Pattern[str]] | None = None
        self._months: dict[str, int] = {}

    # -- compiled patterns (built on first use) ---------------------------------------------------------
    def _patterns(self) -> dict[str, re.Pattern[str]]:
        if self._rx is None:
            from babel import Locale

            months: dict[str, int] = dict(_EXTRA_MONTHS)
            for code in self.languages:
                try:
                    loc = Locale.parse(code)
                except (ValueError, LookupError):
                    continue
                for context in ("format", "stand-alone"):
                    for width in ("wide", "abbreviated"):
                        for num, name in loc.months[context][width].items():
                            for form in {name.lower().rstrip("."), _fold(name.lower()).rstrip(".")}:
                                if len(form) >= 3 or (len(form) >= 2 and not form.isascii()):
                                    months.setdefault(form, num)
            self._months = months
            names = "|".join(re.escape(m) for m in sorted(months, key=len, reverse=True))
            mon = rf"(?P<mon>{names})\.?"
            time = (r"(?:(?:\s*,?\s*(?:at|um|à|a las|alle|om|o|в|saat|kl\.?|-|–|—|\|)?\s*)"
                    r"(?P<H>[01]?\d|2[0-3])[:h.](?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?(?:\.\d+)?"
                    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:(?P<tz>[A-Z]{1,4}T?|Z)\b|(?P<off>[+-]\d{2}:?\d{2})|\((?P<tz2>[A-Z]{2,5})\))?)?")  # fmt: skip
            flags = re.IGNORECASE
            self._rx = {
                "iso": re.compile(
                    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
                    r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:[.,]\d+)?)?\s*(?P<off>Z|[+-]\d{2}:?\d{2})?)?(?!\d)"
                ),
                "dmy_name": re.compile(
                    rf"(?<![\w\d])(?P<d>[0-3]?\d)(?:\.|er|st|nd|rd|th|º|°)?\s*(?:de\s+|of\s+)?{mon}(?!\w)\s*,?\s*(?:de\s+|del\s+|,\s*)?(?P<y>(?:19|20)\d\d)(?:\s*(?:г\.?|р\.?|года|року|roku|r\.))?{time}",
                    flags,
                ),
                "mdy_name": re.compile(
                    rf"(?<!\w){mon}(?!\w)\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*(?P<y>(?:19|20)\d\d){time}",
                    flags,
                ),
                "num": re.compile(
                    rf"(?<![\d.\/])(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?![\d])(?:{time})"
                ),
                "ymd": re.compile(
                    rf"(?<!\d)(?P<y>(?:19|20)\d\d)[./](?P<m>[01]?\d)[./](?P<d>[0-3]?\d)(?![\d])(?:{time})"
                ),
                "dmy_short": re.compile(
                    rf"(?<![\w\d])(?P<d>[0-3]?\d)[- ]{mon}[- ]'?(?P<yy>\d\d)(?![\d:])", flags
                ),
                "cjk": re.compile(
                    r"(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]"
                ),
                "label": re.compile(
                    rf"(?:^|[\s|•·,(])(?P<label>{_LABELS})\s*(?:on|le|am|el|il|op|:|-|–)?\s*:?\s*", flags
                ),
                "updated": re.compile(
                    rf"(?:^|[\s|•·,(])(?:{_UPDATED})\s*(?:on|le|am|el|il|op|:|-|–)?\s*:?\s*", flags
                ),
                "dateline": re.compile(
                    rf"^[^\W\d_][\w.'’ /-]{{1,40}}(?:,[\w.'’ -]{{1,30}})?\s*(?:,|\s{_AGENCY}\s*[,-–—]?)\s*$"
                ),
                "after": re.compile(rf"^\s*(?:{_AGENCY})?\s*(?:[-–—:|]|$)"),
            }
        return self._rx

    # -- one date string ----------------------------------------------------------------------------
    def parse(self, value: str | None, lang: str | None = None) -> str | None:
        """One date string -> ISO 8601 or None (implausible dates are None, not clamped).

        A number alone is a compact date (``20191119``, ``201911191030``) or a Unix time in seconds or
        milliseconds (``1574157600``, ``1574157600000``, also with a fraction), which gives a UTC datetime.
        """
        if not value or not value.strip():
            return None
        value = value.strip()
        if _NUMBER.match(value):
            return self._number(value)
        hit = self._search(value, lang)
        if hit is None:
            try:
                parsed = parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                return None
            return self._accept(parsed, parsed.tzinfo is not None)
        return hit.value

    def _number(self, value: str) -> str | None:
        digits = value.split(".")[0]
        if len(digits) in (8, 12, 14) and digits[:2] in ("19", "20") and "." not in value:
            # YYYYMMDD[HHMM[SS]] with no offset: the day is sure, the instant is not (Unix times of these lengths
            # start with other digits in the plausible range)
            try:
                return self._accept(date(int(digits[:4]), int(digits[4:6]), int(digits[6:8])), False)
            except ValueError:
                return None
        scale = {9: 1, 10: 1, 12: 1000, 13: 1000, 15: 1_000_000, 16: 1_000_000}.get(len(digits))
        if scale is None:
            return None
        try:
            moment = datetime.fromtimestamp(float(value) / scale, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
        return self._accept(moment.replace(microsecond=0), True)

    def from_url(self, url: str | None) -> str | None:
        """The publish date a URL's path spells out, or None: ``/2019/11/19/``, ``/2019-11-19/``, ``_20191119``.

        Only a whole date (a year and month alone say too little) in the path (not the query: ``?from=2019-01-01``
        is a filter), and only when the path holds one such date: two different ones (an archive link, a
        photo folder) are ambiguous. A run of eight digits counts only as a whole path segment or part between
        ``-``, ``_`` or ``.``: inside a longer number it is an id.
        """
        if not url:
            return None
        path = urlsplit(url.strip()).path if "://" in url else url.split("?")[0].split("#")[0]
        found: set[str] = set()
        for rx in _URL_DATES:
            for m in rx.finditer(path):
                try:
                    day = date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
                except ValueError:
                    continue
                value = self._accept(day, False)
                if value is not None:
                    found.add(value)
        return found.pop() if len(found) == 1 else None

    def _search(self, text: str, lang: str | None) -> _Hit | None:
        rx = self._patterns()
        if not _YEAR.search(text):
            return None
        best: _Hit | None = None
        for kind in ("iso", "dmy_name", "mdy_name", "cjk", "ymd", "num", "dmy_short"):
            for m in rx[kind].finditer(text):
                value = self._value(kind, m, lang)
                if value is not None:
                    if best is None or m.start() < best.start:
                        best = _Hit(value, m.start(), m.end())
                    break
        return best

    def _value(self, kind: str, m: re.Match[str], lang: str | None) -> str | None:
        g = m.groupdict()
        if kind == "dmy_short":
            yy = int(g["yy"])
            now_yy = (self.now() if self.now is not None else datetime.now(timezone.utc)).year % 100
            year = 2000 + yy if yy <= now_yy else 1900 + yy
        else:
            year = int(g["y"])
        if kind in ("dmy_name", "mdy_name", "dmy_short"):
            month = self._months.get(_fold(g["mon"].lower()).rstrip(".")) or self._months.get(
                g["mon"].lower()
            )
            day = int(g["d"])
        elif kind == "num":
            a, b = int(g["a"]), int(g["b"])
            if a > 12 and b <= 12:
                day, month = a, b
            elif b > 12 and a <= 12:
                day, month = b, a
            elif a == b:
                day = month = a
            elif g["sep"] == "." or (lang not in (None, "und", "en")):
                day, month = a, b  # dotted dates and non-English sources: day first
            elif lang == "en":
                day, month = b, a  # English sources with slashes: US order
            else:
                return None  # 04/05/2016 with no hint: ambiguous
        else:
            month, day = int(g["m"]), int(g["d"])
        if not month:
            return None
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if g.get("H") is None:
            return self._accept(d, False)
        hour, minute, sec = int(g["H"]), int(g["M"]), int(g.get("S") or 0)
        ampm = (g.get("ampm") or "").replace(".", "").replace(" ", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        tz = self._tz(g.get("off"), g.get("tz") or g.get("tz2"))
        if tz is None:
            return self._accept(d, False)  # no offset: the date is sure, the instant is not
        return self._accept(datetime(year, month, day, hour, minute, sec, tzinfo=tz), True)

    @staticmethod
    def _tz(off: str | None, name: str | None) -> timezone | None:
        if off:
            if off.upper() == "Z":
                return timezone.utc
            sign = -1 if off[0] == "-" else 1
            digits = off[1:].replace(":", "")
            return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4])))
        if name and name.upper() in _TZ:
            return timezone(timedelta(hours=_TZ[name.upper()]))
        return None

    def _accept(self, value: date | datetime, aware: bool) -> str | None:
        now = self.now() if self.now is not None else datetime.now(timezone.utc)
        day = value.date() if isinstance(value, datetime) else value
        if day < EARLIEST:
            return None
        if isinstance(value, datetime) and aware:
            if value > now + timedelta(hours=1):
                return None
            return value.isoformat()
        if day > (now + timedelta(hours=14)).date():
            return None
        return day.isoformat()

    @staticmethod
    def _adjacent(label_rx: re.Pattern[str], before: str) -> re.Match[str] | None:
        """The last label match that ends right before the date (a weekday name may sit between)."""
        found = None
        for m in label_rx.finditer(before):
            gap = before[m.end() :]
            if len(gap) <= 16 and not any(c.isdigit() for c in gap) and len(gap.split()) <= 1:
                found = m
        return found

    # -- plain text heads ----------------------------------------------------------------------------
    def _labelled_tail(self, after: str, lang: str | None) -> str:
        """``after`` (the text after a date) less the further labelled dates it holds
        ("| Aggiornato il 10 giugno 2008"): what is left besides them."""
        rx = self._patterns()
        for _ in range(3):
            hit = self._search(after, lang)
            if hit is None:
                break
            before = after[: hit.start]
            mark = self._adjacent(rx["label"], before) or self._adjacent(rx["updated"], before)
            if mark is None or before[: mark.start()].strip(" |•·,;/-–—"):
                break
            after = after[hit.end :]
        return after

    def from_text(
        self, lines: list[str], lang: str | None = None, max_lines: int = 4, label_lines: int = 8
    ) -> HeadDate | None:
        """The publish date of a plain text from its first lines, or None.

        Accepted: a date after a "Published"-style label (an "Updated" one only if nothing else), a dateline
        ("WASHINGTON, Dec. 14, 2016 (Reuters) -"), or a line that is little more than a date, in the first
        ``max_lines`` lines; further down, to ``label_lines``, only a line that holds nothing but a date after a
        "Published"-style label ("Geplaatst: vrijdag 15 mei 2009 18:05"). Dates inside body sentences ("on Dec. 7
        the attack...") and inside links (``https://.../2015/03/04/...``) are not publish dates. A line of labelled dates only ("Pubblicato il 9 giugno 2008 |
        Aggiornato il 10 giugno 2008") counts as ``only_date``.
        """
        rx = self._patterns()
        updated: HeadDate | None = None
        for i, line in enumerate(lines[: max(max_lines, label_lines)]):
            head = _URL.sub(lambda m: " " * len(m.group(0)), line[:300])  # a date in a link is another page's
            hit = self._search(head, lang)
            if hit is None:
                continue
            before, after = head[: hit.start], head[hit.end :]
            label = self._adjacent(rx["label"], before)
            upd = self._adjacent(rx["updated"], before)
            mark = label or upd
            start = mark.start() if mark else hit.start
            if mark is not None:
                after = self._labelled_tail(after, lang)
            rest_words = len(re.findall(r"\w+", before[:start] + " " + after))
            only_date = rest_words <= 3 and len(line) <= 120
            if i >= max_lines:  # below the head: only a "Published:" line that is nothing but its date
                if (
                    label is not None
                    and label.group("label").lower() != "date"
                    and (upd is None or label.start() > upd.start())
                    and not before[:start].strip()
                    and only_date
                ):
                    return HeadDate(hit.value, i, start, True)
                continue
            if label is not None and (upd is None or label.start() > upd.start()):
                return HeadDate(hit.value, i, start, only_date)
            if upd is not None:
                if updated is None:
                    updated = HeadDate(hit.value, i, start, only_date)
                continue
            if (
                len(before) <= 60
                and (before.strip() == "" or rx["dateline"].match(before))
                and rx["after"].match(after)
            ):
                return HeadDate(hit.value, i, start, only_date)
            if only_date:
                return HeadDate(hit.value, i, start, True)
        return updated
