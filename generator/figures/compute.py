"""Stage 3, compute: what a report cites but never types, worked out before anything is composed.

Figures (totals, ratios, differences: figures.py), figures summed over lower-level reports
(rollup.py) and task counts by status (tasks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from baocao.errors import Collector, Problem
from baocao.figures.figure import Figure, figure_style
from baocao.figures.rollup import Summary, roll_up
from baocao.figures.tasks import TaskCount, TaskSummary, summarize_tasks
from baocao.figures.totals import resolve_figures
from baocao.input.validate import Sources


@dataclass(frozen=True)
class Computed:
    """Figures by name, task counts, the roll-up's summary (None without tong_hop) and its warnings;
    the problems met (`errors`) and the figures they left out (`failed`), so that composing can
    still find the problems of the sentences without telling those of the figures again."""

    figures: dict[str, Figure]
    tasks: TaskSummary
    rollup: Summary | None
    warnings: list[Problem]
    errors: list[Problem] = field(default_factory=list)
    failed: frozenset[str] = frozenset()


def compute(sources: Sources) -> Computed:
    """Roll up lower-level reports, then resolve every figure and count the tasks (all that can be)."""
    report, places = sources.report, sources.report_map
    found = Collector()
    rollup = found.attempt(lambda: roll_up(report, places), None)
    warnings = list(rollup.warnings) if rollup else []
    figures: dict[str, Figure] = {}
    if rollup:
        figures, problems = resolve_figures(
            report.so_lieu, places, rollup.figures, figure_style(sources.unit, report), warnings
        )
        found.add(problems)
    tasks = found.attempt(lambda: summarize_tasks(report, places), TaskSummary(TaskCount(""), ()))
    return Computed(
        figures,
        tasks,
        rollup.summary if rollup else None,
        warnings,
        found.problems,
        frozenset(report.so_lieu) - frozenset(figures),
    )
