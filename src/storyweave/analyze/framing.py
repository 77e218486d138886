"""Framing, per story: the words each outlet uses for the story that the other outlets covering it do not.

``framing(articles)`` compares, within each language, every outlet's word counts with those of the other outlets
writing in that language, by the weighted log-odds ratio with an informative Dirichlet prior of Monroe, Colaresi
and Quinn (2008, "Fightin' Words", section 3.5.2): for a term ``w``, outlet ``i`` and the rest ``j``,

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    z_w     = delta_w / sqrt(1 / (y_iw + a_w) + 1 / (y_jw + a_w))

where ``a_w = a0 * p_w`` and ``p_w`` mixes the story's own term distribution in that language (``STORY_SHARE``)
with a background one from ``wordfreq``'s "small" list for the language (a bigram's background is wordfreq's own
rule for phrases, ``1/f = 1/f1 + 1/f2``), and ``a0`` is ``PRIOR_STRENGTH`` times the story's word count in the
language. The prior shrinks words every text uses a lot towards no difference, and a rare word used once towards
no difference too: what stands out is ordinary vocabulary that one outlet chose and the others did not. An
outlet's terms are those with ``z > min_z``, highest first. With a prior this strong, one or two uses of a word
stay below z = 1 on stories of a few articles per outlet (BASIL: no term of any outlet reaches 1.96), so the default
threshold is 0.5; on BASIL (``scripts/eval_framing.py``) 2.1% of the top-10 terms fall inside the annotated
lexical-bias spans against 0.77% for each outlet's most frequent words (2.6x; a0 of 0.1-100 times the story and a
story share of 0-0.5 gave 1.3x-3.3x in a grid before the final tokeniser, the weak priors lowest).

Terms are unigrams and bigrams of content words: lower-cased runs of letters (numbers dropped), not among the
language's ``STOP_WORDS`` most frequent words in wordfreq; a bigram is two content words next to each other.
Names (words the story only ever writes with a capital; not in German) are actors, not word choice, and are left
out. Outlets with fewer than ``MIN_TOKENS`` content words in a language get no terms there; a language with one
outlet has nobody to compare with. Articles without an outlet are left out.

``entity_labels(articles)`` gives the labels outlets put on the same named actor: the word right before a name
that several outlets of a language use ("the rebel X" / "the terrorist X" / "the insurgent X"), per outlet, where
the outlets differ. A small heuristic without a parser: on NewsWCL50 it finds "dictator" against "leader" before
"Kim Jong Un", among noise such as "point" before "Comey".

Not done: mapping terms across languages through the sentence encoder (the per-language lists are shown side by
side); languages written without spaces (zh, ja, th) get no terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import wordfreq

from storyweave.models import Article

STOP_WORDS = 150  # a language's most frequent words in wordfreq are its stop words
MIN_TOKENS = 40  # content words an outlet needs in a language before its terms are worth comparing
PRIOR_STRENGTH = 10.0  # a0 as a multiple of the language's total content-word count in the story
STORY_SHARE = 0.1  # weight of the story's own term distribution in the prior (the rest: wordfreq)
MIN_Z = 0.5  # see the module: with a strong prior, one or two uses of a word stay below z = 1
MIN_COUNT = 1  # times an outlet must use a term
CAPITALISED_NOUNS = frozenset(
    {"de", "lb"}
)  # languages that capitalise every noun: names cannot be told by case
FLOOR = 5e-7  # background frequency of a word not in wordfreq's "small" list (which stops at 1e-6)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CLITICS = frozenset({"s", "t", "ve", "re", "ll", "d", "m"})  # "Obama's", "couldn't", "they've"
# the articles before a label ("the dictator Kim Jong Un"); other words there are mostly verbs ("told Comey")
_ARTICLES = frozenset(
    "the a an this that these those his her their its our former late le la les un une des du ce cette ces "
    "der die das den dem des ein eine einen einem einer el los las una unos unas del lo il gli i dello della "
    "o os as um uma do da dos das de het een deze dit".split()
)


def stop_words(lang: str | None) -> frozenset[str]:
    """The language's most frequent words in wordfreq (empty for a language wordfreq does not have)."""
    if not lang or lang not in wordfreq.available_languages():
        return frozenset()
    return frozenset(wordfreq.top_n_list(lang, STOP_WORDS, wordlist="small"))


