"""Line-based boilerplate removal for plain text, as language-independent as it can be.

Structural cues come first (a line that is only links, handles, hashtags, e-mail addresses, phone numbers or
punctuation; an embedded social post; a line made only of interface words such as "Share", "Twitter",
"Home"). Phrase patterns in the main languages then catch calls to the reader (newsletters, memberships,
"Follow us on", cookie and login notices, "READ MORE:" labels, copyright lines, photo credits).

Conservative by design: a line that reads like a real sentence (>= 8 words and ending punctuation) or that
holds a quotation is never dropped by a single-word or interface-vocabulary rule; only specific multi-word
calls to the reader and line-start labels ("READ MORE:") override that, and never for a quotation.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from storyweave.clean.phrases import (
    COPYRIGHT_STEMS,
    SOCIAL_COUNT_WORDS,
    SOCIAL_STEMS,
    STRONG_RULES,
    STRONG_STEMS,
    UI_WORDS,
)

# Characters that re.IGNORECASE matches to letters of the literals above although ``str.lower`` does not turn them
# into those letters (dotted and dotless i, long s, old Cyrillic letter forms): a line holding one runs the whole
# "strong" pattern, so that the literal test never decides differently from the pattern.
_CASE_ODD = re.compile(r"[\u0130\u0131\u017f\u1c80-\u1c88]")


_NEWSLETTER_STEMS = ("newsletter", "inbox", "e-mail", "email", "briefing", "boletín", "nieuwsbrief", "bülten",
                     "рассылк", "розсилк", "النشرة", "lettre d'information", "boîte", "correo", "casella di posta",
                     "caixa de entrada", "mailbox", "postfach", "posteingang", "skrzynk", "почт")  # fmt: skip
_MAX_POST_CHARS = 400  # an embedded post's text and signature; longer lines are paragraphs
_DIGIT = re.compile(r"\d")
_Rule = tuple[tuple[str, ...], re.Pattern[str]]
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])['\"”»’)]?\s+(?=[\"“«„'‘(]?[^\W\d_])")


class Removal(NamedTuple):
    index: int  # type: ignore[assignment]  # position in the input's non-empty lines
    line: str
    reason: str


class Stripped(NamedTuple):
    text: str  # kept lines, one paragraph per line
    kept: list[str]
    removed: list[str]  # removed lines, in input order
    reasons: list[Removal]


class BoilerplateFilter:
    """``strip(text)`` -> :class:`Stripped`; ``classify(line)`` -> reason string or None (line kept).

    Patterns are compiled on first use and cached on the instance.
    """

    def __init__(self, min_sentence_words: int = 8):
        self.min_sentence_words = min_sentence_words
        self._rx: dict[str, re.Pattern[str]] | None = None
        # STRONG_RULES by stem: the rules one of whose literals holds the stem, and the rules with a literal that
        # holds no stem (to try whenever a line holds some stem); built on first use
        self._strong: tuple[dict[str, list[_Rule]], list[_Rule]] | None = None

    def _patterns(self) -> dict[str, re.Pattern[str]]:
        if self._rx is not None:
            return self._rx
        i = re.IGNORECASE
        self._rx = {
            "md_image": re.compile(r"!\[[^\]]*\]\([^)]*\)"),
            # a markdown link to a share / sharer / intent endpoint: a share button, not article text
            "md_share": re.compile(
                r"\[[^\]]*\]\((?:(?:https?:)?//[^)/\s]+/(?:[^)\s?#]*/)?(?:sharer?(?:\.php)?|share(?:article|offsite)?|"
                r"sharing/[\w-]*|intent/(?:tweet|post)|pin/create/\w+)(?:[/?#][^)]*)?"
                r"|(?:https?:)?//(?:[\w-]+\.)*(?:whatsapp\.com/send|wa\.me/|reddit\.com/submit)[^)]*|mailto:\?[^)]*)\)",
                i,
            ),
            "md_link": re.compile(r"\[([^\]]*)\]\((?:https?://|/|www\.|mailto:)[^)]*\)"),
            "url": re.compile(
                r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|co\.uk|de|fr|es|it|ru|pl|tr|nl)/\S*", i
            ),
            "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"),
            "handle": re.compile(r"(?<![\w@])[@#][\w.]{2,}"),
            "phone": re.compile(r"\(?\+?\d[\d\s().-]{6,}\d\)?"),
            "word": re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?"),
            "quote": re.compile(r"[\"“”„«»]|(?:^|\s)['‘][^'‘’]{3,}['’](?:\s|[.,;:!?]|$)|^[-–—]\s"),
            "sentence_end": re.compile(r"[.!?…:;]['\"”»’)]*$|[.!?…]['\"”»’)]+\W*$"),
            "tweet_sig": re.compile(
                r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*(?:[^\W\d_]{3,12}\.?\s+\d{1,2},?"
                r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?(?:\s+de)?)\s+(?:19|20)\d\d\s*$"
                r"|pic\.twitter\.com/\w+|\bt\.co/\w+|A post shared by\b|Публикация от|Une publication partagée par"
                r"|Ein Beitrag geteilt von|Una publicación compartida por|Un post condiviso da",
                i,
            ),
            "social_count": re.compile(
                rf"^[\W_]*\d[\d.,\s]*(?:[kmb]|tys\.?|тыс\.?|тис\.?|mln\.?|млн\.?|mio\.?|mil|bin|mille)?\+?\s*(?:{SOCIAL_COUNT_WORDS})\W*$"
                rf"|^(?:{SOCIAL_COUNT_WORDS})\W*\d[\d.,\s]*[kmb]?\W*$",
                i,
            ),
            "read_time": re.compile(
                r"^[\W_]*(?:reading time|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|"
                r"czas czytania|время чтения|okuma süresi)?\W*(?:~\s*)?\d{1,3}\s*(?:min(?:ute)?s?|мин\w*|dk|dakika|minuti|minutos|minuten)\.?\s*"
                r"(?:read|de lecture|lesezeit|de lectura|di lettura|leestijd|czytania|чтения|читання|okuma)?\W*$",
                i,
            ),
            # an embedded video or post as scraped: its caption ends in the link to the post on a video platform
            "embed_tail": re.compile(
                r"(?:https?://)?(?:www\.|m\.)?(?:youtube\.com/(?:watch\?v=|shorts/|embed/)|youtu\.be/|"
                r"tiktok\.com/@[\w.]+/video/|vimeo\.com/(?:video/)?\d|dailymotion\.com/video/|rumble\.com/v|"
                r"(?:facebook|fb)\.(?:com|watch)/(?:[\w.]+/videos/|watch/?\?v=|reel/)|instagram\.com/(?:p|reel|tv)/|"
                r"(?:twitter|x)\.com/\w+/status/|t\.me/[\w+]+/\d)\S*\W*$",
                i,
            ),
            # a subscription plan's length or price standing alone ("12 months", "$4.99/month")
            "offer": re.compile(
                r"^[\W_]*(?:(?:[$€£¥₹]\s?)?\d+(?:[.,]\d\d)?\s?(?:[$€£]|usd|eur|gbp)?\s*(?:/|per|a|an|par|pro|al|por|в)\s*"
                r"(?:month|mo|year|yr|week|mois|an|monat|jahr|mes|año|mese|anno|maand|jaar|miesiąc|месяц|год|ay|yıl)"
                r"|\d{1,2}[\s-]*(?:months?|years?|weeks?|mois|ans?|monate?|jahre?|meses|años|mesi|anni|maanden|jaar|"
                r"miesi\w+|месяц\w*|год\w*|ay|yıl|أشهر|شهر|سنة)"
                r"|monthly|yearly|annual(?:ly)?|mensuel|annuel|monatlich|jährlich|mensual|anual|mensile|annuale|"
                r"maandelijks|jaarlijks|miesięcznie|rocznie|ежемесячно|ежегодно|aylık|yıllık)"
                r"(?:\s+(?:plan|subscription|access|abonnement|abo|suscripción|abbonamento|assinatura))?[\W_]*$",
                i,
            ),
            "advert": re.compile(
                r"^[\W_]*(?:advertisement|advertising|advertorial|sponsored(?: content)?|paid content|anzeige|werbung|"
                r"publicité|publicidad|pubblicità|advertentie|reklama|реклама|إعلان|reklam|ad|ads|"
                r"story continues below(?: advertisement)?|article continues below|continue reading below|"
                r"scroll to continue(?: with content)?|the article continues after the ad)[\W_]*$",
                i,
            ),
            "photo_credit": re.compile(
                r"^[\W_]*(?:(?:photo|photograph|image|picture|foto|bild|fotó|zdjęcie|фото|صورة|fotoğraf|credit|crédit|crédito|"
                r"source|quelle|fuente|fonte|bron|źródło|источник|kaynak)s?(?:\s+(?:credit|by|de|von|di|door))?\s*[:/©|]"
                r"|©|\(c\)\s|(?:AP|AFP|EPA|Reuters|dpa|ANSA|Getty|Shutterstock|Anadolu|Xinhua)\s*(?:Photo)?\s*/)"
                r"|(?:^|[\s/(])(?:Getty Images|AFP via Getty Images|AP Photo(?:/[\w. ]+)?|Shutterstock|iStock(?:photo)?|"
                r"Imago|picture alliance|dpa-Bildfunk|EPA-EFE|Reuters/[\w .]+|Anadolu Agency|Sputnik)\W*$",
                i,
            ),
            "copyright": re.compile(
                r"^[\W_]*(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b"
                r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b|\balle rechten voorbehouden\b"
                r"|\bwszelkie prawa zastrzeżone\b|\bвсе права защищены\b|\bвсі права захищені\b|\btüm hakları saklıdır\b"
                r"|\bجميع الحقوق محفوظة\b|\bthis material may not be published, broadcast\b",
                i,
            ),
            "related": re.compile(
                r"^[\W_]*(?:read more|read also|also read|read next|more from|more on this|more:|related(?: stories| articles| coverage| content| news| links)?|"
                r"see also|also see|recommended(?: for you| stories)?|you may also like|you might also like|most read|most popular|"
                r"trending(?: now| stories)?|top stories|watch|video|photos|also|just in|breaking|editor'?s picks|"
                r"lire aussi|à lire aussi|a lire aussi|voir aussi|lire la suite|sur le même sujet|"
                r"lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|auch interessant|weiterlesen|"
                r"lea también|leer más|lee también|te puede interesar|más información|"
                r"leggi anche|leggi tutto|potrebbe interessarti|lees ook|lees meer|meer over|"
                r"czytaj (?:także|też|również|więcej)|zobacz (?:też|także|również)|"
                r"читайте (?:также|тоже|еще|ещё)|смотрите также|по теме|читайте також|дивіться також|"
                r"ayrıca (?:okuyun|bakınız)|ilgili (?:haber|haberler)|bunlar da ilginizi çekebilir|"
                r"اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|مواضيع ذات صلة)\s*(?:[:»>|›→–—-]|\.{3}|$)",
                i,
            ),
            "strong": re.compile("|".join(pattern for _, pattern in STRONG_RULES), i),
            "reader": re.compile(
                r"^\W*(?:click|tap|sign up|subscribe|download|follow|join|register|donate|get|read|watch|listen|like|share)\b|"
                r"\b(?:you|your|yours|we|our|us|please|vous|votre|vos|nous|notre|nos|sie|ihr|ihre|ihrem|ihren|unser\w*|wir|dein\w*|"
                r"usted|tu|tú|tuo|tua|tuoi|tue|nuestro\w*|nuestra\w*|vostro|vostra|nostro|nostra|noi|uw|jij|je|wij|ons|onze|"
                r"nasz\w*|wasz\w*|вы|вас|ваш\w*|наш\w*|мы|ви|вас|siz|bizi|bizim|sizin|"
                r"iscriviti|abbonati|seguici|inscrivez|abonnez|suivez|suscríbete|síguenos|hazte|abonnieren|folgen|"
                r"schrijf|meld|volg|zapisz|obserwuj|wesprzyj|подпишитесь|подписывайтесь|підпишіться|abone|takip)\b|نا\b|كم\b|اشترك|تابع",
                i,
            ),
            "nav_sep": re.compile(r"\s*[|•·»›>]\s*|\s/\s"),
            "only_punct": re.compile(r"^[\W_]+$"),
            # a web form's field as crawled: "Message: * A friend ... http://..." (with a URL in the line)
            "form_field": re.compile(r"^[^\W\d_]{3,15}\s*:\s*\*\s"),
            "label_only": re.compile(r"^[\w '’-]{1,30}:$"),
            "byline_only": re.compile(
                r"^(?:by|par|von|por|di|door|przez|автор|від|yazan|بقلم)\s*:?\s*(?:staff|breaking news staff|web staff|news staff|wire reports|[\w.]+ staff)\W*$",
                i,
            ),
        }
        return self._rx

    # -- single line -------------------------------------------------------------------------------------
    def normalize_line(self, line: str) -> str:
        """Markdown links keep their text; images go; whitespace collapses.

        Share buttons (links to a share / sharer / intent endpoint, see ``share_only``) go too when the line holds
        other text; a line of nothing but share buttons keeps their text, for ``share_only`` to drop it.
        """
        rx = self._patterns()
        if "](" in line:
            line = rx["md_image"].sub(" ", line)
            if rx["md_share"].search(line):
                rest = rx["md_share"].sub(" ", line)
                if not rx["only_punct"].match(rest) and rest.strip():
                    line = rest
            line = rx["md_link"].sub(r"\1", line)
        return " ".join(line.split())

    def share_only(self, line: str) -> bool:
        """Whether raw (not yet normalised) ``line`` is only markdown share buttons ("[Share on Facebook](https://
        www.facebook.com/sharer/...)"), with at most separators and interface words ("Share:") beside them."""
        if "](" not in line:
            return False
        rx = self._patterns()
        if not rx["md_share"].search(line):
            return False
        rest = rx["md_share"].sub(" ", rx["md_image"].sub(" ", line))
        words = [w.lower().strip(".'’-") for w in rx["word"].findall(rest)]
        return all(w in UI_WORDS for w in words) and "](" not in rest

    def is_sentence(self, line: str) -> bool:
        """A line that reads like prose: enough words and sentence punctuation at the end, or a quotation."""
        words = self._patterns()["word"].findall(line)
        return self._is_sentence(line, words, self._has_quote(line, words))

    def has_quote(self, line: str) -> bool:
        return self._has_quote(line, self._patterns()["word"].findall(line))

    # the same, for a line whose words (``rx["word"].findall(line)``) are known
    def _has_quote(self, line: str, words: list[str]) -> bool:
        return len(words) >= 3 and bool(self._patterns()["quote"].search(line))

    def _is_sentence(self, line: str, words: list[str], quote: bool) -> bool:
        if quote:
            return True
        return len(words) >= self.min_sentence_words and bool(self._patterns()["sentence_end"].search(line))

    def _calls_to_reader(self, text: str, low: str) -> bool:
        """Whether ``text`` holds one of STRONG_STEMS and ``rx["strong"]`` finds a call to the reader in it.

        ``low`` is ``text.lower()``. Only the rules whose literals can be in ``text`` run (see STRONG_RULES).
        """
        stems = [s for s in STRONG_STEMS if s in low]
        if not stems:
            return False
        if _CASE_ODD.search(text):
            return bool(self._patterns()["strong"].search(text))
        by_stem, unstemmed = self._strong_rules()
        rules = {rule for stem in stems for rule in by_stem.get(stem, ())}.union(unstemmed)
        return any(any(s in low for s in literals) and rx.search(text) for literals, rx in rules)

    def _strong_rules(self) -> tuple[dict[str, list[_Rule]], list[_Rule]]:
        if self._strong is None:
            grouped: dict[tuple[str, ...], list[str]] = {}
            for literals, pattern in STRONG_RULES:
                grouped.setdefault(literals, []).append(pattern)
            by_stem: dict[str, list[_Rule]] = {}
            unstemmed: list[_Rule] = []
            for literals, patterns in grouped.items():
                rule = (literals, re.compile("|".join(patterns), re.IGNORECASE))
                if not all(any(stem in literal for stem in STRONG_STEMS) for literal in literals):
                    unstemmed.append(rule)
                    continue
                for stem in {stem for literal in literals for stem in STRONG_STEMS if stem in literal}:
                    by_stem.setdefault(stem, []).append(rule)
            self._strong = by_stem, unstemmed
        return self._strong

    def classify(self, line: str) -> str | None:
        """Why ``line`` is boilerplate, or None to keep it. ``line`` should be normalised."""
        rx = self._patterns()
        if not line:
            return "empty"
        if rx["only_punct"].match(line):
            return "separator"
        low = line.lower()
        if (
            (line[0] in "—–-" or any(s in low for s in SOCIAL_STEMS))
            and len(line) <= _MAX_POST_CHARS
            and rx["tweet_sig"].search(line)
        ):
            return "social_post"  # a long paragraph that quotes a post's link is still the article
        words = rx["word"].findall(line)
        quote = self._has_quote(line, words)
        # structural: what is left once links, handles, e-mails and phone numbers are taken out
        if "/" in line or "www" in low or "@" in line or "#" in line or _DIGIT.search(line):
            residue = rx["url"].sub(" ", line) if ("/" in line or "www" in low) else line
            residue = rx["email"].sub(" ", residue) if "@" in residue else residue
            had_handles = ("@" in residue or "#" in residue) and bool(rx["handle"].search(residue))
            if had_handles:
                residue = rx["handle"].sub(" ", residue)
            has_phone = bool(rx["phone"].search(residue))
            if has_phone:
                residue = rx["phone"].sub(" ", residue)
            residue_words = rx["word"].findall(residue) if residue is not line else words
            if (
                len(residue_words) <= 1
                and (len(words) > len(residue_words) or had_handles or has_phone)
                and not quote
            ):
                return "link_or_handle"
            if len(words) >= 4 and len(residue_words) * 3 < len(words) and not self.is_sentence(residue):
                return "link_or_handle"
            if len(words) <= 60 and not quote and rx["form_field"].match(line) and rx["url"].search(line):
                return "call_to_reader"  # a crawled share form: "Message: * A friend wanted you to see ...: http://..."
        short = len(words) <= 6
        if short and rx["social_count"].match(line):
            return "social_count"
        if short and rx["read_time"].match(line):
            return "read_time"
        if short and rx["advert"].match(line):
            return "advertisement"
        if short and rx["offer"].match(line):
            return "offer"
        if len(line) <= _MAX_POST_CHARS and ("/" in line or "." in line) and rx["embed_tail"].search(line):
            return "embedded_post"
        if not quote and rx["related"].match(line):
            return "related"
        if (
            not quote
            and len(words) <= 60
            and any(s in low for s in COPYRIGHT_STEMS)
            and rx["copyright"].search(line)
        ):
            return "copyright"
        sentence = self._is_sentence(line, words, quote)
        if (
            not quote
            and len(words) <= 80
            and self._calls_to_reader(line, low)
            and (not sentence or rx["reader"].search(line))
        ):
            return "call_to_reader"
        if sentence:
            return None
        # below: rules that never touch a sentence
        if len(words) <= 14 and rx["photo_credit"].search(line):
            return "photo_credit"
        if short and rx["byline_only"].match(line):
            return "byline_staff"
        lowered = [w.lower().strip(".'’-") for w in words]
        if lowered and len(lowered) <= 14 and all(w in UI_WORDS for w in lowered):
            return "interface"
        if not any(c in line for c in ".!?"):
            parts = [p for p in rx["nav_sep"].split(line) if p]
            if len(parts) >= 3 and all(len(rx["word"].findall(p)) <= 3 for p in parts):
                return "menu"
        if len(words) <= 3 and line.endswith(":") and line.isupper() and rx["label_only"].match(line):
            return "label"
        return None

    def names_pitch(self, line: str, pitch: str) -> bool:
        """Whether ``line`` is the name of the newsletter that ``pitch`` (the next line, a call to the reader)
        advertises: a short title without sentence punctuation ("The Morning Brief") above a newsletter pitch."""
        words = line.split()
        if not 1 <= len(words) <= 5 or line[-1] in '.!?:;"”»' or self.has_quote(line):
            return False
        low = pitch.lower()
        return any(stem in low for stem in _NEWSLETTER_STEMS) and sum(
            w[:1].isupper() for w in words
        ) * 2 >= len(words)

    def split_pitch(self, line: str) -> tuple[str, str] | None:
        """For a paragraph whose tail is a call to the reader ("... cops said. For the latest, subscribe to ..."),
        the (kept head, removed tail); None when the first sentence is itself the call or nothing splits."""
        parts = _SENTENCE_SPLIT.split(line)
        if len(parts) < 2:
            return None
        for i, part in enumerate(parts):
            if self._calls_to_reader(part, part.lower()):
                if i == 0:
                    return None
                head, tail = " ".join(parts[:i]), " ".join(parts[i:])
                return (head, tail) if self.is_sentence(head) else None
        return None

    # -- whole text ------------------------------------------------------------------------------------
    def strip(self, text: str) -> Stripped:
        kept: list[str] = []
        removed: list[str] = []
        reasons: list[Removal] = []
        index = 0
        for raw in text.splitlines():
            line = self.normalize_line(raw)
            if not line:
                continue
            why = "share_link" if self.share_only(raw) else self.classify(line)
            split = self.split_pitch(line) if why == "call_to_reader" else None
            if split is not None:
                kept.append(split[0])
                removed.append(split[1])
                reasons.append(Removal(index, split[1], "call_to_reader"))
            elif why is None:
                kept.append(line)
            else:
                removed.append(line)
                reasons.append(Removal(index, line, why))
            index += 1
        return Stripped("\n".join(kept), kept, removed, reasons)
