"""What language identification knows without a model: scripts, function words, and the letters and words that
hint at a language outside the configured set.

Every language lingua detects belongs to one script group (``SCRIPT_OF``; the rest are Latin). Hints are cheap
checks (one pass over the tokens, a few character classes) that only decide whether the detector must consult the
languages outside the configured set: a false hint costs time, never a wrong code.
"""

from __future__ import annotations

import re

LATIN = "latin"

# Unicode ranges of the scripts told apart before any model runs
SCRIPT_CHARS = {
    "ar": r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "he": r"\u0590-\u05ff",
    "el": r"\u0370-\u03ff\u1f00-\u1fff",
    "deva": r"\u0900-\u097f",
    "ko": r"\uac00-\ud7af\u1100-\u11ff\u3130-\u318f",
    "ja": r"\u3040-\u30ff",
    "zh": r"\u4e00-\u9fff\u3400-\u4dbf",
    "cyr": r"\u0400-\u052f",
    "th": r"\u0e00-\u0e7f",
    "ka": r"\u10a0-\u10ff",
    "hy": r"\u0530-\u058f",
    "bn": r"\u0980-\u09ff",
    "pa": r"\u0a00-\u0a7f",
    "gu": r"\u0a80-\u0aff",
    "ta": r"\u0b80-\u0bff",
    "te": r"\u0c00-\u0c7f",
    LATIN: r"A-Za-z\u00c0-\u024f\u1e00-\u1eff",
}
SCRIPTS = {name: re.compile(f"[{chars}]") for name, chars in SCRIPT_CHARS.items()}
# letters of scripts no lingua language is written in (Khmer, Ethiopic, Sinhala, ...); letters of any script but Latin
OTHER_LETTERS = re.compile(r"[^\W\d_" + "".join(SCRIPT_CHARS.values()) + "]")
NOT_LATIN = re.compile(r"[^\W\d_" + SCRIPT_CHARS[LATIN] + "]")
LETTERS = re.compile(r"[^\W\d_]")
TOKENS = re.compile(r"[^\W\d_]+")

# script group of every non-Latin lingua language; a script with one language names it
SCRIPT_OF = {
    "ar": "ar", "fa": "ar", "ur": "ar", "he": "he", "el": "el", "hi": "deva", "mr": "deva", "ko": "ko",
    "ja": "ja", "zh": "zh", "th": "th", "ka": "ka", "hy": "hy", "bn": "bn", "pa": "pa", "gu": "gu", "ta": "ta",
    "te": "te", "ru": "cyr", "uk": "cyr", "bg": "cyr", "sr": "cyr", "mk": "cyr", "be": "cyr", "kk": "cyr",
    "mn": "cyr",
}  # fmt: skip


def script_of(code: str) -> str:
    return SCRIPT_OF.get(code, LATIN)


# Frequent function words of the languages the long-text shortcut can answer; a word listed for two languages is
# dropped from both (see FUNCTION_WORD_OWNER).
FUNCTION_WORDS = {
    "en": "the and of to is was that for with are from by has have it said this were which their been would will",
    "fr": "le la les des et une du dans pour que qui sur au pas avec il elle ont été aux ces mais",
    "de": "der die und das ist nicht ein eine mit den dem von zu auf sich auch für wird im des wurde sind",
    "es": "el los las del que en una por con para es se su al como más fue sus pero este entre",
    "it": "il della che di la le per con una sono del gli nel è alla anche dei delle ha stato non",
    "pt": "os que de da do em um uma para com não é dos das ao foi pelo pela está",
    "nl": "de het een van en is op te dat zijn voor met niet die ook er aan werd wordt naar",
    "pl": "na się nie do że to jest jak przez od za oraz został które",
    "tr": "ve bir bu da de için ile olarak olan çok daha gibi ama sonra kadar",
    "sl": "je na za se da so ki pa tudi ter bo bil",
    "cs": "je se na že to do jako pro ale byl které",
    "ro": "și în de la cu pe care din este pentru un se fost",
    "hu": "az és hogy nem egy van meg volt már",
    "sv": "och att det som är en på av för med till den har inte",
    "fi": "ja että ei oli mutta kun myös",
}


