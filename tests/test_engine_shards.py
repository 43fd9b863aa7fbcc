"""Shards: stable, disjoint subsets that together hold every tutorial once."""

from __future__ import annotations

from pathlib import Path

import pytest

from orcid_guide.engine.shards import parse_shard, select_shard
from orcid_guide.errors import UserError
from orcid_guide.run.merge import merge_builds
from orcid_guide.run.report import RunReport, read_report, write_report


def test_shards_split_the_sorted_names_without_overlap() -> None:
    names = ["e", "c", "a", "d", "b"]
    shards = [select_shard(names, index, 3) for index in (1, 2, 3)]
    assert shards == [["a", "d"], ["b", "e"], ["c"]]
    assert sorted(name for shard in shards for name in shard) == sorted(names)
    assert select_shard(["b", "a"], 3, 3) == []


def test_a_shard_is_written_i_of_n() -> None:
    assert parse_shard("2/3") == (2, 3)
    assert parse_shard(" 1 / 1 ") == (1, 1)
    for bad in ("0/3", "4/3", "1/0", "1-3", "", "a/b"):
        with pytest.raises(UserError):
            parse_shard(bad)


def test_shards_drawn_by_different_renderers_merge_into_a_report_that_names_each(tmp_path: Path) -> None:
    for shard, chromium in (("shard-1", "Chromium 156.0.8078.114"), ("shard-2", "Chromium 157.0.1.2")):
        (tmp_path / shard).mkdir()
        write_report(tmp_path / shard, RunReport("mock", {"chromium": chromium, "fonts": "dejavu=2.37"}))
    merged = merge_builds([tmp_path / "shard-1", tmp_path / "shard-2"], tmp_path / "build").report
    assert merged.renderer == {
        "chromium": "shard-1: Chromium 156.0.8078.114; shard-2: Chromium 157.0.1.2",
        "fonts": "dejavu=2.37",
    }
    assert merged.renderer_note == (
        "The shards drew with different renderers "
        "(chromium shard-1: Chromium 156.0.8078.114; shard-2: Chromium 157.0.1.2)."
    )
    assert read_report(tmp_path / "build").renderer == merged.renderer
