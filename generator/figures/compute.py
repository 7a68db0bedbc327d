"""Stage 3, compute: what a report cites but never types, worked out before anything is composed.

Figures (totals, ratios, differences: figures.py), figures summed over lower-level reports
(rollup.py) and task counts by status (tasks.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from baocao.errors import Problem
from baocao.figures.totals import Figure, compute_figures, figure_style
from baocao.figures.rollup import Summary, roll_up
from baocao.figures.tasks import TaskSummary, summarize_tasks
from baocao.input.validate import Sources


@dataclass(frozen=True)
class Computed:
    """Figures by name, task counts, the roll-up's summary (None without tong_hop) and its warnings."""

    figures: dict[str, Figure]
    tasks: TaskSummary
    rollup: Summary | None
    warnings: list[Problem]


def compute(sources: Sources) -> Computed:
    """Roll up lower-level reports, then resolve every figure and count the tasks."""
    report, places = sources.report, sources.report_map
    rollup = roll_up(report, places)
    warnings = list(rollup.warnings)
    figures = compute_figures(report.so_lieu, places, rollup.figures, figure_style(sources.unit, report), warnings)
    return Computed(figures, summarize_tasks(report, places), rollup.summary, warnings)