def _owners() -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for code, words in FUNCTION_WORDS.items():
        for word in words.split():
            owners.setdefault(word, set()).add(code)
    return {w: next(iter(c)) for w, c in owners.items() if len(c) == 1}


FUNCTION_WORD_OWNER = _owners()

# Hints of languages whose text the function words above would take for another language, or that lingua
# restricted to the configured languages would give a confident wrong code: (languages, letters, lower-case words).
# The words are frequent in those languages and not frequent words of the languages above.
_HINTS: tuple[tuple[str, str, str], ...] = (
    ("vi", "ơưĩũƠƯĨŨ\u1ea0-\u1ef9", "của và các những được trong không người với cho này một"),
    ("da nb nn", "æøÆØ", "og ikke også hvor være havde hadde bliver blir meget mye kunne skulle mellem mellom etter"),
    ("ca", "ŀĿ", "amb els dels pels aquest aquesta aquests aquestes això perquè també seva seves són més"),
    ("id ms", "", "yang untuk dengan ini itu dari pada akan dalam oleh tidak telah juga bagi kepada karena kerana "
     "sebagai tersebut adalah bisa saat namun kata baru setelah selepas mereka kami kita sudah belum atau"),
    ("sk", "ľĺŕĽĹŔ", "aj ako alebo bol bola boli sú ktoré ktorý ktorá podľa však tiež"),
    ("hr bs", "đĐ", "što koji koja koje nije će bila bili nakon prema tijekom također između godine ili kao"),
    ("lv mi", "āēīōūķļņģĀĒĪŌŪĶĻŅĢ", "ngā kua"),
    ("lt", "ėįųĖĮŲ", "kad yra buvo jis kaip"),
    ("et", "", "ning kui seda pärast ütles aga"),
    ("is", "ðþÐÞ", ""),
    ("sq", "ëË", "dhe një për që nga është"),
    ("az", "əƏ", ""),
    ("eo", "ĉĝĥĵŝŭĈĜĤĴŜŬ", ""),
    ("eu", "", "eta ere baina zuen dira egin behar"),
    ("af", "", "gesê hulle vir deur jy"),
    ("tl", "", "ang mga ng ay nang siya kanyang sila hindi"),
    ("sw", "", "kwa katika hiyo kwamba ambao ambayo"),
    ("cy", "ŵŷ", "mae wedi gan bod yn"),
    ("ga", "", "agus bhí tá níl"),
    ("la", "", "atque enim autem sunt quae quod"),
    ("yo", "ṣẹọ", ""),
    ("zu xh", "", "ukuthi kanye ngoba futhi ukuba kwaye"),
    ("st tn ts", "", "hore hobane mme gore leswi naswona"),
    ("so", "", "iyo waxa ayaa"),
    ("sn lg", "", "uye kuti nti bwe"),
    # non-Latin scripts: letters of Persian and Urdu that Arabic lacks; Cyrillic letters of one or two languages
    ("fa ur", "پچژکگیٹڈڑںےھ", ""),
    ("mr", "ळ", ""),
    ("bg", "", "във ще са това които който която този тази след също някои бъде беше бяха вече срещу хора е се"),
    ("sr mk", "ђјљњћџѓќѕЂЈЉЊЋЏЃЌЅ", "што од е се"),
    ("be", "ўЎ", ""),
    ("kk", "әғқңұһӘҒҚҢҰҺ", ""),
    ("kk mn", "өүӨҮ", ""),
    ("uk", "їєґЇЄҐ", ""),
)  # fmt: skip
_HINT_LETTERS = [
    (frozenset(codes.split()), re.compile(f"[{letters}]")) for codes, letters, _ in _HINTS if letters
]
_ANY_HINT_LETTER = re.compile("[" + "".join(letters for _, letters, _ in _HINTS) + "äôÄÔćĆъЪ]")


