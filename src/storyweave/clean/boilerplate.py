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

_PLATFORMS = (
    r"twitter|x\.com|facebook|instagram|telegram|youtube|tiktok|whatsapp|linkedin|pinterest|reddit|snapchat|"
    r"threads|mastodon|bluesky|vk|vkontakte|odnoklassniki|weibo|wechat|line|viber|signal|flipboard|google news|"
    r"apple news|rumble|gab|truth social"
)

# Words of site interfaces (share bars, menus, section fronts) in the main languages, lower case.
_UI_WORDS = frozenset(
    """
    share shares shared sharing this tweet retweet email e-mail mail print comment comments comentarios
    commenti commentaires kommentare reacties komentarze комментарии коментарі yorumlar yorum تعليقات more less
    copy link links url facebook twitter x instagram telegram youtube tiktok whatsapp linkedin pinterest reddit
    google snapchat flipboard messenger viber vk rss feed feeds sms apps app iphone ipad android free now
    home menu search login log in sign up register subscribe subscribed subscription newsletter newsletters
    news world politics business economy sport sports tech technology science health culture entertainment
    opinion opinions video videos photo photos gallery galleries podcast podcasts live weather local national
    international lifestyle travel education environment climate media markets money music movies tv radio
    trending popular latest top stories story related advertisement advertising ad ads sponsored
    previous next back close open skip content main navigation nav toggle about contact us privacy terms
    cookies cookie policy help faq careers jobs shop store donate account profile settings logout
    like likes follow following followers loading watch play pause listen read view views click here
    accueil rechercher connexion partager partagez imprimer suivre abonnez-vous abonnement lire aussi monde
    politique économie société culture sports vidéos
    startseite suche anmelden teilen drucken folgen abonnieren mehr politik wirtschaft kultur
    inicio buscar compartir imprimir seguir suscríbete suscribirse portada mundo política economía deportes
    cerca condividi stampa segui iscriviti esteri cronaca politica economia spettacoli
    zoeken delen printen volg abonneer binnenland buitenland
    szukaj udostępnij drukuj obserwuj subskrybuj wiadomości kraj świat
    главная поиск поделиться печать подписаться новости мир политика экономика спорт
    головна пошук поділитися друк новини світ
    anasayfa ara paylaş yazdır takip et abone ol gündem dünya ekonomi spor
    الرئيسية بحث شارك مشاركة طباعة تابعنا أخبار
    """.split()
)

_SOCIAL_COUNT_WORDS = (
    r"subscribers?|followers?|following|views?|likes?|comments?|shares?|reactions?|plays?|listens?|"
    r"abonnés|abonnenten|suscriptores|seguidores|iscritti|follower|volgers|abonnees|obserwujących|subskrypcji|"
    r"подписчик\w*|просмотр\w*|підписник\w*|abone|takipçi|görüntülenme|مشترك|متابع|مشاهدة"
)


# Every "strong" pattern contains one of these (lower-cased) stems; lines without any skip the big regex.
_STRONG_STEMS = tuple(
    """
    wanted friend sign subscri regist newsletter member patron supporter journalism reporting newsroom answerable funded donat
    contribution already only unlimited app notification inbox tip error follow find like join share page channel
    account conversation cookie privacy terms characters robot captcha human log password javascript blocker
    browser trouble click tap scroll transcript problem inscri abonn suivez soutenez devenez déjà téléchargez
    jetzt folgen unterstützen bereits mitglied suscr boletín síguenos hazte apoya assine siga-nos seguici abbonati
    sostieni meld schrijf nieuwsbrief volg word zapisz obserwuj plików wesprzyj подпиш телеграм канал cookie
    підпиш abone bülten takip çerez اشترك النشرة تابع ملفات
    """.split()
)
_COPYRIGHT_STEMS = ("©", "(c)", "copyright", "rights", "droits", "rechte", "derechos", "diritti", "rechten", "prawa",
                    "права", "hakları", "الحقوق", "material")  # fmt: skip
_SOCIAL_STEMS = ("@", "pic.twitter", "t.co/", "shared by", "partagée", "geteilt", "compartida", "condiviso", "публикация")


_DIGIT = re.compile(r"\d")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])['\"”»’)]?\s+(?=[\"“«„'‘(]?[^\W\d_])")


