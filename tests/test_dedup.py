import numpy as np

from storyweave.dedup import MinHasher, content_hash

WIRE = (
    "Rescuers pulled survivors from the rubble on Tuesday after a magnitude 7.1 earthquake struck central Mexico, "
    "killing at least 200 people and toppling dozens of buildings in the capital. Officials said schools, offices "
    "and apartment blocks collapsed in several neighbourhoods, and volunteers formed human chains to remove debris. "
    "The quake struck on the anniversary of the 1985 disaster that killed thousands."
)


def test_content_hash_folds_case_space_and_punctuation():
    assert content_hash("Hello,  World!") == content_hash("hello world")
    assert content_hash("hello world") != content_hash("hello there world")


def test_signature_is_deterministic_across_instances():
    assert np.array_equal(MinHasher().signature(WIRE), MinHasher().signature(WIRE))


def test_syndicated_copy_matches_and_different_report_does_not():
    m = MinHasher()
    copy = (
        "MEXICO CITY (Reuters) - "
        + WIRE.replace("Officials said", "Authorities said")
        + " Reporting by Jane Doe."
    )
    other = (
        "A strong earthquake shook Mexico on Tuesday. Local media reported damage in Puebla and Morelos, "
        "while the president called for calm and promised help to families who lost their homes in the quake."
    )
    sig = m.signature(WIRE)
    assert m.best_match(m.signature(copy), [("orig", sig.tobytes())]) == "orig"
    assert m.best_match(m.signature(other), [("orig", sig.tobytes())]) is None
    # a copy shares at least one LSH band with its original
    assert set(m.band_keys(sig)) & set(m.band_keys(m.signature(copy)))


def test_too_short_text_has_no_signature():
    assert MinHasher().signature("Breaking news") is None
