"""Language identification: ISO 639-1 codes, from the input's own tag or from the text.

Scripts settle most non-Latin languages without a model (Arabic, Hangul, kana, Han, Greek, Hebrew, Cyrillic
split into Ukrainian and Russian by their letters); Latin-script text goes to lingua restricted to the configured
Latin-script languages. Only the first ``max_chars`` characters are looked at.
"""

from __future__ import annotations

import re
from typing import Any

DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "ar", "tr", "zh", "ja", "ko", "sl",
    "el", "he", "cs", "ro", "hu", "sv", "fi", "hi",
)  # fmt: skip

# 639-2/B codes lingua does not list as 639-3, and a few names seen in feeds
_ALIASES = {
    "fre": "fr", "ger": "de", "dut": "nl", "chi": "zh", "cze": "cs", "gre": "el", "rum": "ro", "slo": "sk",
    "per": "fa", "alb": "sq", "arm": "hy", "baq": "eu", "geo": "ka", "ice": "is", "mac": "mk", "may": "ms",
    "wel": "cy", "iw": "he", "in": "id", "ji": "yi", "jw": "jv",
    "english": "en", "french": "fr", "german": "de", "spanish": "es", "italian": "it", "portuguese": "pt",
    "dutch": "nl", "polish": "pl", "russian": "ru", "ukrainian": "uk", "arabic": "ar", "turkish": "tr",
    "chinese": "zh", "japanese": "ja", "korean": "ko", "slovenian": "sl", "slovene": "sl",
}  # fmt: skip

