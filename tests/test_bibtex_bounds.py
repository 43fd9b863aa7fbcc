"""A small .bib file cannot make a huge one: macro expansion and field length are bounded, the entries past the
bounds are listed as not importable with the reason, and reading the macro bomb stays within a memory limit."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from orcid_guide.bibtex.reading import MAX_FIELD_CHARS, read_bytes


def macro_bomb(doublings: int = 40) -> bytes:
    """@string{a1 = "xxxxxxxx"} then a2 = a1 # a1 and so on: 2**40 * 8 characters from about a kilobyte."""
    lines = ['@string{a0 = "xxxxxxxx"}']
    lines += [f"@string{{a{n} = a{n - 1} # a{n - 1}}}" for n in range(1, doublings + 1)]
    lines.append(f"@article{{bomb, title = a{doublings}, year = 2024}}")
    lines.append("@article{fine, title = {A real title}, year = 2024}")
    return "\n".join(lines).encode()


def test_an_entry_past_the_bounds_is_listed_as_not_importable_and_the_others_are_read() -> None:
    bib = read_bytes(macro_bomb())
    assert [entry.key for entry in bib.entries] == ["fine"]
    (problem,) = bib.problems
    assert problem.key == "bomb"
    reason = f"the field title: the macro a40 expands past {MAX_FIELD_CHARS:,} characters."
    assert str(problem) == f"Line 42: the entry bomb cannot be read: {reason}"


def test_one_long_field_is_refused_without_macros() -> None:
    text = "@article{long, title = {" + "x" * (MAX_FIELD_CHARS + 1) + "}, year = 2024}"
    bib = read_bytes(text.encode())
    assert bib.entries == [] and "expands past" in bib.problems[0].reason


def test_reading_the_macro_bomb_stays_under_a_memory_limit() -> None:
    # The unbounded reader needed tens of gigabytes here; under 1.5 GB of address space it would die.
    script = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from orcid_guide.bibtex.reading import read_bytes
        bib = read_bytes({macro_bomb(60)!r})
        print(len(bib.entries), len(bib.problems))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.split() == ["1", "1"]
