"""The counts of LUCRIS publications the guide shows or quotes agree with each other and with the fixtures.

The dashboard, the export and ORCID's BibTeX import all count Eva de Vries's outputs: when a fixture is added,
every screenshot and sentence that counts them must say the new number, not only some of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from orcid_guide.engine.loader import load_tutorial, tutorial_names
from orcid_guide.project import load_project
from orcid_guide.sandbox.lucris.fixtures import OUTPUTS

PROJECT = load_project(Path(__file__).parent)
EVAS = [output for output in OUTPUTS if any(person.username == "evries" for person in output.contributors)]
# What a screen or sentence says, and which of the fixture's counts it must equal.
COUNTS = {
    re.compile(r"\b(\d+) publications\."): len(EVAS),
    re.compile(r"\bValidated (\d+)\b"): sum(output.step == "validated" for output in EVAS),
    re.compile(r"Works found in BibTeX \((\d+)\)"): len(EVAS),
    re.compile(r"\b(\d+) (?:publications you exported|publicaties die u hebt geëxporteerd)"): len(EVAS),
}


def committed_screen_texts() -> dict[str, str]:
    return {
        str(path.relative_to(PROJECT.screenshots)): path.read_text(encoding="utf-8")
        for path in sorted(PROJECT.screenshots.glob("*/*.aria.yml"))
    }


def tutorial_words() -> dict[str, str]:
    words = {}
    for name in tutorial_names(PROJECT.tutorials):
        for number, step in enumerate(load_tutorial(PROJECT.tutorials, name).steps, start=1):
            words[f"{name} step {number}"] = "\n".join(step.words.values())
    return words


def page_words() -> dict[str, str]:
    return {
        str(path.relative_to(PROJECT.docs)): path.read_text(encoding="utf-8") for path in PROJECT.docs.glob("*/*.md")
    }


def test_every_lucris_count_shown_or_quoted_is_the_fixtures_count() -> None:
    found: dict[str, list[str]] = {pattern.pattern: [] for pattern in COUNTS}
    wrong = []
    for where, text in {**committed_screen_texts(), **tutorial_words(), **page_words()}.items():
        for pattern, expected in COUNTS.items():
            for match in pattern.finditer(text):
                found[pattern.pattern].append(where)
                if int(match.group(1)) != expected:
                    wrong.append(f"{where}: {match.group(0)!r}, but the fixtures have {expected}")
    assert wrong == []
    # Each kind of count is really on a screen or in a sentence, so this test cannot pass by finding nothing.
    assert all(found.values()), {pattern: places for pattern, places in found.items() if not places}
