"""Stage 3, compute: figures, totals, ratios, roll-ups and task counts that are never typed by hand."""
