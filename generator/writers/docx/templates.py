"""Where a report's Word template comes from: the unit's folder, a shared folder, or the built-in ones.

A template is found by name, NAME.docx: the report's `mau`, else its kind's name (thi-dua,
kt-xh…). It is looked for in the folder of the unit profile, then in the shared folder (the
command line's `--thu-muc-mau`, else the profile's `thu_muc_mau`, e.g. a province's), then among
the built-in templates, where every kind's name stands for bao-cao.docx (the kinds differ only in
wording). So a unit overrides one kind with thi-dua.docx beside don-vi.yaml, and a province gives
its communes a template without copying it into each folder.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from baocao.errors import BaocaoError, Location, Problem, os_reason
from baocao.input.kinds import KINDS
from baocao.input.validate import Sources, Unvalidated
from baocao.messages import common
from baocao.messages import writers as msg
from baocao.writers.docx.template_check import check_template, template_problems

DEFAULT_TEMPLATE = "bao-cao"
SUFFIX = ".docx"
BUILTIN_FILES = dict.fromkeys((DEFAULT_TEMPLATE, *KINDS), "bao-cao.docx")
UNIT_ORIGIN, SHARED_ORIGIN, BUILTIN_ORIGIN = msg.UNIT_ORIGIN, msg.SHARED_ORIGIN, msg.BUILTIN_ORIGIN


def builtin_template(name: str = DEFAULT_TEMPLATE) -> Path:
    """Path of a built-in template (works after a non-editable install, from any directory)."""
    return Path(str(files("baocao.templates") / BUILTIN_FILES[name]))


@dataclass(frozen=True)
class Candidate:
    """A place a template may be: the file, and which link of the chain it is."""

    path: Path
    origin: str


@dataclass(frozen=True)
class Resolution:
    """How a report's template is found: its name, why that name, the places in order."""

    name: str
    reason: str
    candidates: tuple[Candidate, ...]

    @property
    def chosen(self) -> Candidate | None:
        """The first place that has the file."""
        return next((c for c in self.candidates if c.path.is_file()), None)


def resolve(sources: Sources, shared: Path | None = None) -> Resolution:
    """The chain of places for the report's template (`shared`: the command line's folder)."""
    report = sources.report
    name = _template_name(report.mau, report.loai)
    if report.mau and Path(name).name != name:
        raise BaocaoError(
            Problem(
                sources.report_map.where(("mau",)),
                msg.mau_with_folder(report.mau),
                msg.MAU_WITH_FOLDER_HINT,
            )
        )
    reason = msg.BY_MAU if report.mau else msg.by_kind(report.loai)
    assert sources.unit_map.file is not None  # the profile was loaded from a file
    return _chain(name, reason, sources.unit_map.file.parent, _shared_folder(sources, shared))


def _chain(name: str, reason: str, unit_folder: Path, shared: tuple[Path, str] | None) -> Resolution:
    """The places for template `name`: the unit's folder, the shared folder (with how it was given), built-in."""
    candidates = [Candidate(unit_folder / f"{name}{SUFFIX}", UNIT_ORIGIN)]
    if shared:
        candidates.append(Candidate(shared[0] / f"{name}{SUFFIX}", shared[1]))
    if name in BUILTIN_FILES:
        candidates.append(Candidate(builtin_template(name), BUILTIN_ORIGIN))
    return Resolution(name, reason, tuple(candidates))


def _template_name(mau: object, loai: object) -> str:
    """The template's name: the report's `mau` (without .docx), else its kind's ('' when neither is text)."""
    name = mau.removesuffix(SUFFIX) if isinstance(mau, str) and mau else loai
    return name if isinstance(name, str) else ""


def early_template_problems(inputs: Sources | Unvalidated, shared: Path | None = None) -> list[Problem]:
    """The problems of the template a report that failed would use (validated, or only loaded), so a broken
    template tag is told with the YAML's problems in one run. Nothing when the template cannot be told yet."""
    try:
        resolution = resolve(inputs, shared) if isinstance(inputs, Sources) else _loaded_resolution(inputs, shared)
    except BaocaoError:  # a bad mau or thu_muc_mau: told by validation or by the build once the report is valid
        return []
    chosen = resolution.chosen if resolution else None
    return template_problems(chosen.path) if chosen else []


def _loaded_resolution(loaded: Unvalidated, shared: Path | None) -> Resolution | None:
    """The chain of places resolve() makes, from YAML that failed validation (None when it names no template)."""
    report = loaded.report if isinstance(loaded.report, dict) else {}
    name = _template_name(report.get("mau"), report.get("loai"))
    if not name or Path(name).name != name:
        return None
    folder = loaded.unit.get("thu_muc_mau") if isinstance(loaded.unit, dict) else None
    if shared is None and isinstance(folder, str) and folder:
        shared = loaded.unit_file.parent / folder
    place = (shared, SHARED_ORIGIN) if shared is not None and shared.is_dir() else None
    return _chain(name, "", loaded.unit_file.parent, place)


def describe(resolution: Resolution) -> list[str]:
    """`templates list`: the name, why, and each place in order with what was found there."""
    chosen = resolution.chosen
    lines = [msg.template_and_reason(resolution.name, resolution.reason)]
    for number, candidate in enumerate(resolution.candidates, 1):
        found = msg.USED_HERE if candidate == chosen else msg.SHADOWED if candidate.path.is_file() else common.NONE
        lines.append(f"  {number}. {candidate.path} ({candidate.origin}): {found}")
    if not any(c.origin.startswith(SHARED_ORIGIN) for c in resolution.candidates):
        lines.append(msg.NO_SHARED_FOLDER)
    return lines


def _shared_folder(sources: Sources, shared: Path | None) -> tuple[Path, str] | None:
    if shared is not None:
        return shared, SHARED_ORIGIN + msg.BY_COMMAND_LINE
    if not sources.unit.thu_muc_mau:
        return None
    assert sources.unit_map.file is not None  # the profile was loaded from a file
    folder = sources.unit_map.file.parent / sources.unit.thu_muc_mau
    if not folder.is_dir():
        raise BaocaoError(
            Problem(
                sources.unit_map.where(("thu_muc_mau",)),
                msg.no_shared_folder(SHARED_ORIGIN, str(folder)),
                msg.SHARED_FOLDER_HINT,
            )
        )
    return folder, SHARED_ORIGIN + msg.BY_PROFILE


def template_for(sources: Sources, shared: Path | None = None) -> Path:
    """The report's template, checked: a located error if it is missing or cannot render."""
    resolution = resolve(sources, shared)
    chosen = resolution.chosen
    if chosen is None:
        where = sources.report_map.where(("mau",)) if sources.report.mau else Location(sources.report_map.file)
        raise BaocaoError(
            Problem(
                where,
                msg.no_template(f"{resolution.name}{SUFFIX}"),
                msg.looked_in("; ".join(str(c.path) for c in resolution.candidates), ", ".join(sorted(BUILTIN_FILES))),
            )
        )
    check_template(chosen.path)
    return chosen.path


def copy_builtin(name: str, folder: Path) -> Path:
    """Copy built-in template `name` to folder/NAME.docx for editing in Word; never overwrite."""
    target = folder / f"{name}{SUFFIX}"
    try:
        if target.exists():
            raise BaocaoError(Problem(Location(target), common.FILE_EXISTS, msg.COPY_EXISTS_HINT))
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(builtin_template(name), target)
    except OSError as exc:
        raise BaocaoError(
            Problem(
                Location(folder),
                msg.cannot_copy(os_reason(exc)),
                msg.copy_elsewhere(name),
            )
        ) from None
    return target
