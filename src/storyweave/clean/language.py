"""Language identification: ISO 639-1 codes, from the input's own tag or from the text.

``detect`` answers one of the configured languages, ``und`` (undetermined) when the text is in a language outside
them or the detector cannot tell, or None when there is nothing to detect (no letters). The configured set comes from
the ``languages`` setting (``languages_from_setting``): the 24 ``DEFAULT_LANGUAGES``, ``all`` 75 languages lingua
knows, or a list of codes.

Scripts settle most non-Latin languages without a model (Hangul, kana, Han, Greek, Hebrew, Thai, ...; Arabic unless
letters of Persian or Urdu show; Cyrillic split into Russian and Ukrainian by their letters unless letters or words
of another Cyrillic language show). Long Latin-script text is settled by function words when one language's clearly
dominate. The rest goes to lingua restricted to the "primary" languages of the script: the configured ones among the
defaults (all configured ones when none is a default). The other languages of the script ("guards", configured or
not) are consulted only when that detector is unsure, when a long text's function words are not clearly one primary
language's, or when cheap checks of letters and words hint at a guard (see ``language_guards``). A guard that is
more than twice as likely as every primary language, on the whole text and on its lower-case words (so that foreign
names do not count), is the answer when it is configured and makes it ``und`` otherwise. With ``all`` the
defaults thus stay as accurate and fast as with ``default``. Only the first ``max_chars`` characters are looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from storyweave.clean.language_guards import (
    LATIN,
    LETTERS,
    NOT_LATIN,
    OTHER_LETTERS,
    SCRIPTS,
    TOKENS,
    scan,
    script_of,
)

UNDETERMINED = "und"

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

_WORDS = re.compile(r"[^\W\d_]{2,}")
_NOISE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w.-]+|[@#]\w+")
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile(r"[ыэёЫЭЁ]")


def lingua_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes of every language lingua detects (75 in lingua 2.1)."""
    from lingua import Language

    return tuple(sorted(lang.iso_code_639_1.name.lower() for lang in Language.all()))


def _code_table() -> dict[str, str]:
    """Input spellings (639-1, 639-3, 639-2/B, English names) -> ISO 639-1 code."""
    from lingua import Language

    table: dict[str, str] = dict(_ALIASES)
    for lang in Language.all():
        one = lang.iso_code_639_1.name.lower()
        table[one] = one
        table[lang.iso_code_639_3.name.lower()] = one
        table[lang.name.lower()] = one
    return table


def languages_from_setting(value: str | Iterable[str]) -> tuple[str, ...]:
    """The ``languages`` setting -> codes. ``default``: ``DEFAULT_LANGUAGES``; ``all``: every language lingua knows;
    otherwise codes or names separated by commas or spaces (``en,fr,vi``; ``default,vi,id`` adds to the defaults).

    Raises ValueError naming the valid choices for a language lingua does not detect.
    """
    parts = re.split(r"[\s,;]+", value.strip()) if isinstance(value, str) else [str(v).strip() for v in value]
    known = lingua_languages()
    table = _code_table()
    codes: list[str] = []
    for part in filter(None, parts):
        key = part.lower()
        if key == "default":
            codes += DEFAULT_LANGUAGES
        elif key == "all":
            codes += known
        elif table.get(key.replace("_", "-").split("-")[0]) in known:
            codes.append(table[key.replace("_", "-").split("-")[0]])
        else:
            raise ValueError(
                f"unknown language {part!r}; use 'default', 'all' or codes of languages lingua detects:"
                f" {', '.join(known)}"
            )
    if not codes:
        raise ValueError("no language given; use 'default', 'all' or codes such as 'en,fr'")
    return tuple(dict.fromkeys(codes))


