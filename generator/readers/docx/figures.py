"""The figures an import makes (`baocao import --so-lieu`): unique readable names, values, what was derived.

One `FigureBook` per import. The prose reader (`prose`) and the table reader add figures through `add`, check
what a filter prints with `figure` (the compute stage's `Figure`, built from the entry as the build will build
it), and record what could not be placed with `unplaced`. The report's `so_lieu` is `so_lieu()`; slots
derived from a stated ratio carry a comment saying so (`comments()`), for the clerk to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from baocao.conventions.figure_words import COMPARED_TO, STOP_WORDS
from baocao.conventions.formatting import format_number, parse_vn_number
from baocao.figures.figure import Figure, FigureStyle
from baocao.input.figure_model import CachViet, SoLieu
from baocao.messages import readers as msg
from baocao.readers.docx.summary import Doubt, Summary
from baocao.readers.docx.text import slug

MAX_NAME = 30
MAX_NAME_WORDS = 5
#: Names a figure cannot take: `so_lieu` is a dict in the sentences, so `so_lieu.items` would be its method.
_RESERVED = frozenset(name for name in dir(dict) if not name.startswith("_"))
_SHOWN = re.compile(r"^\d{1,3}(?:\.\d{3})*(?:,(\d+))?$|^\d+(?:,(\d+))?$")


def read_shown(text: str) -> tuple[Decimal, int] | None:
    """A number as a report prints it ('1.539,72', '09', '612,40') → (value, decimals shown); None if not one.

    >>> read_shown("1.539,72"), read_shown("612,40"), read_shown("1539.72")
    ((Decimal('1539.72'), 2), (Decimal('612.40'), 2), None)
    """
    match = _SHOWN.match(text)
    if not match:
        return None
    fraction = match.group(1) or match.group(2) or ""
    return parse_vn_number(text), len(fraction)


def name_for(words: str) -> str:
    """A readable ASCII snake_case name from the words around a number (stop-words dropped, the last few kept).

    >>> name_for("Tổng diện tích gieo trồng vụ đông - xuân được"), name_for("đạt")
    ('dien_tich_gieo_trong_vu', 'so_lieu')
    """
    kept = [w for w in re.findall(r"\w+", words.lower()) if w not in STOP_WORDS and not w.isdigit()]
    name = ""
    for word in kept[:MAX_NAME_WORDS]:
        part = slug(word, "")
        if part and len(name) + len(part) + 1 > MAX_NAME:
            break
        name = f"{name}_{part}" if name and part else name or part
    return name if name and name[0].isalpha() else "so_lieu"


def yaml_number(value: Decimal) -> int | str:
    """A value as the YAML writes it: a whole number as an int, else the Vietnamese text ('612,4')."""
    return int(value) if value == value.to_integral_value() else format_number(value)


@dataclass
class FigureBook:
    """The figures of one import, in the order they were found; names unique."""

    wording: CachViet = field(default_factory=lambda: CachViet.model_validate({}))
    plan_names: dict[str, str] = field(default_factory=dict)  # named plans read (ten_ke_hoach)
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: dict[str, dict[str, str]] = field(default_factory=dict)  # name → slot → comment
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # (place, text, why)
    _counts: dict[str, int] = field(default_factory=dict)
    _taken: set[str] = field(default_factory=set)

    def add(
        self,
        words: str,
        *,
        gia_tri: Decimal,
        don_vi: str = "",
        so_le: int | None = None,
        ten: str = "",
        ke_hoach: Decimal | Mapping[str, Decimal] | None = None,
        cung_ky: Decimal | None = None,
        derived: Mapping[str, str] | Iterable[str] = (),
        place: str = "",
        cho_phep_am: bool = False,
        suffix: str = "",
    ) -> str:
        """A new figure named from `words` (and `suffix`: 'tong' for a total); its unique name. `derived`: slot →
        what it was derived from; `cho_phep_am`: a negative value, allowed."""
        base = name_for(words)
        name = self._unique(f"{base[: MAX_NAME - len(suffix) - 1].rstrip('_')}_{suffix}" if suffix else base)
        entry: dict[str, Any] = {}
        if ten:
            entry["ten"] = ten
        entry["gia_tri"] = yaml_number(gia_tri)
        if don_vi:
            entry["don_vi"] = don_vi
        if isinstance(ke_hoach, Mapping):  # named plans (a table's plan columns)
            entry["ke_hoach"] = {plan: yaml_number(value) for plan, value in ke_hoach.items()}
        elif ke_hoach is not None:
            entry["ke_hoach"] = yaml_number(ke_hoach)
        if cung_ky is not None:
            entry["cung_ky"] = yaml_number(cung_ky)
        if so_le is not None:
            entry["so_le"] = so_le
        if cho_phep_am:
            entry["cho_phep_am"] = True
        self.entries[name] = entry
        reasons = dict(derived) if isinstance(derived, Mapping) else dict.fromkeys(derived, "")
        for slot, source in reasons.items():
            self.derive(name, slot, entry[slot], source, place)
        return name

    def derive(self, name: str, slot: str, value: Decimal | int | str, source: str, place: str = "") -> None:
        """Set `slot` of figure `name` to a value derived from `source` (a stated ratio), commented as such."""
        self.entries[name][slot] = yaml_number(value) if isinstance(value, Decimal) else value
        self.notes.setdefault(name, {})[slot] = msg.derived(source, place)

    def derive_plan(self, name: str, plan: str, value: Decimal, source: str, place: str = "") -> None:
        """Add the named plan `plan` (see `plan_key`) to figure `name`, derived from `source`."""
        plans = self.entries[name].setdefault("ke_hoach", {})
        plans[plan] = yaml_number(value)
        self.notes.setdefault(name, {})[f"ke_hoach.{plan}"] = msg.derived(source, place)

    def plan_key(self, words: str) -> str:
        """The key of the named plan `words` ('so với dự toán tỉnh giao' → 'du_toan_tinh_giao'), kept in plan_names."""
        label = words.removeprefix(COMPARED_TO).strip()
        for key, known in self.plan_names.items():
            if known == words:
                return key
        base, n = slug(label, "ke_hoach"), 1
        key = base
        while key in self.plan_names:
            n += 1
            key = f"{base}_{n}"
        self.plan_names[key] = words
        return key

    def drop(self, name: str, slot: str) -> None:
        """Forget a slot (a derivation that did not print back the same); 'ke_hoach.x' a named plan."""
        entry = self.entries[name]
        if slot.startswith("ke_hoach."):
            plans = entry.get("ke_hoach", {})
            plans.pop(slot.split(".", 1)[1], None)
            if not plans:
                entry.pop("ke_hoach", None)
        else:
            entry.pop(slot, None)
        self.notes.get(name, {}).pop(slot, None)

    def forget(self, name: str) -> None:
        """Forget a figure the sentence did not use after all."""
        self.entries.pop(name, None)
        self.notes.pop(name, None)

    def figure(self, name: str) -> Figure:
        """Figure `name` as the compute stage makes it from the entry (same parsing, same wording)."""
        spec = SoLieu.model_validate(self.entries[name])
        style = FigureStyle(self.wording, self.plan_names)
        return Figure(
            name,
            spec.gia_tri,
            spec.don_vi,
            spec.plan,
            spec.cung_ky,
            spec.so_le,
            spec.ten,
            plans=spec.plans,
            style=style,
        )

    def unplaced(self, place: str, text: str, why: str) -> None:
        self.missed.append((place, text, why))

    def so_lieu(self) -> dict[str, dict[str, Any]]:
        return self.entries

    def comments(self) -> dict[str, dict[str, str]]:
        return {name: slots for name, slots in self.notes.items() if slots and name in self.entries}

    def report(self, summary: Summary, report: dict[str, Any], profile: dict[str, Any]) -> None:
        """What the import writes: the report's `so_lieu` (before its notes and outline), the profile's
        `cach_viet` (the keys that differ from the defaults), the counts and the unplaced list."""
        summary.figures = len(self.entries)
        summary.derived = sum(len(slots) for slots in self.comments().values())
        summary.unplaced += [Doubt(place, f"«{text}»: {why}") for place, text, why in self.missed]
        if self.entries:
            profile.pop("cach_viet", None)
            wording = self.wording_against(None)
            if wording:
                profile["cach_viet"] = wording
            used = {
                plan
                for entry in self.entries.values()
                if isinstance(entry.get("ke_hoach"), dict)
                for plan in entry["ke_hoach"]
            }
            if used:
                _put_before_outline(report, "ten_ke_hoach", {k: v for k, v in self.plan_names.items() if k in used})
            _put_before_outline(report, "so_lieu", self.entries)

    def wording_against(self, kept: CachViet | None) -> dict[str, str]:
        """The keys of the book's wording that differ from `kept` (a profile's; None: the defaults)."""
        base = (kept or CachViet.model_validate({})).model_dump()
        return {key: value for key, value in self.wording.model_dump().items() if value != base[key]}

    def keep_profile(self, kept: CachViet | None, report: dict[str, Any]) -> None:
        """A unit's profile is kept: the report states the wording its sentences need where the profile differs."""
        wording = self.wording_against(kept) if self.entries else {}
        if wording:
            _put_before_outline(report, "cach_viet", wording)

    def _unique(self, base: str) -> str:
        """`base`, or `base_2`, `base_3`… (a counter per base: thousands of one name stay linear)."""
        count = self._counts.get(base, 0)
        while True:
            count += 1
            name = base if count == 1 else f"{base}_{count}"
            if name not in self._taken and name not in _RESERVED:
                self._counts[base] = count
                self._taken.add(name)
                return name


def _put_before_outline(report: dict[str, Any], key: str, value: Any) -> None:
    """Set `key` in the report mapping before its figures, notes and outline (the order clerks read)."""
    after = [k for k in report if k in ("so_lieu", "chu_thich", "mo_dau", "noi_dung", "ket_luan", "phu_luc")]
    moved = {k: report.pop(k) for k in after if k != key}
    report[key] = value
    report.update(moved)
