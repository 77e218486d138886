"""Who cites whom: credits to other news outlets and agencies in an article's text (issue 9, item 4).

An outlet named in the text is cited only when the text credits it; a bare mention ("Trump appeared on Fox News",
"CNN and MSNBC turned to coverage") is not a citation. A credit is one of:

- **structural**: a dateline or credit in parentheses ("WASHINGTON (AP) —", "(dpa)", "(With Reuters inputs.)",
  "(avec AFP)", "(mit Material von dpa)"); a source line ("Source: Reuters", "Kaynak: AA", "Quelle: dpa",
  "Fuente: EFE", "Źródło: PAP", "Источник: ТАСС", "المصدر: رويترز"); a byline or sign-off ("By Jane Doe,
  Associated Press", "— Associated Press", a line that is only agency names such as "dpa/AFP"); a copyright line;
  "... contributed to this report"; Reuters' "(Reporting by ...; Editing by ...)" sign-off, which names no outlet
  and is credited to Reuters;
- **a cue before the name**: "according to", "told", "in an interview with", "quoted by", "selon", "d'après",
  "accordée à", "laut", "nach Angaben der", "sagte ... dem", "gegenüber", "berichtete die", "según", "dijo a",
  "secondo", "ha detto a", "segundo", "disse à", "по данным", "сообщает", "заявил ... агентству", "وفقا ل",
  "نقلت", "قال ل", "według", "powiedział ... dla", "w rozmowie z" ... with at most a few articles, media nouns
  ("the news agency", "der Fernsehsender", "la chaîne", "агентству", "وكالة", "gazetesi") or adjectives between;
- **a cue after the name**: the outlet as the one who reports ("CNN reported", "wie die dpa berichtet",
  "der BBC zufolge", "rapporte Le Monde", "AA'ya konuştu", "Reuters'a göre", "podała PAP"), its journalists
  ("Fox News host ...", "CNN's Jake Tapper", "BBC-Korrespondent") and its output ("a CNN/ORC poll", "a Washington
  Post report").

Names that are also words or other things (weak aliases in :mod:`outlets_gazetteer`: "AP", "AA", "RT", "Welt",
"Bloomberg") need a tight credit: a structural one, a cue right before the name (only articles and media nouns
between), a media noun next to it, quotation marks around it, or a cue right after it. People, governments and
platforms are not in the gazetteer, so they are never cited.

Decisions:

- **Self-citation is dropped**: an outlet whose key (registered domain) or name key equals ``article.outlet``
  ("a POLITICO analysis" in a Politico article) is not a citation of another outlet.
- **Photo credits are not citations** ("Photo: Reuters", "(AP Photo/Evan Vucci)", "AFP via Getty Images", a
  removed line with reason ``photo_credit``): a picture bought from an agency is not a text source.
- **Removed lines count**: the lines cleaning removed (bylines, datelines, copyright and source lines, lines
  outside the body) are read with the same rules; their citations have ``start``/``end`` None and the line as
  evidence. Lines removed as navigation, related links, adverts, sharing, images or titles are not read.
- One citation per credited mention, in text order (body first, then removed lines); ``start``/``end`` span the
  outlet's name (for the Reuters sign-off, the parenthesis) and ``evidence`` is the sentence (or line) holding it.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from storyweave.analyze.base import Analyser, ArticleText, Citation
from storyweave.analyze.outlets_gazetteer import Alias, index_key, parse_table
from storyweave.clean.outlet import name_key, registered_domain

# reasons of removed lines that cannot hold a text credit
_SKIP_REASONS = frozenset(
    {
        "photo_credit",
        "md_image",
        "menu",
        "related",
        "nav_sep",
        "share_link",
        "md_share",
        "social_count",
        "advert",
        "offer",
        "call_to_reader",
        "read_time",
        "form_field",
        "title",
        "md_link",
        "url",
        "www",
        "email",
        "phone",
        "handle",
        "link_or_handle",
        "tweet_sig",
        "embed_tail",
        "social_post",
    }
)

_NEWLINE = re.compile(r"\n")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_PROCLITICS = "وفبلك"

# --- lexicons -------------------------------------------------------------------------------------------------

_DETS = (
    "the a an this that its le la les l' l’ un une du de des d' d’ der die das dem den des ein eine einer einem "
    "eines el los las lo il gli i o os as do da dos ao à au aux al del della dello dal dalla zum zur vom von of "
    "to from by at for in on with an am im ins beim the w z ze dla na przez od ile ve ve de"
).split()
_MEDIA = (
    "news agency agencies newswire wire service services newspaper newspapers paper daily weekly magazine "
    "tabloid broadcaster network networks channel channels station radio television tv outlet outlets site "
    "website portal program programme show edition online reporter reporters correspondent public state-run "
    "state-owned state official pan-arab cable "
    "agence quotidien quotidiens hebdomadaire journal chaîne chaine télévision radio site magazine "
    "nachrichtenagentur nachrichtenagenturen presseagentur presseagenturen agentur zeitung tageszeitung "
    "wochenzeitung boulevardzeitung zeitschrift magazin nachrichtenmagazin sender fernsehsender radiosender "
    "rundfunk nachrichtensender internetportal nachrichtenportal onlineausgabe online-ausgabe ausgabe blatt "
    "agencia diario periódico semanario revista cadena televisión emisora canal cadena portal "
    "agenzia quotidiano settimanale rivista emittente rete televisione canale testata "
    "agência jornal diário semanário revista emissora rede televisão canal "
    "агентство агентства агентству агентством газета газеты газете газету газетой журнал журнала журналу "
    "телеканал телеканала телеканалу радиостанция радиостанции радио издание издания изданию издании "
    "информагентство информагентства информагентству портал портала порталу "
    "وكالة وكالات صحيفة جريدة مجلة قناة شبكة إذاعة تلفزيون موقع "
    "ajansı ajansi gazetesi gazetesine dergisi televizyonu kanalı haber "
    "agencja agencji agencję agencją dziennik dziennika dziennikowi gazeta gazety gazecie telewizja telewizji "
    "telewizję stacja stacji stacją portal portalu portalowi tygodnik tygodnika radia radio rozgłośni"
).split()
_STOP = frozenset(
    "reporters journalists people officials sources that who which when where after before while because if "
    "than but and or not also he she they it we you i his her their our said says told ministry government "
    "president minister police spokesman spokeswoman spokesperson".split()
)
_DET_SET = frozenset(_DETS)
_MEDIA_SET = frozenset(_MEDIA)

# a cue that ends right before the name (after the filler): the outlet is the source or the addressee
_PRE_CUE = re.compile(
    r"(?:"
    # en
    r"according to|told|tells|telling|said to|says to|speaking to|spoke to|speaking with|spoke with|talking to|"
    r"talked to|talking with|interview(?:ed)? (?:with|by|on)|interview to|quoted by|quoted in|cited by|"
    r"reported by|reports? (?:by|in|from|on)|report(?:ed)? in|reporting (?:by|from)|writing (?:in|for)|"
    r"wrote in|writes in|written for|op-?ed (?:in|for)|column (?:in|for)|via|h/t|hat tip to|"
    r"(?:said|says|saying|argued|added|explained|insisted|claimed|stated|acknowledged|admitted|announced|"
    r"declared|remarked|conceded|suggested|warned|told \w+)(?: \w+){0,2} on|appearing on|appearance on|"
    r"statement to|comments? to|confirmed to|disclosed to|first reported by|broadcast by|aired on|published (?:by|in)|"
    r"obtained by|seen by|reviewed by|provided to|released to|leaked to|quoting|citing|cites|per|"
    r"reports|reported|reporting|[,”\"'’]\s*(?:said|says|wrote|writes|noted|notes|added|adds)|"
    r"(?:noted|argued|wrote|writes|said|says|explained|claimed|reported|observed|warned) in|"
    r"(?:editorial|op-?ed|column|article|story|piece|report|essay|investigation|analysis|interview|issue|"
    r"editorial board|survey|poll|segment|broadcast) (?:in|by|from|for|on|with|of)|"
    r"(?:projected|called|declared|confirmed|estimated|compiled|conducted|commissioned|sponsored|revealed|"
    r"exposed|broken|first reported|published) by|went on|gone on|going on|"
    # fr
    r"selon|d['’]après|a déclaré à|a dit à|a confié à|a indiqué à|a affirmé à|a expliqué à|a assuré à|"
    r"a raconté à|a annoncé à|déclare à|confie à|explique à|indique à|accordée? à|accordé à|interrogée? par|"
    r"cité par|citée par|rapporte|rapportent|rapporté par|relayée? par|de source|"
    r"(?:interview|entretien|entrevue) (?:à|avec|au)|sur les ondes de|à l['’]antenne de|au micro de|"
    # de
    r"laut|gemäß|zufolge|nach Angaben|Angaben|Berichten|Bericht|berichtete|berichtet|berichten|meldete|meldet|"
    r"melden|schreibt|schrieb|schreiben|zitiert|zitierte|sagte|sagt|erklärte|erklärt|bestätigte|teilte|"
    r"gegenüber|im Gespräch mit|im Interview mit|in einem Interview mit|in einem Gespräch mit|Interview mit|"
    r"Gespräch mit|unter Berufung auf|berief sich auf|mit Material von|sagte er|sagte sie|sprach|spricht|"
    r"erläuterte|kommentierte|veröffentlichte|verbreitete|titelte|erzählte|erzählt|"
    # es
    r"según|de acuerdo con|dijo a|declaró a|afirmó a|explicó a|aseguró a|indicó a|contó a|confirmó a|"
    r"informó|informa|publicó|publica|reportó|recoge|citado por|citada por|"
    r"(?:entrevista|declaraciones) (?:con|a|al)|con información de|"
    # it
    r"secondo|ha detto a|ha dichiarato a|ha spiegato a|ha raccontato a|ha confermato a|ha riferito a|"
    r"dichiara a|spiega a|racconta a|riferisce|riporta|riportano|scrive|scrivono|citato da|citata da|"
    r"(?:intervista|intervistato da) (?:a|con|al|alla)?|intervistato da|intervistata da|"
    # pt
    r"segundo|conforme|disse à|disse ao|afirmou à|afirmou ao|declarou à|declarou ao|contou à|contou ao|"
    r"informou|noticiou|divulgou|publicou|citado pel[oa]|entrevista (?:à|ao|com)|"
    # ru
    r"по данным|по информации|по сообщению|по словам|сообщает|сообщают|сообщило|сообщила|сообщил|передает|"
    r"передаёт|пишет|пишут|написал[аио]?|заявил[аио]?|рассказал[аио]?|сказал[аио]?|сообщил[аио]?|"
    r"в интервью|в беседе с|со ссылкой на|как сообщает|как передает|цитирует|цитата|"
    # ar
    r"وفقا ل|وفقاً ل|حسب|بحسب|و?نقلت|و?نقل|نقلا عن|نقلاً عن|و?ذكرت|و?ذكر|و?أفادت|و?أفاد|و?قالت|و?قال|و?صرح|"
    r"و?صرحت|و?أضاف|و?أضافت|"
    r"في مقابلة مع|في حديث ل|في تصريح ل|لـ|"
    # tr
    r"göre|konuştu|açıkladı|bildirdi|"
    # pl
    r"według|wg|jak podaje|jak podała|jak podał|jak informuje|jak poinformowała|podaje|podała|podał|"
    r"poinformowała|poinformował|informuje|pisze|napisała|napisał|donosi|powiedział|powiedziała|"
    r"w rozmowie z|w wywiadzie dla|w wywiadzie z|cytowany przez|cytowana przez|za"
    r")[\s,:]*$",
    re.I,
)

# after the name: the outlet as the one who reports (a verb, after at most a few adverbs)
_POST_VERB = re.compile(
    r"(?:"
    # en
    r"reported|reports|reporting|wrote|writes|noted|notes|found|finds|revealed|reveals|learned|learns|"
    r"has learned|confirmed|confirms|obtained|published|publishes|broke|projected|projects|declared|"
    r"estimated|estimates|said|says|quoted|quotes|cited|cites|citing|described|added|counted|tallied|"
    r"pointed out|disclosed|discovered|uncovered|showed|shows|analyzed|analysed|polled|surveyed|"
    r"according|first reported|broke the news|announced|announces|called|broadcast|broadcasts|aired|"
    r"investigated|investigates|exposed|queried|asked|asks|stated|states|predicted|projected|"
    # fr
    r"rapporte|rapporté|rapportent|révèle|révélé|révèlent|indique|indiqué|écrit|écrivent|affirme|affirmé|"
    r"précise|précisé|annonce|annoncé|assure|explique|relate|relaté|souligne|croit savoir|cite|citait|"
    # de
    r"berichtet\w*|meldet\w*|meldeten|schreibt|schrieb\w*|zufolge|zitiert\w*|veröffentlicht\w*|erfuhr|"
    r"spricht|sprach|sprachen|gab \w+ an|gibt \w+ an|will \w+ erfahren haben|berichten|melden|"
    r"mit den Worten zitiert|vermutet\w*|spekuliert\w*|beziffert\w*|kommentiert\w*|titelt\w*|"
    # es / it / pt
    r"informó|informa|informaba|publicó|publica|reportó|reporta|señaló|indicó|reveló|difundió|aseguró|"
    r"riferisce|riporta|scrive|ha scritto|ha riferito|rivela|ha rivelato|"
    r"informou|informa|noticiou|publicou|divulgou|revelou|apurou|"
    # ru
    r"сообщает|сообщают|сообщило|сообщила|сообщил|передает|передаёт|пишет|писал\w*|утверждает|"
    r"выяснил\w*|узнал\w*|опубликовал\w*|"
    # tr (the suffix after the apostrophe first)
    r"göre|konuştu|konuşan|açıklama\w*|bildirdi|duyurdu|yazdı|aktardı|verdiği|muhabir\w*|haber\w*|"
    r"yaptığı açıklama\w*|verdiği (?:demeç|röportaj|mülakat)\w*|"
    # pl
    r"podał\w*|poinformował\w*|informuje|pisze|napisał\w*|donosi|ustalił\w*|podaje"
    r")(?!\w)"
)
# right after the name: its output ("a CNN/ORC poll", "a Washington Post report", "BBC-Bericht")
_POST_OUTPUT = re.compile(
    r"^(?:['’]s?\s+|[-/]|\s+)(?:[\w.]+[\s/-]+){0,3}(?:(?i:polls?|surveys?)|polling|reports?|reporting|analysis|"
    r"interview|investigation|editorial|exit polls?|tally|count|estimate|projections?|exclusive|fact[- ]check\w*|"
    r"Umfrage\w*|Bericht\w*|Interview\w*|Meldung\w*|Recherche\w*|Informationen|Hochrechnung\w*|Analyse\w*|"
    r"sondage|enquête|entretien|encuesta|sondaggio|pesquisa|опрос\w*|sondaż\w*|anket\w*)\b(?![-–])"
)
# right after the name: one of its journalists, then a verb of saying ("Fox News host Sean Hannity said")
_POST_JOURNALIST = re.compile(
    r"^(?:['’]s?\s+(?=[A-Z])|(?:['’]s?\s+|-|\s+)(?:(?:chief|senior|political|politics|national|White House|"
    r"foreign|investigative|veteran|longtime|star|news|opinion|technology|business|economics|legal|"
    r"congressional|campaign)\s+){0,2}"
    r"(?:hosts?|anchors?|reporters?|correspondents?|columnists?|editors?|journalists?|writers?|moderators?|"
    r"Korrespondent\w*|Reporter\w*|Journalist\w*|Redakteur\w*|Moderator\w*|Kolumnist\w*))"
    r"(?:\s*,?\s*[A-Z][\w.'’-]*){0,4}\s*,?\s*(?:who\s+)?(?:has\s+|had\s+|also\s+|then\s+)?"
    r"(?:said|says|asked|asks|reported|reports|wrote|writes|tweeted|noted|notes|told|pressed|questioned|"
    r"interviewed|pointed|argued|added|explained|countered|challenged|confronted|responded|replied|"
    r"observed|suggested|called|described|stated|indicated|insisted|claimed|warned|predicted|reacted|"
    r"responded|chimed|reported|revealed|wondered|berichtet\w*|sagte|schreibt|schrieb|fragte|meldete)\b"
)
_POST_FILLER = re.compile(
    r"^(?:\s*(?:,\s*)?(?:\(?[A-Z]{2,5}\)?|\w+ly|on \w+|in (?:its|their|his|her|a|an|ihrer|seiner|seinem|ihrem|"
    r"der|einer|einem) \w+(?: \w+)?|am \w+|\w+day|yesterday|today|tonight|gestern|heute|jedoch|dagegen|sogar|"
    r"dann|nun|noch|zunächst|hier|ensuite|aussi|déjà|ayer|hoy|ieri|oggi|ontem|hoje|вчера|сегодня|также|"
    r"dün|bugün|wczoraj|dziś|również|[a-zäöüéèàçñßıışğ]{1,10}(?= (?:has|have|had|hat|hatte|ha|a|ont)\b)|"
    r"\d{1,2}\.? \w+)\s*)"
)
_FORMER = re.compile(r"\b(?:former|ex-|onetime|erstwhile|ehemalig\w*|früher\w*|ancien\w*|ex)\s*$", re.I)


_PHOTO_BEFORE = re.compile(
    r"(?:\b(?:photos?|fotos?|pictures?|images?|photograph\w*|credit|crédit|bild|zdjęcie|fotoğraf|"
    r"video|vidéo|illustration)\b|фото|صورة)\s*(?:by|:|/|credit|von|de|di|por|par|©)?[^.!?\n]{0,30}$",
    re.I,
)
_PHOTO_AFTER = re.compile(
    r"^\s*(?:(?:/|via)\s*Getty|Photo|Images|/\s*[A-Z][a-z]+\s+[A-Z][a-z]+\s*\)|/\s*(?:Getty|dpa|picture))",
)

_PAREN_OPEN = re.compile(r"[(\[]([^()\[\]]{0,40})$")
_PAREN_CLOSE = re.compile(r"^([^()\[\]]{0,40})[)\]]")
_PAREN_WITH = re.compile(
    r"^\s*(?:with|avec|mit|con|com|z|с|ile|مع|inputs? from|input from|mit Material (?:von|der|des)|"
    r"con información de|com informações d[aeo]s?|d['’]après|selon|source|quelle|fuente|fonte|kaynak)\b",
    re.I,
)
_SEPARATORS = re.compile(r"^[\s/,;&+|.:\-–—]*(?:(?:and|und|et|y|e|i|и|ve|و|or)\s*)?[\s/,;&+|.:\-–—]*$")
_SOURCE_LINE = re.compile(
    r"(?:^|[\s(\[|•*_])(?:sources?|kaynak(?:lar)?|quellen?|fuentes?|fontes?|fonti|źródł[oa]|источники?|المصدر|"
    r"sources? \(s\)|with inputs from|mit Material von|con información de|agency inputs|texte|text|testo|texto)"
    r"\s*:\s*[^:\n]{0,80}$",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:by|von|par|por|di|da|od|автор|yazan|haber)\s*:?\s+[^\n]{1,60}?(?:,|\||/|–|—|-|\bof|\bfor|\bfür)"
    r"\s*(?:the\s+)?$",
    re.I,
)
_SIGN_OFF_BEFORE = re.compile(r"(?:^|[.!?”\"]\s*[-–—]+|\s[-–—]+)\s*(?:the\s+|The\s+)?[„\"“«]?$")
_CONTRIBUTED = re.compile(
    r"contributed|contributing|ont contribué|a contribué|haben beigetragen|hat beigetragen|ha contribuido|"
    r"han contribuido|ha contribuito|contribuiu|contribuíram|©|\bcopyright\b|all rights reserved|"
    r"tous droits réservés|alle rechte vorbehalten",
    re.I,
)
_REUTERS_SIGN_OFF = re.compile(
    r"\((?:Additional )?(?:Reporting|Writing)(?: and writing)? by [^()]{2,400}?(?:Editing by [^()]{2,200})?\)"
)
_QUOTED = re.compile(r"[„\"“«‚']\s*$")
_QUOTE_AFTER = re.compile(r"^[“”\"»’']")
_SENTENCE_END = re.compile(r"[.!?…]+[\"”»’)]*\s+")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|Gen|Lt|Col|Sgt|Prof|Jr|Sr|No|Nr|vs|U\.S|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sept?|Oct|Nov|Dec|Inc|Co|Corp|Ltd|z\.B|bzw|ca|etc|St|Mt|Ft)|\b[A-Z]|\d)$"
)
_SIGNED = re.compile(r"^\s*(?:[-–—]|(?:by|von|par|por|od)\s)|[-–—]\s*(?:the\s+)?\w+[\s.]*$", re.I)
_CHAIN_GAP = re.compile(
    r"^\s*(?:['’]s?)?\s*(?:[-/,&+]|and|und|et|y|e|i|и|ve|و|oraz|ou|o|or|as well as|sowie|bzw\.)?\s*"
    r"(?:the|der|die|das|dem|den|des|le|la|les|l['’]|el|il|lo|o|a)?\s*$",
    re.I,
)


@dataclass(frozen=True)
class _Mention:
    alias: Alias
    start: int
    end: int


@dataclass(frozen=True)
class _Tables:
    index: dict[str, list[Alias]]
    tokens: re.Pattern[str]  # the words a name can start with: capitalised, non-Latin, or a lower-case key


@functools.cache
def _tables() -> _Tables:
    """The alias index, built on first use (a read-only table, like a compiled pattern)."""
    index: dict[str, list[Alias]] = {}
    for alias in parse_table():
        surface = alias.surface
        if _ARABIC_LETTER.match(surface) and surface.startswith("ال"):
            surface = surface[2:]
        index.setdefault(index_key(surface), []).append(alias)
    for aliases in index.values():
        aliases.sort(key=lambda a: -len(a.surface))
    lower = sorted((k for k in index if k[:1].isascii() and not k[:1].isupper()), key=len, reverse=True)
    tokens = re.compile(r"(?<!\w)(?:[^\W\da-z_]|" + "|".join(re.escape(k) for k in lower) + r")\w*")
    return _Tables(index, tokens)


def _token_keys(token: str) -> list[str]:
    keys = [token[:3]]
    if _ARABIC_LETTER.match(token):
        core = token
        for _ in range(2):
            if len(core) > 3 and core[0] in _PROCLITICS:
                core = core[1:]
                keys.append(core[:3])
        stripped = token.lstrip(_PROCLITICS[:2])
        if stripped.startswith("لل"):
            keys.append(stripped[2:5])
        for candidate in (token, token[1:], token[2:]):
            if candidate.startswith("ال"):
                keys.append(candidate[2:5])
    return keys


def _find_mentions(text: str, tables: _Tables) -> list[_Mention]:
    found: list[_Mention] = []
    index = tables.index
    covered = 0
    for token in tables.tokens.finditer(text):
        pos = token.start()
        if pos < covered:
            continue
        word = token.group()
        best: _Mention | None = None
        for key in _token_keys(word) if not word.isascii() else (word[:3],):
            for alias in index.get(key, ()):
                m = alias.pattern.match(text, pos)
                if m and (best is None or m.end() > best.end):
                    best = _Mention(alias, pos, m.end())
        if best is not None:
            found.append(best)
            covered = best.end
    return found


def _sentence(line: str, start: int, end: int) -> str:
    """The sentence of ``line`` that holds ``line[start:end]``."""
    left = 0
    for m in _SENTENCE_END.finditer(line, 0, start):
        if not _ABBREV.search(line, 0, m.start()) and m.end() <= start:
            left = m.end()
    right = len(line)
    for m in _SENTENCE_END.finditer(line, end):
        if not _ABBREV.search(line, 0, m.start()):
            right = m.start() + len(m.group().rstrip())
            break
    return line[left:right].strip()


def _cue_before(pre: str) -> int:
    """2 when ``pre`` ends with a cue followed only by articles and media nouns (at most three), 1 when a few
    other words (adjectives, "Sunday") come between, 0 when there is no cue."""
    words = 0
    tight = True
    rest = pre.rstrip(_QUOTES)
    while True:
        if _PRE_CUE.search(rest + " "):
            return 2 if tight and words <= 3 else 1
        if words >= 5:
            return 0
        m = _LAST_WORD.search(rest)
        if not m:
            return 0
        word = m.group(1)
        low = word.lower()
        if word[:1] in "لل" and _ARABIC_LETTER.match(word) and _is_media(word[1:]):
            return 2  # "لوكالة", "لصحيفة": to the agency, to the paper
        if low in _DET_SET or _is_media(low):
            pass
        elif word[:1].islower() and low not in _STOP and len(word) <= 16:
            tight = False
        elif word[:1].isupper() and _NATIONALITY.fullmatch(word):
            tight = False
        else:
            return 0
        rest = rest[: m.start(1)].rstrip(_QUOTES)
        words += 1


_TIGHT_ADVERBS = frozenset(
    "also first earlier previously later recently then initially originally exclusively reportedly has had have "
    "even hat habe hatte auch bereits zuerst gestern heute a ont avait aussi también también ha anche já também "
    "также уже".split()
)


def _defines(head: str, name: str, mention_ends: frozenset[int], offset: int) -> bool:
    """Whether "(name)" after ``head`` only spells out an abbreviation: "the Associated Press (AP)",
    "Advanced Placement (AP) courses"."""
    if offset + len(head) in mention_ends or (head and offset + len(head.rstrip(" ,")) in mention_ends):
        return True
    letters = re.sub(r"[^A-ZА-ЯЁ]", "", name)
    if len(letters) < 2:
        return False
    words = re.findall(r"[\w'’-]+", head)[-len(letters) - 2 :]
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return initials.endswith(letters)


def _cue_after(post: str, pre: str) -> int:
    """2 when a reporting verb follows the name at once (or its output or journalist does), 1 when a few
    adverbs or media nouns come between, 0 otherwise."""
    if _POST_JOURNALIST.match(post) and not _FORMER.search(pre):
        return 2
    if _POST_OUTPUT.match(post):
        return 1
    rest = re.sub(r"^(?:['’]\w*|-\w+)", "", post)
    words = 0
    while True:
        stripped = rest.lstrip(' \t,“”"»')
        if _POST_VERB.match(stripped):
            return 2 if words == 0 else 1
        if words >= 3:
            return 0
        m = _POST_FILLER.match(stripped)
        first = re.match(r"[\w-]+", stripped)
        if first and first.group().lower() in _TIGHT_ADVERBS:
            rest = stripped[first.end() :]
            continue
        if first and _is_media(first.group().lower()):
            rest = stripped[first.end() :]
            words += 1
            continue
        if not m or not m.group().strip():
            return 0
        word = m.group().strip(" ,").lower()
        if word in _STOP or _STOP.intersection(word.split()):
            return 0
        rest = stripped[m.end() :]
        if word not in _TIGHT_ADVERBS:
            words += 1


_LAST_WORD = re.compile(r"(?:^|(?<=[\s(„“\"«‚]))([\w'’.-]+)\s*$")
_QUOTES = " \t„\"“«»‚'”"
# media nouns with their inflections and German compounds ("Nachrichtensenders", "Musikzeitschrift")
_MEDIA_STEM = re.compile(
    r"\w*(?:zeitung|zeitschrift|magazin|sender|blatt|dienst|agentur|portal|ausgabe|angebot|kanal|fernsehen|"
    r"rundfunk|meldung|bericht|artikel|angaben|informationen|hochrechnung|analyse|interview)\w{0,3}|"
    r"(?:агентств|газет|журнал|телеканал|издани|портал|радиостанц|информагентств)\w*|"
    r"(?:agencj|gazet|dziennik|telewizj|stacj|portal|tygodnik|rozgłośn)\w*"
)


def _is_media(word: str) -> bool:
    return word in _MEDIA_SET or _MEDIA_STEM.fullmatch(word) is not None


_NATIONALITY = re.compile(r"U\.S\.|US|UK|[A-Z][a-zé]+(?:an|ian|ish|ese|i|ch|sch|en|ischen|ische)")


class CitationFinder(Analyser):
    """Credits to other outlets and agencies in an article's body and removed lines (see the module doc)."""

    name = "citations"
    version = 1

    def analyse(self, article: ArticleText) -> list[Citation]:
        tables = _tables()
        own = self._own_keys(article.outlet)
        found: list[Citation] = []
        offset = 0
        full_text = article.text
        full_mentions = _find_mentions(full_text, tables)
        named = {m.alias.entry.name for m in full_mentions if not m.alias.short}
        vetoed = {
            m.alias.entry.name
            for m in full_mentions
            if m.alias.entry.veto is not None and m.alias.entry.veto.search(full_text)
        }
        by_line: dict[int, list[_Mention]] = {}
        line_starts = [0] + [m.end() for m in _NEWLINE.finditer(full_text)]

        for m in full_mentions:
            by_line.setdefault(bisect.bisect_right(line_starts, m.start) - 1, []).append(m)
        for number, mentions in by_line.items():
            offset = line_starts[number]
            end = full_text.find("\n", offset)
            line = full_text[offset : end if end >= 0 else len(full_text)]
            local = [_Mention(m.alias, m.start - offset, m.end - offset) for m in mentions]
            for m, sentence in self._credits(line, local, named, vetoed):
                if m.alias.entry.name in own or (m.alias.entry.key or "") in own:
                    continue
                found.append(
                    Citation(
                        m.alias.entry.name, sentence, m.start + offset, m.end + offset, m.alias.entry.key
                    )
                )
        for sign_off in _REUTERS_SIGN_OFF.finditer(full_text):
            if "reuters.com" not in own and "reuters" not in own:
                found.append(
                    Citation("Reuters", sign_off.group(), sign_off.start(), sign_off.end(), "reuters.com")
                )
        for line, reason in zip(article.removed, article.removed_reasons, strict=False):
            if reason in _SKIP_REASONS or not line.strip():
                continue
            mentions = _find_mentions(line, tables)
            for m, _ in self._credits(line, mentions, named | {x.alias.entry.name for x in mentions}, set()):
                if m.alias.entry.name in own or (m.alias.entry.key or "") in own:
                    continue
                found.append(Citation(m.alias.entry.name, line.strip(), None, None, m.alias.entry.key))
            if _REUTERS_SIGN_OFF.search(line) and "reuters.com" not in own:
                found.append(Citation("Reuters", line.strip(), None, None, "reuters.com"))
        return found

    @staticmethod
    def _own_keys(outlet: str | None) -> set[str]:
        if not outlet:
            return set()
        keys = {outlet, registered_domain(outlet) or outlet}
        return keys | {name_key(k) or k for k in keys}

    def _credits(
        self, line: str, mentions: list[_Mention], named: set[str], vetoed: set[str]
    ) -> list[tuple[_Mention, str]]:
        if not mentions:
            return []
        # chains of names joined by "and", "/", "," share their context ("The New York Times and the Wall
        # Street Journal reported", "a Washington Post-ABC News poll", "(dpa/AFP)")
        chains: list[list[_Mention]] = []
        for m in mentions:
            if m.alias.short and m.alias.entry.name not in named:
                continue
            if chains and _CHAIN_GAP.match(line[chains[-1][-1].end : m.start]):
                chains[-1].append(m)
            else:
                chains.append([m])
        residual = line
        for m in mentions:
            residual = residual[: m.start] + " " * (m.end - m.start) + residual[m.end :]
        only_names = bool(_SEPARATORS.match(residual.replace("(", " ").replace(")", " "))) or bool(
            re.fullmatch(
                r"\s*(?:by|von|par|por|di|od|[-–—])?\s*(?:the\s+)?[\s/,;&+|.:\-–—()]*", residual, re.I
            )
        )
        credited: list[tuple[_Mention, str]] = []
        ends = frozenset(m.end for m in mentions)
        for chain in chains:
            first, last = chain[0], chain[-1]
            signed = only_names and (
                all(m.alias.entry.kind == "agency" for m in chain) or _SIGNED.search(line) is not None
            )
            level = self._level(line, first.start, last.end, signed, ends)
            for m in chain:
                weak = m.alias.weak or m.alias.entry.name in vetoed
                if m.alias.weak and m.alias.entry.name in vetoed:
                    continue
                quoted = _QUOTED.search(line, 0, m.start) is not None and _QUOTE_AFTER.match(line[m.end :])
                if level == 0:
                    continue
                if level == 1 and weak and not quoted:
                    continue
                if weak and not quoted and not self._weak_ok(line, m, chain, level):
                    continue
                credited.append((m, _sentence(line, m.start, m.end)))
        return credited

    @staticmethod
    def _weak_ok(line: str, m: _Mention, chain: list[_Mention], level: int) -> bool:
        """A weak name (a word, or also a person or a thing) needs more: not "(Bild)" for a picture, not
        "Guardian said" for Mayor Don Guardian."""
        before = line[: chain[0].start]
        after = line[chain[-1].end :]
        if re.search(r"[(\[]\s*$", before) and m.alias.entry.kind != "agency":
            return False
        if m.alias.surface.isupper() or m.alias.surface.islower():
            return True
        if _POST_VERB.match(after.lstrip(' \t,“”"»')) and not _PRE_CUE.search(before + " "):
            last = _LAST_WORD.search(before.rstrip(_QUOTES))
            return last is not None and (
                last.group(1).lower() in _DET_SET or _is_media(last.group(1).lower())
            )
        return True

    @staticmethod
    def _level(line: str, start: int, end: int, only_names: bool, mention_ends: frozenset[int]) -> int:
        """0: not a credit; 1: a loose credit (a cue a few words away); 2: a tight or structural credit."""
        before = line[max(0, start - 160) : start]
        after = line[end : end + 80]
        if _PHOTO_BEFORE.search(before[-60:]) or _PHOTO_AFTER.match(after):
            return 0
        if only_names:
            return 2
        opened = _PAREN_OPEN.search(before)
        closed = _PAREN_CLOSE.match(after)
        if opened and closed:
            inner = opened.group(1) + " " + closed.group(1)
            rest = line[end + closed.end() :]
            head = before[: opened.start()].rstrip()
            if _PAREN_WITH.match(opened.group(1)):
                return 2
            if _SEPARATORS.match(inner) and not _defines(
                head, line[start:end], mention_ends, start - len(before)
            ):
                if opened.group()[0] == "[" or not re.match(r"^\s*[a-z]", rest):
                    return 2
        if _SOURCE_LINE.search(before):
            return 2
        if not after.strip(" .)]") and (_SIGN_OFF_BEFORE.search(before) or _BYLINE.match(before)):
            return 2
        if _BYLINE.match(before):
            return 2
        if _CONTRIBUTED.search(line) and len(line) < 300:
            return 2
        # the sentence around the name
        cut = 0
        for m in _SENTENCE_END.finditer(before):
            if not _ABBREV.search(before, 0, m.start()):
                cut = m.end()
        pre = before[cut:]
        post = re.sub(r"^[“”\"»]+", "", after)
        level = _cue_after(post, pre)
        if level:
            return level
        level = _cue_before(pre)
        if level:
            return level
        if re.search(
            r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in ("news agency", "agency")) + r")\s*$", pre
        ):
            return 2
        return 0
