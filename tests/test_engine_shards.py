"""Shards: stable, disjoint subsets that together hold every tutorial once."""

from __future__ import annotations

import pytest

from orcid_guide.engine.shards import parse_shard, select_shard
from orcid_guide.errors import UserError


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
