"""Facts both jobs share are said once, for both: BLS's experience and on-the-job training."""

from __future__ import annotations

import itertools

import pytest


def _preparation(occupation):
    outlook = occupation.outlook
    if outlook is None or outlook.work_experience is None or outlook.on_the_job_training is None:
        return None
    return outlook.work_experience, outlook.on_the_job_training


def _pairs(generator, same: bool, count: int = 12):
    catalog = generator.catalog
    slugs = sorted(s for s in catalog.occupations if _preparation(catalog.find(s)) is not None)
    found = []
    for a, b in itertools.combinations(slugs[::7], 2):
        if (_preparation(catalog.find(a)) == _preparation(catalog.find(b))) is same:
            found.append((a, b))
        if len(found) == count:
            break
    return found


def _preparation_sentences(document):
    return [
        s
        for section in document.sections
        for block in section.blocks
        for s in getattr(block, "sentences", ())
        if s.message and s.message.startswith("training.preparation")
    ]


@pytest.mark.parametrize("seed", [0, 1])
def test_the_same_experience_and_training_is_one_sentence_about_both_jobs(generator, seed):
    pairs = _pairs(generator, same=True)
    assert len(pairs) == 12
    for a, b in pairs:
        (sentence,) = _preparation_sentences(generator.document(a, b, seed=seed))
        assert sentence.message.startswith("training.preparation.same.")
        for slug in (a, b):
            experience, training = _preparation(generator.catalog.find(slug))
            assert sentence.facts[f"{slug}.outlook.work_experience"] == experience
            assert sentence.facts[f"{slug}.outlook.on_the_job_training"] == training


def test_different_experience_or_training_is_said_job_by_job(generator):
    pairs = _pairs(generator, same=False)
    assert len(pairs) == 12
    for a, b in pairs:
        sentences = _preparation_sentences(generator.document(a, b))
        assert [s.message.startswith("training.preparation.same.") for s in sentences] == [False, False]


def test_top_skills_the_intro_calls_identical_are_not_listed_again_as_shared(generator):
    """The intro says "the skills each job lists most often are identical: …"; the skills section
    then names only the shared skills beyond those, if any."""
    catalog = generator.catalog
    with_skills = [s for s in sorted(catalog.occupations) if catalog.find(s).skills]
    pairs = []
    for a, b in itertools.permutations(with_skills, 2):
        top_a = {s.name.casefold() for s in catalog.find(a).skills[:3]}
        if top_a == {s.name.casefold() for s in catalog.find(b).skills[:3]}:
            pairs.append((a, b, top_a))
    assert pairs
    for a, b, top in pairs:
        document = generator.document(a, b)
        intro = [s for block in document.sections[0].blocks for s in getattr(block, "sentences", ())]
        assert any(s.message == "intro.skills.same" for s in intro)
        (skills,) = [section for section in document.sections if section.id == "skills"]
        for block in skills.blocks:
            for sentence in getattr(block, "sentences", ()):
                named = {skill for skill in top if skill in sentence.text.casefold()}
                assert named != top, sentence.text
