"""Sub-headings between groups of steps, and optional demonstrations, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from orcid_guide.engine.expand import tutorial_markdown
from orcid_guide.engine.steps import Section, Step, Tutorial
from orcid_guide.engine.wording import load_words

# The guide's own words around the steps (words.toml), in its two languages.
WORDS = load_words(Path(__file__).parents[1] / "words.toml", ("en", "nl"))


def steps(*ids: str) -> tuple[Step, ...]:
    return tuple(Step(step_id, en=f"Click **{step_id}**.", nl=f"Klik op **{step_id}**.", shot=False) for step_id in ids)


def test_sections_are_headings_with_one_id_and_the_numbers_go_on_under_them() -> None:
    tutorial = Tutorial(
        "t",
        steps("a", "b", "c", "d"),
        sections=(
            Section(
                "c", "try-it", en="Try it", nl="Probeer het", optional=True, about={"en": "Skip it.", "nl": "Sla over."}
            ),
        ),
    )
    english = tutorial_markdown(tutorial, WORDS["en"], "img", heading_level=3)
    dutch = tutorial_markdown(tutorial, WORDS["nl"], "img", heading_level=3)
    assert "### Optional: Try it { #try-it }\n\nSkip it.\n\n3. Click **c**." in english
    assert "### Facultatief: Probeer het { #try-it }\n\nSla over.\n\n3. Klik op **c**." in dutch
    assert english.index("2. Click **b**.") < english.index("### Optional")


@pytest.mark.parametrize(
    ("section", "problem"),
    [
        (Section("nowhere", "s", en="S", nl="S"), "which the tutorial does not have"),
        (Section("a", "Not An Id", en="S", nl="S"), "needs an id"),
        (Section("a", "s", en="S", nl=""), "has no nl heading"),
        (Section("a", "s", en="S", nl="S", about={"en": "Only English."}), "about in en only"),
    ],
)
def test_a_section_that_cannot_be_shown_alike_in_both_languages_is_refused(section: Section, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        Tutorial("t", steps("a", "b"), sections=(section,))


def test_sections_out_of_the_order_of_their_steps_are_refused() -> None:
    with pytest.raises(ValueError, match="not in the order"):
        Tutorial("t", steps("a", "b"), sections=(Section("b", "x", en="X", nl="X"), Section("a", "y", en="Y", nl="Y")))