def content_tokens(
    text: str, stops: frozenset[str], cases: tuple[set[str], set[str]] | None = None
) -> list[str | None]:
    """The text's words, lower-cased, with None in place of stop words and one-letter words (so bigrams do
    not jump over them). With ``cases``, the content words written with capitals are added to its first set and
    those written in lower case to its second (see :func:`names`)."""
    out: list[str | None] = []
    for word in _WORD.findall(text.replace("’", "'")):
        if "'" in word:
            head, _, tail = word.rpartition("'")
            if tail.casefold() in _CLITICS:
                if tail.casefold() != "s":
                    out.append(None)  # a contraction: a function word
                    continue
                word = head
            elif len(head) <= 4:
                word = tail  # an elision: l'uomo, d'Italia, dell'anno, qu'il
        lower = word.casefold()
        if len(lower) < 2 or lower in stops:
            out.append(None)
            continue
        out.append(lower)
        if cases is not None:
            (cases[1] if lower == word else cases[0]).add(word)
    return out


def names(cases: tuple[set[str], set[str]], lang: str | None) -> set[str]:
    """Words the story only ever writes with capitals: names (lower-cased). Not for languages that capitalise
    every noun."""
    if lang in CAPITALISED_NOUNS:
        return set()
    return {w.casefold() for w in cases[0]} - cases[1]


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \"'“”‘’«»„([")
    return not before or before[-1] in ".!?:\n—–-"


def terms(tokens: Sequence[str | None]) -> Iterable[str]:
    """Unigrams and bigrams of adjacent content words."""
    previous: str | None = None
    for token in tokens:
        if token is not None:
            yield token
            if previous is not None:
                yield f"{previous} {token}"
        previous = token


def _background(term: str, freqs: dict[str, float]) -> float:
    words = term.split(" ")
    if len(words) == 1:
        return max(freqs.get(term, 0.0), FLOOR)
    return 1.0 / sum(1.0 / max(freqs.get(w, 0.0), FLOOR) for w in words)


def log_odds(
    counts: dict[str, Counter[str]], lang: str | None, min_z: float = MIN_Z, min_count: int = MIN_COUNT
) -> dict[str, list[tuple[str, float]]]:
    """Per outlet, its terms against the other outlets' (Monroe et al. 2008, see the module), as ``(term, z)``
    with ``z > min_z``, highest first. ``counts``: term counts per outlet, all in language ``lang``."""
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    n = sum(total.values())
    if n == 0 or len(counts) < 2:
        return {}
    freqs = (
        wordfreq.get_frequency_dict(lang, wordlist="small")
        if lang and lang in wordfreq.available_languages()
        else {}
    )
    background = {t: _background(t, freqs) for t in total}
    bg_sum = sum(background.values())
    a0 = PRIOR_STRENGTH * n
    prior = {t: a0 * (STORY_SHARE * total[t] / n + (1 - STORY_SHARE) * background[t] / bg_sum) for t in total}
    out: dict[str, list[tuple[str, float]]] = {}
    for outlet, mine in counts.items():
        n_i = sum(mine.values())
        n_j = n - n_i
        found = []
        for t, y_i in mine.items():
            if y_i < min_count:
                continue
            a = prior[t]
            y_j = total[t] - y_i
            delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
            z = delta / math.sqrt(1.0 / (y_i + a) + 1.0 / (y_j + a))
            if z > min_z:
                found.append((t, z))
        found.sort(key=lambda x: (-x[1], x[0]))
        out[outlet] = found
    return out


def _drop_covered(ranked: list[tuple[str, float]], top: int) -> list[tuple[str, float]]:
    """The first ``top`` terms, less those that repeat better-ranked ones: a word of a bigram already kept, a
    bigram both of whose words are already kept."""
    kept: list[tuple[str, float]] = []
    kept_terms: set[str] = set()
    seen_words: set[str] = set()
    for term, z in ranked:
        if len(kept) >= top:
            break
        words = term.split(" ")
        if len(words) == 1 and term in seen_words:
            continue
        if len(words) == 2 and all(w in kept_terms for w in words):
            continue
        kept.append((term, z))
        kept_terms.add(term)
        seen_words.update(words)
    return kept


