"""The faster paths of the speed work (issue 14) give what the slower ones gave."""

from __future__ import annotations

import pytest
import yaml

from baocao.errors import BaocaoError
from baocao.input import load
from baocao.limits import MAX_DEPTH


def _problem(text: str) -> str:
    with pytest.raises(BaocaoError) as caught:
        load.parse_yaml(text)
    return str(caught.value.problems[0])


@pytest.mark.parametrize("depth", [MAX_DEPTH + 5, 1_500])  # below and past libyaml's own limit (1000)
def test_too_deep_nesting_is_told_where_our_composer_tells_it(depth, monkeypatch):
    text = "so_lieu: " + "[" * depth + "]" * depth + "\n"
    fast = _problem(text)
    monkeypatch.setattr(load, "_C_COMPOSER", None)
    assert fast == _problem(text) and f"lồng nhau quá {MAX_DEPTH} cấp" in fast


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: [x, {c: 'y', d: \"z\\u0301\"}]\ne: |\n  line one\n  line two\nf: >-\n  folded\n  words\n",
        "a: &x {b: 1}\nc: *x\nd: 2026-06-15\ne: 1.507\nf: ~\ng: true\n",
    ],
)
def test_libyaml_composer_builds_what_ours_builds(text, monkeypatch):
    fast = load.parse_yaml(text)
    monkeypatch.setattr(load, "_C_COMPOSER", None)
    slow = load.parse_yaml(text)
    assert fast[0] == slow[0]
    assert fast[1]._places == slow[1]._places and fast[1]._keys == slow[1]._keys
    assert [loc.word_lines for loc in fast[1]._places.values()] == [loc.word_lines for loc in slow[1]._places.values()]


@pytest.mark.parametrize("text", ["a: *x\n", "a: &x 1\nb: &x 2\n", "a: 1\n---\nb: 2\n"])
def test_libyaml_composer_errors_read_as_ours(text, monkeypatch):
    fast = _problem(text)
    monkeypatch.setattr(load, "_C_COMPOSER", None)
    assert fast == _problem(text)
    assert yaml.__with_libyaml__  # else both paths were ours
