"""The placeholders `baocao init` writes for the clerk to replace ("(tên xã)", "(Họ và tên)", the kinds'
skeleton sentences), found when left in a text: by the build in the clerk's YAML (compose/trust.py) and by
the checker in a .docx (nd30/text.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from baocao.conventions.slips import PLACEHOLDER, Slip
from baocao.conventions.words import PLACE_NAME, SIGNER_NAME, SUPERIOR, UNIT_NAME
from baocao.input.kinds import KINDS, load_kind
from baocao.messages import nd30 as msg

_BRACKETED = re.compile(r"\([^()]*\)")
_WORDY = re.compile(r"[^\W\d_]|\.\.\.")  # a placeholder has a letter in it, or is "(...)"; "(%)" is not one

_PROFILE_PLACEHOLDERS = (UNIT_NAME, PLACE_NAME, SIGNER_NAME, SUPERIOR)


def placeholder_slips(text: str) -> list[Slip]:
    """The placeholders of `baocao init` still in `text`."""
    return [
        Slip(
            PLACEHOLDER,
            "placeholder",
            match[0],
            match.start(),
            msg.placeholder_left(_short(match[0])),
        )
        for match in _placeholder_pattern().finditer(text)
    ]


def may_hold_placeholders(text: str) -> bool:
    """Whether a YAML file's `text` may hold a placeholder in one of its values (a quick look at the whole file
    before its values are read one by one): a value is the file's text with its line breaks folded into spaces,
    unless an escape ("\\u0028") makes it, so a file with no backslash, and no placeholder in its text with any
    whitespace where a placeholder has a space, has none in any value."""
    return "\\" in text or _loose_pattern().search(text) is not None


@cache
def placeholders() -> frozenset[str]:
    """Every placeholder `baocao init` may write: the profile's and those in the kinds' skeletons."""
    found = set(_PROFILE_PLACEHOLDERS)
    for kind in KINDS:
        found.update(
            m[0] for text in _texts(load_kind(kind).outline) for m in _BRACKETED.finditer(text) if _WORDY.search(m[0])
        )
    return frozenset(found)


@cache
def _placeholder_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in sorted(placeholders(), key=len, reverse=True)))


@cache
def _loose_pattern() -> re.Pattern[str]:
    """_placeholder_pattern with any whitespace where a placeholder has a space."""
    return re.compile("|".join(r"\s+".join(map(re.escape, p.split(" "))) for p in placeholders()))


def _texts(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 2].rstrip() + "…)"
