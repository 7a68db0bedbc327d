"""Built-in report kinds: each one's default trích yếu and closing, and its outline skeleton.

A kind's wording is data, templates/kinds/<name>.yaml (package data of baocao.templates):
`ten` (what the kind is, for clerks), `trich_yeu` (the default trích yếu; '' when each report
writes its own), `trich_yeu_ca_nam` (the one for a whole year, if it differs), `ket_luan` (the
default closing sentence) and `de_cuong` (the report keys `baocao init` starts with: mo_dau,
noi_dung, co_phan…). In them `{ky}` is the period ('6 tháng đầu năm 2026'), `{ky_toi}` the next
one, `{ky_nay}` the period with its year left to `{ky_toi}` when both fall in one year
('6 tháng đầu năm'); a closing also has `{trich_yeu}` and `{don_vi}`. `{{ … }}` is left for the
report's sentences. A kind's Word template is looked up by its name (thi-dua.docx…), so a unit
can give one kind a template of its own (template_files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from baocao.conventions import periods
from baocao.input.load import load_yaml
from baocao.input.period import Period

KINDS = ("thi-dua", "kt-xh", "nhiem-vu", "chung")
_PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]+)\}(?!\})")  # '{ky}', not the '{{ ky }}' of a sentence

Skeleton = dict[str, Any]  # report keys (mo_dau, noi_dung, co_phan…) to start a report of a kind


@dataclass(frozen=True)
class Kind:
    """A built-in kind of report, as its data file describes it."""

    name: str
    title: str
    subject_pattern: str
    year_subject_pattern: str
    closing_pattern: str
    outline: Skeleton

    def subject(self, period: Period) -> str:
        """The default trích yếu for `period` ('' when the report must write its own)."""
        pattern = self.year_subject_pattern if period.kind == "nam" else self.subject_pattern
        return _fill(pattern, _period_words(period))

    def closing(self, subject: str, unit: str) -> str:
        """The default closing sentence of a report on `subject` by `unit`."""
        return _fill(self.closing_pattern, {"trich_yeu": _lower_first(subject), "don_vi": unit})

    def skeleton(self, period: Period) -> Skeleton:
        """A fresh copy of the outline `baocao init` writes for `period`."""
        return _filled(self.outline, _period_words(period))


@cache
def load_kind(name: str) -> Kind:
    """Kind `name` read from its data file (once per process)."""
    data, _ = load_yaml(Path(str(files("baocao.templates") / "kinds" / f"{name}.yaml")))
    subject = data["trich_yeu"]
    return Kind(name, data["ten"], subject, data.get("trich_yeu_ca_nam", subject), data["ket_luan"], data["de_cuong"])


def _period_words(period: Period) -> dict[str, str]:
    then = period.following()
    now = period.label
    if then.year == period.year:  # '6 tháng đầu năm' keeps its 'năm'; 'quý II năm 2026' drops it
        now = now.removesuffix(f" {period.year}" if period.kind == "6t-dau" else f" {periods.YEAR} {period.year}")
    return {"ky": period.label, "ky_nay": now, "ky_toi": then.label}


def _fill(pattern: str, words: dict[str, str]) -> str:
    return _PLACEHOLDER.sub(lambda match: words[match.group(1)], pattern)


def _filled(value: Any, words: dict[str, str]) -> Any:
    """`value` with its texts' placeholders filled; whole numbers (load.py keeps them as text) as int."""
    if isinstance(value, dict):
        return {key: _filled(item, words) for key, item in value.items()}
    if isinstance(value, list):
        return [_filled(item, words) for item in value]
    if isinstance(value, str):
        return int(value) if value.isdigit() else _fill(value, words)
    return value


def _lower_first(text: str) -> str:
    """'Sơ kết ...' → 'sơ kết ...' inside a sentence; acronyms ('ODA ...') stay as written."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]
