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
    "el", "he", "cs", "ro", "hu", "sv", "fi",
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

_SCRIPTS = {
    "ar": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"),
    "he": re.compile(r"[\u0590-\u05ff]"),
    "el": re.compile(r"[\u0370-\u03ff]"),
    "ko": re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "zh": re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]"),
    "cyr": re.compile(r"[\u0400-\u04ff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
}
_UK_ONLY = re.compile(r"[іїєґІЇЄҐ]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_CYRILLIC_CODES = ("ru", "uk", "bg", "sr", "mk", "be", "kk", "mn")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+")


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
        sample = _NOISE.sub(" ", text[: self.max_chars])
        counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS.items()}
        letters = sum(counts.values())
        if letters == 0:
            return None
        wanted = set(self.languages)
        if counts["ja"] and "ja" in wanted and counts["ja"] * 10 >= counts["zh"]:
            return "ja"  # kana: Japanese even when Han characters dominate
        if counts["ko"] and "ko" in wanted and counts["ko"] >= counts["zh"]:
            return "ko"
        top = max(("ar", "he", "el", "zh", "cyr", "latin"), key=lambda name: counts[name])
        if top in ("ar", "he", "el", "zh") and top in wanted and counts[top] * 2 >= letters - counts["latin"]:
            if top != "ar" or not any(c in wanted for c in ("fa", "ur")):
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
            non_latin = {"ar", "he", "el", "zh", "ja", "ko", "fa", "ur", "hi", "th", "ka", "hy", *_CYRILLIC_CODES}
            return self._lingua("latin", [c for c in self.languages if c not in non_latin], sample)
        return self._lingua("all", list(self.languages), sample)

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
