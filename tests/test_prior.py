"""The background prior: document shares of terms from general word frequencies, before any article is seen."""

from __future__ import annotations

import pytest

from storyweave.cluster.prior import BackgroundPrior
from storyweave.cluster.represent import term_weights


@pytest.fixture(scope="module")
def prior() -> BackgroundPrior:
    return BackgroundPrior()


def test_common_words_get_a_high_share_and_names_a_low_one(prior: BackgroundPrior) -> None:
    the, said, aleppo = (prior.doc_share(t, "en") for t in ("the", "said", "aleppo"))
    assert the >= 0.9
    assert said > 0.2
    assert aleppo < 0.01
    assert the > said > prior.doc_share("police", "en") > aleppo > 0.0


def test_a_term_covers_every_word_with_its_prefix(prior: BackgroundPrior) -> None:
    # "govern" is government + governor + governing + ...; the whole word alone is rarer
    whole_words = BackgroundPrior(stem=10)
    assert prior.doc_share("govern", "en") > whole_words.doc_share("government", "en") > 0.05


def test_terms_of_term_weights_are_known(prior: BackgroundPrior) -> None:
    terms = term_weights(
        "Government announces new budget",
        "The government said on Tuesday that the budget would increase spending on hospitals and schools.",
        max_chars=3000,
        stem=6,
        title_boost=2.0,
    )
    assert {"govern", "announ", "budget", "hospit"} <= set(terms)
    assert all(prior.doc_share(t, "en") > 0.001 for t in terms), {t: prior.doc_share(t, "en") for t in terms}


def test_other_languages(prior: BackgroundPrior) -> None:
    assert prior.doc_share("gouver", "fr") > 0.1  # gouvernement, gouverneur, gouverner ...
    assert prior.doc_share("les", "fr") >= 0.9
    assert prior.doc_share("alep", "fr") < 0.01
    assert prior.doc_share("москва", "ru") > prior.doc_share("алеппо", "ru")
    assert prior.doc_share("straße", "de") == prior.doc_share("strass", "de") > 0.05  # wordfreq folds ß to ss
    assert prior.doc_share("govern", "pt-BR") == prior.doc_share("govern", "pt") > 0.05


def test_unknown_language_or_none_gives_the_default(prior: BackgroundPrior) -> None:
    assert prior.doc_share("the", None) == 0.0
    assert prior.doc_share("the", "xx") == 0.0
    assert prior.doc_share("政府", "zh") == 0.0  # no spaces: term_weights cuts clauses, not words
    assert not prior.has_language("xx") and not prior.has_language(None) and prior.has_language("en")
    assert BackgroundPrior(default=0.01).doc_share("the", "xx") == 0.01


def test_bounded_and_deterministic(prior: BackgroundPrior) -> None:
    terms = ["the", "said", "govern", "aleppo", "zzzzzz", "a"]
    values = [prior.doc_share(t, "en") for t in terms]
    assert values == [BackgroundPrior().doc_share(t, "en") for t in terms]
    assert all(0.0 <= v <= 0.95 for v in values)
    assert BackgroundPrior(max_share=0.5).doc_share("the", "en") == 0.5
    assert prior.doc_share("zzzzzz", "en") > 0.0  # rarer than every word read: the rarest word's share
