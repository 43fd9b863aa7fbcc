"""The embedded snippets: their shown output is what they print, and they agree with the package."""

from __future__ import annotations

import importlib.util
import os
import random
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

from orcid_guide.orcid_id import format_id, is_valid
from orcid_guide.sandbox.launcher import running_sandbox

ROOT = Path(__file__).resolve().parents[1]
CHECK_ORCID_ID = ROOT / "snippets" / "check_orcid_id.py"
READ_ORCID_EMULATOR = ROOT / "snippets" / "read_orcid_emulator.py"


def load_is_valid_orcid() -> Callable[[str], bool]:
    spec = importlib.util.spec_from_file_location("check_orcid_id", CHECK_ORCID_ID)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return cast(Callable[[str], bool], module.is_valid_orcid)


def test_check_orcid_id_prints_the_output_shown_in_the_guide(tmp_path: Path) -> None:
    # -S keeps site-packages out: readers run the snippet with a bare Python, so it must need the stdlib only.
    result = subprocess.run(
        [sys.executable, "-I", "-S", str(CHECK_ORCID_ID)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == CHECK_ORCID_ID.with_suffix(".out").read_text(encoding="utf-8")


def test_check_orcid_id_knows_the_documented_examples() -> None:
    is_valid_orcid = load_is_valid_orcid()
    assert is_valid_orcid("0000-0002-1825-0097")
    assert is_valid_orcid("0000-0002-1694-233X")
    assert is_valid_orcid("https://orcid.org/0000-0002-1825-0097")
    assert not is_valid_orcid("0000-0002-1825-0098")
    assert not is_valid_orcid("0000-0002-1825-009")
    assert not is_valid_orcid("")


def corruptions(orcid_id: str, rng: random.Random) -> Iterator[str]:
    """Typing mistakes a reader makes, kept to forms the snippet and the package both read strictly."""
    position = rng.randrange(len(orcid_id))
    yield orcid_id[:position] + rng.choice("0123456789X-") + orcid_id[position + 1 :]
    swap = rng.randrange(len(orcid_id) - 1)
    yield orcid_id[:swap] + orcid_id[swap + 1] + orcid_id[swap] + orcid_id[swap + 2 :]
    yield orcid_id[:position] + orcid_id[position + 1 :]
    yield orcid_id[:position] + orcid_id[position] + orcid_id[position:]
    check = "0123456789X".replace(orcid_id[-1], "")
    yield orcid_id[:-1] + rng.choice(check)


def generated_ids(count: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    for _ in range(count):
        orcid_id = format_id(rng.randrange(10**15))
        yield orcid_id
        yield "https://orcid.org/" + orcid_id
        yield from corruptions(orcid_id, rng)


def test_check_orcid_id_agrees_with_the_package() -> None:
    is_valid_orcid = load_is_valid_orcid()
    verdicts = {orcid_id: is_valid(orcid_id) for orcid_id in generated_ids(1000, seed=2024)}
    disagreements = [orcid_id for orcid_id, valid in verdicts.items() if is_valid_orcid(orcid_id) != valid]
    assert disagreements == []
    # Both outcomes must be well represented, or agreement would say little.
    valid_count = sum(verdicts.values())
    assert valid_count > 1500
    assert len(verdicts) - valid_count > 2500


def test_reading_the_emulator_with_python_orcid_prints_the_output_shown_in_the_guide(tmp_path: Path) -> None:
    with running_sandbox(tmp_path / "sandbox") as sandbox:
        result = subprocess.run(
            [sys.executable, str(READ_ORCID_EMULATOR), sandbox.orcid_url],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=60,
            env={**os.environ, "NO_PROXY": "127.0.0.1,localhost"},
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout == READ_ORCID_EMULATOR.with_suffix(".out").read_text(encoding="utf-8")