def outlet_counts(
    articles: Sequence[Article],
) -> dict[str | None, tuple[dict[str, Counter[str]], set[str]]]:
    """Per language: each outlet's content-term counts, and the words the language's articles write as names."""
    counts: dict[str | None, dict[str, Counter[str]]] = defaultdict(dict)
    cases: dict[str | None, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    stops: dict[str | None, frozenset[str]] = {}
    for a in articles:
        if not a.outlet:
            continue
        lang = a.lang if a.lang and a.lang != "und" else None
        if lang not in stops:
            stops[lang] = stop_words(lang)
        tokens = content_tokens(f"{a.title or ''}\n{a.text}", stops[lang], cases[lang])
        counts[lang].setdefault(a.outlet, Counter()).update(terms(tokens))
    return {lang: (c, names(cases[lang], lang)) for lang, c in counts.items()}


def framing(
    articles: Sequence[Article], top: int = 10, min_z: float = MIN_Z, min_count: int = MIN_COUNT
) -> dict[str, list[str]]:
    """For each outlet, up to ``top`` terms it uses for the story that the other outlets writing in its language
    do not (see the module). Outlets with nothing distinctive are left out; an outlet writing in several
    languages gets its terms of each, best first."""
    scored: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for lang, (counts, known) in outlet_counts(articles).items():
        sizes = {o: sum(v for t, v in c.items() if " " not in t) for o, c in counts.items()}
        kept = {o: c for o, c in counts.items() if sizes[o] >= MIN_TOKENS}
        for outlet, ranked in log_odds(kept, lang, min_z, min_count).items():
            scored[outlet].extend((t, z) for t, z in ranked if not known.intersection(t.split(" ")))
    out: dict[str, list[str]] = {}
    for outlet in sorted(scored):
        ranked = _drop_covered(sorted(scored[outlet], key=lambda x: (-x[1], x[0])), top)
        if ranked:
            out[outlet] = [t for t, _ in ranked[:top]]
    return out


def _nouns(text: str) -> set[str]:
    """Lower-case words that follow an article somewhere in the text: nouns and adjectives, seldom verbs."""
    words = _WORD.findall(text)
    return {
        b.casefold()
        for a, b in zip(words, words[1:], strict=False)
        if a.casefold() in _ARTICLES and b[:1].islower()
    }


def _names(text: str, known: set[str]) -> Iterable[tuple[str, str]]:
    """(label, name) pairs: a run of capitalised words that are names, and the lower-case word right before it
    ("the dictator Kim Jong Un", "North Korean leader Kim Jong-un")."""
    words = [(m.group(), m.start()) for m in _WORD.finditer(text)]
    i = 0
    while i < len(words):
        word, start = words[i]
        if word[:1].isupper() and word.casefold() in known and not _starts_sentence(text, start):
            j = i
            while j < len(words) and words[j][0][:1].isupper():
                j += 1
            label = words[i - 1][0] if i > 0 else ""
            if label[:1].islower() and len(label) > 2:
                yield label.casefold(), " ".join(w for w, _ in words[i:j])
            i = j
        else:
            i += 1


def entity_labels(articles: Sequence[Article], min_outlets: int = 2) -> list[dict[str, Any]]:
    """The labels outlets give the same named actor, where they differ: ``[{lang, name, labels: {outlet:
    [label, ...]}}]``. A label is the word right before a name ("the dictator Kim Jong Un" / "leader Kim
    Jong-un"), kept when the story also uses it after an article (a noun or an adjective, not "told Comey");
    names are compared case, hyphen and spacing aside, and shown as most often written. Names at least
    ``min_outlets`` outlets of a language label, where not all alike; most outlets first."""
    found: dict[tuple[str | None, str], dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    spelled: dict[tuple[str | None, str], Counter[str]] = defaultdict(Counter)
    cases: dict[str | None, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    nouns: dict[str | None, set[str]] = defaultdict(set)
    stops: dict[str | None, frozenset[str]] = {}
    texts = [(a, a.lang if a.lang and a.lang != "und" else None) for a in articles if a.outlet]
    for a, lang in texts:
        if lang not in stops:
            stops[lang] = stop_words(lang)
        content_tokens(a.text, stops[lang], cases[lang])
        nouns[lang] |= _nouns(a.text)
    known_names = {lang: names(c, None) for lang, c in cases.items()}
    for a, lang in texts:
        known = known_names[lang]
        for label, name in _names(a.text, known):
            if label not in stops[lang] and label in nouns[lang]:
                key = (lang, " ".join(name.casefold().replace("-", " ").split()))
                found[key][str(a.outlet)][label] += 1
                spelled[key][name] += 1
    out: list[dict[str, Any]] = []
    for key, per_outlet in found.items():
        if len(per_outlet) < min_outlets:
            continue
        labels = {o: sorted(c, key=lambda w: (-c[w], w)) for o, c in sorted(per_outlet.items())}
        if len({tuple(sorted(v)) for v in labels.values()}) < 2:
            continue  # every outlet labels it alike
        out.append({"lang": key[0], "name": spelled[key].most_common(1)[0][0], "labels": labels})
    out.sort(key=lambda e: (-len(e["labels"]), e["name"]))
    return out