class Removal(NamedTuple):
    index: int  # position in the input's non-empty lines
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

    def _patterns(self) -> dict[str, re.Pattern[str]]:
        if self._rx is not None:
            return self._rx
        i = re.IGNORECASE
        self._rx = {
            "md_image": re.compile(r"!\[[^\]]*\]\([^)]*\)"),
            "md_link": re.compile(r"\[([^\]]*)\]\((?:https?://|/|www\.|mailto:)[^)]*\)"),
            "url": re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|co\.uk|de|fr|es|it|ru|pl|tr|nl)/\S*", i),
            "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"),
            "handle": re.compile(r"(?<![\w@])[@#][\w.]{2,}"),
            "phone": re.compile(r"\(?\+?\d[\d\s().-]{6,}\d\)?"),
            "word": re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?"),
            "quote": re.compile(r"[\"“”„«»]|(?:^|\s)['‘][^'‘’]{3,}['’](?:\s|[.,;:!?]|$)|^[-–—]\s"),
            "sentence_end": re.compile(r"[.!?…:;]['\"”»’)]*$|[.!?…]['\"”»’)]+\W*$"),
            "tweet_sig": re.compile(
                r"^[—–-]\s*[^()\n]{1,80}\(@\w{1,30}\)\s*[^\W\d_]{3,12}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\s*$"
                r"|pic\.twitter\.com/\w+|\bt\.co/\w+|A post shared by\b|Публикация от|Une publication partagée par"
                r"|Ein Beitrag geteilt von|Una publicación compartida por|Un post condiviso da",
                i,
            ),
            "social_count": re.compile(
                rf"^[\W_]*\d[\d.,\s]*(?:[kmb]|tys\.?|тыс\.?|тис\.?|mln\.?|млн\.?|mio\.?|mil|bin|mille)?\+?\s*(?:{_SOCIAL_COUNT_WORDS})\W*$"
                rf"|^(?:{_SOCIAL_COUNT_WORDS})\W*\d[\d.,\s]*[kmb]?\W*$", i
            ),
            "read_time": re.compile(
                r"^[\W_]*(?:reading time|lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|leestijd|"
                r"czas czytania|время чтения|okuma süresi)?\W*(?:~\s*)?\d{1,3}\s*(?:min(?:ute)?s?|мин\w*|dk|dakika|minuti|minutos|minuten)\.?\s*"
                r"(?:read|de lecture|lesezeit|de lectura|di lettura|leestijd|czytania|чтения|читання|okuma)?\W*$",
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
            "strong": re.compile(
                # calls to the reader: newsletters, memberships, donations, apps, alerts
                r"\bsign(?:ing)? up (?:for|to)\b.{0,60}\b(?:newsletter|emails?|alerts?|briefing|digest|updates)|"
                r"\b(?:subscribe|register) (?:to|for|now|today|here)\b|\bsubscribe to (?:our|the)\b|"
                r"\b(?:our|free|daily|weekly) (?:email )?newsletters?\b|\bnewsletters? sign[- ]?up\b|"
                r"\bbecome an? (?:member|subscriber|patron|supporter)\b|\bsupport (?:our|independent|quality|local) (?:journalism|reporting|newsroom)\b|"
                r"\bwe are answerable only to\b|\bour journalism is (?:free|funded)\b|\bmake a (?:donation|contribution)\b|"
                r"\bdonate (?:now|today)\b|\balready a (?:subscriber|member)\b|\bsubscribers? only\b|\bunlimited (?:digital )?access\b|"
                r"\bdownload (?:our|the) (?:free )?(?:\w+ )?app\b|\bget (?:the|our) (?:free )?(?:\w+ )?app\b|\bpush notifications?\b|"
                r"\bdelivered (?:straight )?to your inbox\b|\bin your inbox\b|\bsign up today\b|"
                r"\bwanted you to see\b|\be-?mail (?:this|to a friend)\b|\bsend to a friend\b|"
                r"\bsend (?:us )?(?:your )?(?:news )?tips?\b.{0,40}@|\breport an error\b|\bsubmit a tip\b|"
                # follow / share
                rf"\b(?:follow|find|like|join)\b.{{0,50}}\b(?:on|at|via)\s+(?:{_PLATFORMS})\b|\bshare (?:this|on)\b|"
                rf"\b(?:{_PLATFORMS})\s*(?:page|channel|account)\b.{{0,30}}$|\bjoin the conversation\b|"
                # cookies, privacy, login, captcha, scripts
                r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences|consent)\b|\baccept (?:all )?cookies\b|"
                r"\bprivacy (?:policy|notice|settings)\b|\bterms (?:of (?:use|service)|and conditions)\b|"
                r"\benter the characters\b|\bi'?m not a robot\b|\bcaptcha\b|\bverify (?:that )?you are (?:a )?human\b|"
                r"\b(?:sign|log) in (?:to|with)\b|\byou must be logged in\b|\bcreate (?:an|a free) account\b|\bforgot (?:your )?password\b|"
                r"\benable javascript\b|\bjavascript (?:is )?(?:required|disabled)\b|\brequires javascript\b|\bad ?blocker\b|"
                r"\bbrowser does not support\b|\bhaving trouble viewing\b|\bclick here\b|\btap here\b|\bscroll down for\b|"
                r"\bnotification(?:s)? (?:are|has been|have been)\b|\bproblem saving your\b|\bhide transcript\b|"
                # fr
                r"\binscrivez-vous\b|\babonnez-vous\b|\bnotre newsletter\b|\bla newsletter\b|\bsuivez-nous\b|\bsoutenez\b.{0,40}\bjournalisme\b|"
                r"\bdevenez (?:membre|abonné)\b|\bnous utilisons des cookies\b|\bdéjà abonné\b|\btéléchargez (?:notre|l'application)\b|"
                # de
                r"\bnewsletter (?:abonnieren|bestellen|anmelden)\b|\bjetzt (?:abonnieren|anmelden|registrieren|teilen)\b|\bfolgen sie uns\b|"
                r"\bwir verwenden cookies\b|\bunterstützen sie\b.{0,40}\bjournalismus\b|\bbereits abonnent\b|\bmitglied werden\b|"
                # es / pt / it
                r"\bsuscríbete\b|\bsuscribirse\b|\bnuestro boletín\b|\bsíguenos\b|\butilizamos cookies\b|\bhazte (?:socio|miembro|suscriptor)\b|"
                r"\bapoya (?:el|nuestro) periodismo\b|\bassine (?:já|agora)\b|\binscreva-se\b|\bsiga-nos\b|\bnossa newsletter\b|"
                r"\biscriviti\b|\bseguici\b|\butilizziamo (?:i )?cookie\b|\babbonati\b|\bsostieni\b.{0,40}\bgiornalismo\b|"
                # nl / pl
                r"\bmeld je aan\b|\bschrijf je in\b|\bonze nieuwsbrief\b|\bvolg ons\b|\bwij gebruiken cookies\b|\bword (?:lid|abonnee)\b|"
                r"\bzapisz się\b|\bnasz newsletter\b|\bobserwuj nas\b|\bużywamy plików cookie\b|\bwesprzyj\b.{0,40}\bdziennikarstwo\b|"
                # ru / uk
                r"\bподпишитесь\b|\bподписывайтесь\b|\bнаш телеграм|\bнаш канал\b|\bмы используем (?:файлы )?cookie\b|"
                r"\bпідпишіться\b|\bпідписуйтесь\b|\bнаш телеграм-канал\b|"
                # tr / ar
                r"\babone ol\b|\bbültenimize\b|\bbizi takip edin\b|\bçerez(?:ler)?\b.{0,40}\bkullan|"
                r"اشترك في|اشترك الآن|النشرة البريدية|تابعونا على|تابعنا على|نستخدم ملفات تعريف الارتباط",
                i,
            ),
            "reader": re.compile(
                r"^\W*(?:click|tap|sign up|subscribe|download|follow|join|register|donate|get|read|watch|listen|like|share)\b|"
                r"\b(?:you|your|yours|we|our|us|please|vous|votre|vos|nous|notre|nos|sie|ihr|ihre|unser\w*|wir|"
                r"usted|tu|tú|nuestro\w*|nuestra\w*|vostro|vostra|nostro|nostra|noi|uw|jij|je|wij|ons|onze|"
                r"nasz\w*|wasz\w*|вы|вас|ваш\w*|наш\w*|мы|ви|вас|siz|bizi|bizim|sizin|"
                r"iscriviti|abbonati|seguici|inscrivez|abonnez|suivez|suscríbete|síguenos|hazte|abonnieren|folgen|"
                r"schrijf|meld|volg|zapisz|obserwuj|wesprzyj|подпишитесь|подписывайтесь|підпишіться|abone|takip)\b|نا\b|كم\b|اشترك|تابع",
                i,
            ),
            "nav_sep": re.compile(r"\s*[|•·»›>]\s*|\s/\s"),
            "only_punct": re.compile(r"^[\W_]+$"),
            "label_only": re.compile(r"^[\w '’-]{1,30}:$"),
            "byline_only": re.compile(r"^(?:by|par|von|por|di|door|przez|автор|від|yazan|بقلم)\s*:?\s*(?:staff|breaking news staff|web staff|news staff|wire reports|[\w.]+ staff)\W*$", i),
        }
        return self._rx

    # -- single line -------------------------------------------------------------------------------------
    def normalize_line(self, line: str) -> str:
        """Markdown links keep their text; images go; whitespace collapses."""
        rx = self._patterns()
        if "](" in line:
            line = rx["md_image"].sub(" ", line)
            line = rx["md_link"].sub(r"\1", line)
        return " ".join(line.split())

    def is_sentence(self, line: str) -> bool:
        """A line that reads like prose: enough words and sentence punctuation at the end, or a quotation."""
        rx = self._patterns()
        if rx["quote"].search(line) and len(rx["word"].findall(line)) >= 3:
            return True
        return len(rx["word"].findall(line)) >= self.min_sentence_words and bool(rx["sentence_end"].search(line))

    def has_quote(self, line: str) -> bool:
        rx = self._patterns()
        return bool(rx["quote"].search(line)) and len(rx["word"].findall(line)) >= 3

    def classify(self, line: str) -> str | None:
        """Why ``line`` is boilerplate, or None to keep it. ``line`` should be normalised."""
        rx = self._patterns()
        if not line:
            return "empty"
        if rx["only_punct"].match(line):
            return "separator"
        low = line.lower()
        if (line[0] in "—–-" or any(s in low for s in _SOCIAL_STEMS)) and rx["tweet_sig"].search(line):
            return "social_post"
        words = rx["word"].findall(line)
        quote = self.has_quote(line)
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
            if len(residue_words) <= 1 and (len(words) > len(residue_words) or had_handles or has_phone) and not quote:
                return "link_or_handle"
            if len(words) >= 4 and len(residue_words) * 3 < len(words) and not self.is_sentence(residue):
                return "link_or_handle"
        short = len(words) <= 6
        if short and rx["social_count"].match(line):
            return "social_count"
        if short and rx["read_time"].match(line):
            return "read_time"
        if short and rx["advert"].match(line):
            return "advertisement"
        if not quote and rx["related"].match(line):
            return "related"
        if not quote and len(words) <= 60 and any(s in low for s in _COPYRIGHT_STEMS) and rx["copyright"].search(line):
            return "copyright"
        sentence = self.is_sentence(line)
        if (
            not quote
            and len(words) <= 80
            and any(s in low for s in _STRONG_STEMS)
            and rx["strong"].search(line)
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
        if lowered and len(lowered) <= 14 and all(w in _UI_WORDS for w in lowered):
            return "interface"
        if not any(c in line for c in ".!?"):
            parts = [p for p in rx["nav_sep"].split(line) if p]
            if len(parts) >= 3 and all(len(rx["word"].findall(p)) <= 3 for p in parts):
                return "menu"
        if len(words) <= 3 and line.endswith(":") and line.isupper() and rx["label_only"].match(line):
            return "label"
        return None

    def split_pitch(self, line: str) -> tuple[str, str] | None:
        """For a paragraph whose tail is a call to the reader ("... cops said. For the latest, subscribe to ..."),
        the (kept head, removed tail); None when the first sentence is itself the call or nothing splits."""
        rx = self._patterns()
        parts = _SENTENCE_SPLIT.split(line)
        if len(parts) < 2:
            return None
        for i, part in enumerate(parts):
            low = part.lower()
            if any(s in low for s in _STRONG_STEMS) and rx["strong"].search(part):
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
            why = self.classify(line)
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