_SCRIPT_CHARS = {
    "ar": r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff",
    "he": r"\u0590-\u05ff",
    "el": r"\u0370-\u03ff",
    "hi": r"\u0900-\u097f",
    "ko": r"\uac00-\ud7af\u1100-\u11ff\u3130-\u318f",
    "ja": r"\u3040-\u30ff",
    "zh": r"\u4e00-\u9fff\u3400-\u4dbf",
    "cyr": r"\u0400-\u04ff",
    "latin": r"A-Za-z\u00c0-\u024f",
}
_SCRIPTS = {name: re.compile(f"[{chars}]") for name, chars in _SCRIPT_CHARS.items()}
_NON_LATIN = re.compile("[" + "".join(c for name, c in _SCRIPT_CHARS.items() if name != "latin") + "]")
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC_CODES = ("ru", "uk", "bg", "sr", "mk", "be", "kk", "mn")
_NOISE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w.-]+|[@#]\w+")
_TOKENS = re.compile(r"[^\W\d_]+")

# Frequent function words; a word listed for two languages is dropped from both (see _stopword_table).
_FUNCTION_WORDS = {
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


class LanguageIdentifier:
    """``detect(text)`` -> ISO 639-1 code or None; ``normalize(code)`` -> ISO 639-1 code or None.

    Lingua detectors are built on first use and cached on the instance.
    """

    def __init__(self, languages: tuple[str, ...] = DEFAULT_LANGUAGES, max_chars: int = 1000,
                 preload: bool = False):  # fmt: skip
        self.languages = tuple(languages)
        self.max_chars = max_chars
        self.preload = preload
        self._detectors: dict[str, Any] = {}
        self._codes: dict[str, str] | None = None
        self._stopwords: dict[str, str] | None = None
        self.fast_path_min_chars = 400

    # -- input tags -------------------------------------------------------------------------------------
    def _code_table(self) -> dict[str, str]:
        if self._codes is None:
            from lingua import Language

            table: dict[str, str] = dict(_ALIASES)
            for lang in Language.all():
                one = lang.iso_code_639_1.name.lower()
                table[one] = one
                table[lang.iso_code_639_3.name.lower()] = one
                table[lang.name.lower()] = one
            for code in self.languages:
                table.setdefault(code, code)
            self._codes = table
        return self._codes

    def normalize(self, code: str | None) -> str | None:
        """'en', 'eng', 'en-US', 'pt_BR', 'English' -> 'en'; None for anything not a known language."""
        if not code:
            return None
        key = code.strip().lower().replace("_", "-").split("-")[0]
        return self._code_table().get(key)

    # -- detection -----------------------------------------------------------------------------------
    def detect(self, text: str | None) -> str | None:
        if not text:
            return None
        sample = text[: self.max_chars]
        if "@" in sample or "//" in sample or "www." in sample or "#" in sample:
            sample = _NOISE.sub(" ", sample)
        # only Latin letters, or none: decided as the script counts below would decide it, without counting
        if not _NON_LATIN.search(sample):
            return self._latin(sample) if _SCRIPTS["latin"].search(sample) else None
        counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS.items()}
        letters = sum(counts.values())
        if letters == 0:
            return None
        wanted = set(self.languages)
        east_asian = counts["ja"] + counts["zh"] + counts["ko"]
        if east_asian * 2 >= letters:
            if counts["ja"] and "ja" in wanted and counts["ja"] * 10 >= counts["zh"]:
                return "ja"  # kana: Japanese even when Han characters dominate
            if counts["ko"] and "ko" in wanted and counts["ko"] >= counts["zh"]:
                return "ko"
        top = max(("ar", "he", "el", "hi", "zh", "cyr", "latin"), key=lambda name: counts[name])
        if (
            top in ("ar", "he", "el", "hi", "zh")
            and top in wanted
            and counts[top] * 2 >= letters - counts["latin"]
        ):
            if not (top == "ar" and {"fa", "ur"} & wanted) and not (top == "hi" and {"mr", "ne"} & wanted):
                return top
        if top == "cyr":
            cyrillic = [c for c in self.languages if c in _CYRILLIC_CODES]
            if set(cyrillic) <= {"ru", "uk"}:
                uk, ru = len(_UK_ONLY.findall(sample)), len(_RU_ONLY.findall(sample))
                if uk > ru and "uk" in wanted:
                    return "uk"
                if ru > uk and "ru" in wanted:
                    return "ru"
            return self._lingua("cyr", cyrillic, sample)
        if top == "latin":
            return self._latin(sample)
        return self._lingua("all", list(self.languages), sample)

    def _latin(self, sample: str) -> str | None:
        """The language of a text written mostly in Latin script."""
        if len(sample) >= self.fast_path_min_chars:
            found = self._by_function_words(sample)
            if found is not None:
                return found
        non_latin = {
            "ar",
            "he",
            "el",
            "zh",
            "ja",
            "ko",
            "fa",
            "ur",
            "hi",
            "mr",
            "th",
            "ka",
            "hy",
            *_CYRILLIC_CODES,
        }
        return self._lingua("latin", [c for c in self.languages if c not in non_latin], sample)

    def _stopword_table(self) -> dict[str, str]:
        if self._stopwords is None:
            owners: dict[str, set[str]] = {}
            for code, words in _FUNCTION_WORDS.items():
                if code in self.languages:
                    for word in words.split():
                        owners.setdefault(word, set()).add(code)
            self._stopwords = {w: next(iter(c)) for w, c in owners.items() if len(c) == 1}
        return self._stopwords

    def _by_function_words(self, sample: str) -> str | None:
        """Fast path for long Latin-script text: one language's function words clearly dominate."""
        table = self._stopword_table()
        scores: dict[str, int] = {}
        for token in _TOKENS.findall(sample.lower()):
            code = table.get(token)
            if code is not None:
                scores[code] = scores.get(code, 0) + 1
        if not scores:
            return None
        ranked = sorted(scores.values(), reverse=True)
        best = max(scores, key=scores.__getitem__)
        runner_up = ranked[1] if len(ranked) > 1 else 0
        return best if ranked[0] >= 12 and ranked[0] >= 4 * runner_up else None

    def _lingua(self, group: str, codes: list[str], sample: str) -> str | None:
        if not codes:
            return None
        if len(codes) == 1:
            return codes[0]
        detector = self._detectors.get(group)
        if detector is None:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            langs = []
            for code in codes:
                iso = getattr(IsoCode639_1, code.upper(), None)
                if iso is not None:
                    langs.append(Language.from_iso_code_639_1(iso))
            if len(langs) < 2:
                return codes[0] if langs else None
            builder = LanguageDetectorBuilder.from_languages(*langs)
            if self.preload:
                builder = builder.with_preloaded_language_models()
            detector = self._detectors[group] = builder.build()
        found = detector.detect_language_of(sample)
        return found.iso_code_639_1.name.lower() if found is not None else None