class LanguageIdentifier:
    """``detect(text)`` -> ISO 639-1 code, ``und`` or None; ``normalize(code)`` -> ISO 639-1 code or None.

    ``unsure``: below this confidence of the restricted detector the guard languages are consulted; below
    ``min_confidence`` the answer is ``und``.
    Lingua detectors are built on first use and cached on the instance.
    """

    def __init__(self, languages: Iterable[str] = DEFAULT_LANGUAGES, max_chars: int = 1000,
                 preload: bool = False, unsure: float = 0.5):  # fmt: skip
        self.languages = tuple(languages)
        self.max_chars = max_chars
        self.preload = preload
        self.unsure = unsure
        # below this confidence, or with fewer than two words, the restricted detector cannot tell: und
        self.min_confidence = 0.1
        self.fast_path_min_chars = 400
        self.guard_chars = 300  # the guards look at this many characters of a longer text
        self._detectors: dict[tuple[tuple[str, ...], bool], Any] = {}
        self._codes: dict[str, str] | None = None
        self._groups: dict[str, tuple[list[str], list[str]]] | None = None

    # -- input tags -------------------------------------------------------------------------------------
    def normalize(self, code: str | None) -> str | None:
        """'en', 'eng', 'en-US', 'pt_BR', 'English' -> 'en'; None for anything not a known language ('und')."""
        if not code:
            return None
        if self._codes is None:
            self._codes = _code_table()
            for known in self.languages:
                self._codes.setdefault(known, known)
        key = code.strip().lower().replace("_", "-").split("-")[0]
        return self._codes.get(key)

    # -- detection -----------------------------------------------------------------------------------
    def detect(self, text: str | None) -> str | None:
        if not text:
            return None
        sample = text[: self.max_chars]
        if not unicodedata.is_normalized(
            "NFC", sample
        ):  # e.g. Vietnamese tone marks typed as combining marks
            sample = unicodedata.normalize("NFC", sample)
        if "@" in sample or "//" in sample or "www." in sample or "#" in sample:
            sample = _NOISE.sub(" ", sample)
        # only Latin letters, or none: decided as the script counts below would decide it, without counting
        if not NOT_LATIN.search(sample):
            return self._latin(sample) if SCRIPTS[LATIN].search(sample) else None
        counts = {name: len(rx.findall(sample)) for name, rx in SCRIPTS.items()}
        other = len(OTHER_LETTERS.findall(sample))
        letters = sum(counts.values()) + other
        if letters == 0:
            return None
        if (counts["ja"] + counts["zh"] + counts["ko"]) * 2 >= letters:
            if counts["ja"] and counts["ja"] * 10 >= counts["zh"]:
                return self._single("ja")  # kana: Japanese even when Han characters dominate
            if counts["ko"] and counts["ko"] >= counts["zh"]:
                return self._single("ko")
        top = max(counts, key=counts.__getitem__)
        if other > counts[top]:
            return UNDETERMINED  # a script no configured language is written in (Khmer, Ethiopic, ...)
        if top == LATIN:
            return self._latin(sample)
        if top != "cyr" and counts[top] * 2 < letters - counts[LATIN]:
            return self._mixed(sample)
        return self._script(top, sample)

    def _single(self, code: str) -> str:
        return code if code in self.languages else UNDETERMINED

    def _split(self, group: str) -> tuple[list[str], list[str]]:
        """(primary, guards) of the lingua languages written in script ``group``. Primary: the configured ones among
        the defaults (all configured ones when none is a default); guards: the others, configured or not, which
        answer only when clearly more likely than every primary language."""
        if self._groups is None:
            wanted, defaults = set(self.languages), set(DEFAULT_LANGUAGES)
            universe: dict[str, list[str]] = {}
            for code in lingua_languages():
                universe.setdefault(script_of(code), []).append(code)
            groups: dict[str, tuple[list[str], list[str]]] = {}
            for name, codes in universe.items():
                configured = [c for c in codes if c in wanted]
                primary = [c for c in configured if c in defaults] or configured
                groups[name] = (primary, [c for c in codes if c not in primary])
            self._groups = groups
        return self._groups.get(group, ([], []))

    def _script(self, group: str, sample: str) -> str:
        """A text written mostly in one non-Latin script."""
        primary, guards = self._split(group)
        if len(primary) + len(guards) == 1:
            return self._single((primary + guards)[0])
        hints, _ = scan(sample)
        if group == "ar" and "ar" in primary and not hints & {"fa", "ur"}:
            return "ar"
        if group == "deva" and "hi" in primary and "mr" not in hints:
            return "hi"
        if group == "cyr" and not hints - {"uk"}:
            uk, ru = len(_UK_LETTERS.findall(sample)), len(_RU_LETTERS.findall(sample))
            if uk > ru and "uk" in primary:
                return "uk"
            if ru > uk and "ru" in primary:
                return "ru"
        return self._decide(group, sample, bool(hints & set(guards)))

    def _latin(self, sample: str) -> str:
        """The language of a text written mostly in Latin script."""
        hints, scores = scan(sample)
        primary, guards = self._split(LATIN)
        # function words of a guard language outnumber those of every primary language
        inside = max((n for code, n in scores.items() if code in primary), default=0)
        hinted = bool(hints & set(guards)) or any(
            n >= 2 and n > inside and code in guards for code, n in scores.items()
        )
        if not hints and len(sample) >= self.fast_path_min_chars:
            found = self._by_function_words(scores)
            if found in self.languages:
                return found
            hinted = True  # a long text whose function words are not clearly those of one configured language
        return self._decide(LATIN, sample, hinted)

    @staticmethod
    def _by_function_words(scores: dict[str, int]) -> str | None:
        """Fast path for long Latin-script text: one language's function words clearly dominate."""
        if not scores:
            return None
        ranked = sorted(scores.values(), reverse=True)
        best = max(scores, key=scores.__getitem__)
        runner_up = ranked[1] if len(ranked) > 1 else 0
        return best if ranked[0] >= 12 and ranked[0] >= 4 * runner_up else None

    def _mixed(self, sample: str) -> str:
        """No script dominates: lingua over every configured language."""
        known = set(lingua_languages())
        codes = [c for c in self.languages if c in known]
        if len(codes) < 2:
            return codes[0] if codes else UNDETERMINED
        values = self._values(codes, sample)
        return values[0][0] if values and values[0][1] >= self.min_confidence else UNDETERMINED

    def _decide(self, group: str, sample: str, hinted: bool) -> str:
        """Lingua over the primary languages of ``group``; the guards when it is unsure or ``hinted``."""
        primary, guards = self._split(group)
        if not primary or len(_WORDS.findall(sample, 0, 200)) < 2:
            return UNDETERMINED  # no configured language has this script, or a lone word ("NBA", "Live")
        if len(primary) == 1:
            answer, sure = primary[0], not guards
        else:
            values = self._values(primary, sample)
            if not values or values[0][1] < self.min_confidence:
                return UNDETERMINED
            answer, sure = values[0][0], values[0][1] >= self.unsure and not hinted
        if sure or not guards:
            return answer
        return self._guard(sample, answer, primary, guards)

    def _guard(self, sample: str, answer: str, primary: list[str], guards: list[str]) -> str:
        """``answer``, or the guard language that is clearly more likely than every primary one: its code when it
        is configured, ``und`` otherwise.

        Trigram models of every language of the script (small, fast) rule out most texts first; the full models of a
        guard language are loaded only for texts that still look like it."""
        sample = sample[: self.guard_chars]
        every = primary + guards
        rough = dict(self._values(every, sample, low_accuracy=True))
        top = max(guards, key=lambda c: rough.get(c, 0.0))
        if rough.get(top, 0.0) <= 0.5 * max(rough.get(c, 0.0) for c in primary):
            return answer
        # names (capitalised words) of a foreign origin must not make a text foreign: its other words must agree
        words = TOKENS.findall(sample)
        lower = " ".join(w for w in words if not w[0].isupper())
        names = len(lower) < len(" ".join(words))
        enough = len(LETTERS.findall(lower)) >= 6
        if names and enough:
            rough_lower = dict(self._values(every, lower, low_accuracy=True))
            if not self._outside_wins(
                rough_lower, max(guards, key=lambda c: rough_lower.get(c, 0.0)), primary
            ):
                return answer
        elif names and not self._outside_wins(rough, top, primary):
            return answer  # (almost) every word capitalised: the guard must lead clearly already
        # close configured relatives compete for the answer (Indonesian and Malay, Danish and Norwegian)
        rivals = (
            [top]
            if top not in self.languages
            else [c for c in guards if c in self.languages and rough.get(c, 0.0) >= 0.5 * rough[top]]
        )
        pair = [*primary, *rivals]
        values = dict(self._values(pair, sample))
        guard = max(rivals, key=lambda c: values.get(c, 0.0))
        if not self._outside_wins(values, guard, primary):
            return answer
        found = guard if guard in self.languages else UNDETERMINED
        if not names:
            return found
        if enough:
            return found if self._outside_wins(dict(self._values(pair, lower)), guard, primary) else answer
        # (almost) every word capitalised: only an overwhelming guard counts
        return found if self._outside_wins(values, guard, primary, 6.0) else answer

    @staticmethod
    def _outside_wins(
        values: dict[str, float], guard: str, configured: list[str], ratio: float = 2.0
    ) -> bool:
        return values.get(guard, 0.0) > ratio * max(values.get(c, 0.0) for c in configured)

    def _values(self, codes: list[str], sample: str, low_accuracy: bool = False) -> list[tuple[str, float]]:
        """Lingua's confidence values over ``codes``, highest first."""
        key = (tuple(codes), low_accuracy)
        detector = self._detectors.get(key)
        if detector is None:
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
            builder = LanguageDetectorBuilder.from_languages(*langs)
            if low_accuracy:
                builder = builder.with_low_accuracy_mode()
            elif self.preload:
                builder = builder.with_preloaded_language_models()
            detector = self._detectors[key] = builder.build()
        return [
            (found.language.iso_code_639_1.name.lower(), found.value)
            for found in detector.compute_language_confidence_values(sample)
        ]