def _word_table() -> dict[str, tuple[str | None, frozenset[str], int]]:
    """Every word the token pass looks up: word -> (the language it is a function word of, the languages it hints
    at, 1 for the Catalan article "el(s)" and 2 for elided "l'" / "d'")."""
    table: dict[str, tuple[str | None, frozenset[str], int]] = {
        w: (c, frozenset(), 0) for w, c in FUNCTION_WORD_OWNER.items()
    }
    for codes, _letters, words in _HINTS:
        for word in words.split():
            owner, hinted, flag = table.get(word, (None, frozenset(), 0))
            table[word] = (owner, hinted | frozenset(codes.split()), flag)
    for word, flag in (("el", 1), ("els", 1), ("d", 2), ("l", 2)):
        owner, hinted, _ = table.get(word, (None, frozenset(), 0))
        table[word] = (owner, hinted, flag)
    return table


_WORDS = _word_table()
# Indonesian and Malay verbs and nouns: meng-...-kan, di-...-kan, ke-...-an
_ID_AFFIXES = re.compile(r"\b(?:me|pe|di|ber|ter|ke)[a-z]{2,}(?:kan|nya)\b")
_SK_VOWELS = re.compile("[äôÄÔ]")
_WEST_SLAVIC = re.compile("[čďťňšžČĎŤŇŠŽ]")
_HR_SOFT_C = re.compile(r"\b[a-zčćšžđ]*ć")  # in a lower-case word: Slovene writes ć only in names
_SOUTH_SLAVIC = re.compile("[čšžČŠŽ]")
_POLISH = re.compile("[ąęłńśźżĄĘŁŃŚŹŻ]")
_MR_WORDS = re.compile("आणि|आहे")  # Marathi "and", "is" (vowel signs split tokens)
_BG_HARD_SIGN = re.compile("[ъЪ]")
_RU_ONLY = re.compile("[ыэёЫЭЁ]")


def scan(sample: str) -> tuple[set[str], dict[str, int]]:
    """(hinted, scores): the languages ``sample`` shows signs of (see ``_HINTS``), and how many of its words are
    function words of each language of ``FUNCTION_WORDS``. Words count whatever their case (a name such as "Yang"
    only costs a look at the languages outside the set)."""
    found: set[str] = set()
    scores: dict[str, int] = {}
    flags = 0
    for owner, codes, flag in filter(None, map(_WORDS.get, TOKENS.findall(sample.lower()))):
        if owner is not None:
            scores[owner] = scores.get(owner, 0) + 1
        if codes:
            found |= codes
        flags |= flag
    if flags == 3 and ("'" in sample or "’" in sample):
        found.add(
            "ca"
        )  # the article "el" (which French and Italian lack) with "l'" / "d'" (which Spanish lacks)
    if ("kan" in sample or "nya" in sample) and _ID_AFFIXES.search(sample):
        found |= {"id", "ms"}
    if "आ" in sample and _MR_WORDS.search(sample):
        found.add("mr")
    if not _ANY_HINT_LETTER.search(sample):
        return found, scores
    for codes, rx in _HINT_LETTERS:
        if not codes <= found and rx.search(sample):
            found |= codes
    if _SK_VOWELS.search(sample) and _WEST_SLAVIC.search(sample):
        found.add("sk")  # ä/ô with č ď ť ň š ž: Slovak, not Czech, German or French
    if _HR_SOFT_C.search(sample) and _SOUTH_SLAVIC.search(sample) and not _POLISH.search(sample):
        found |= {"hr", "bs"}  # ć with č š ž: Croatian or Bosnian, not Slovene or Polish
    if _BG_HARD_SIGN.search(sample) and not _RU_ONLY.search(sample):
        found.add("bg")  # Russian writes ъ seldom and ы/э/ё often; Bulgarian has ъ and none of those
    return found, scores
