"""Bold in the guide means a label on screen: every bold phrase in the hand-written pages is a real label.

A phrase counts as a label when it is a whole interface string of ORCID or LUCRIS (tests/data/*-ui-strings.txt,
copies of the project's reference lists), or when a tutorial step quotes it in bold: the runner finds those on
the emulator's or the mock's screen at that step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orcid_guide.engine.loader import load_tutorial, tutorial_names
from orcid_guide.engine.markers import ANIMATION_MARKER, MARKER

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
# Code and HTML comments are not text a reader sees in bold.
_NOT_PROSE = re.compile(r"```.*?```|`[^`\n]*`|<!--.*?-->", re.DOTALL)


def interface_strings() -> set[str]:
    strings: set[str] = set()
    for path in sorted(DATA.glob("*-ui-strings.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                strings.add(" ".join(line.split()))
    return strings


def tutorial_labels() -> set[str]:
    tutorials = ROOT / "tutorials"
    return {
        label
        for name in tutorial_names(tutorials)
        for step in load_tutorial(tutorials, name).steps
        for label in step.labels
    }


def bold_phrases(markdown: str) -> list[str]:
    prose = _NOT_PROSE.sub(" ", markdown)
    return [" ".join(phrase.split()) for phrase in _BOLD.findall(prose)]


def test_the_reference_lists_are_there() -> None:
    strings = interface_strings()
    assert {"Add new", "Sign in"} <= strings


@pytest.mark.parametrize("name", ["orcid-ui-strings.txt", "lucris-ui-strings.txt"])
def test_the_copies_match_the_reference_lists_when_they_are_beside_the_repository(name: str) -> None:
    reference = ROOT.parent / "shared" / "reference" / name
    if not reference.is_file():
        pytest.skip("the project's shared reference folder is not beside this checkout")
    assert (DATA / name).read_text(encoding="utf-8") == reference.read_text(encoding="utf-8"), (
        f"tests/data/{name} is out of date: copy shared/reference/{name} over it"
    )


def test_bold_phrases_are_found_in_prose_but_not_in_code() -> None:
    markdown = "Click **Save**.\n\n```python\nx = '**not bold**'\n```\n`**nor this**` <!-- **or this** -->"
    assert bold_phrases(markdown) == ["Save"]


@pytest.mark.parametrize(
    "page", sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("*/*.md"))
)
def test_every_bold_phrase_on_a_page_is_a_label_on_screen(page: str) -> None:
    markdown = (ROOT / "docs" / page).read_text(encoding="utf-8")
    # The expanded tutorial steps are checked on screen by the runner; here only the hand-written text.
    markdown = ANIMATION_MARKER.sub("", MARKER.sub("", markdown))
    labels = interface_strings() | tutorial_labels()
    assert [phrase for phrase in bold_phrases(markdown) if phrase not in labels] == []
