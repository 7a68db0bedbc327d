"""The hostile inputs of issue 13, timed, run by hand: `python bench/attacks.py [-k WORD]`. Not a test.

Runs each case of tests/hostile.py (the cases tests/test_hostile_cli.py checks) in a process of its own and prints
a Markdown table: exit code, wall time and peak memory (the process's largest resident set), with the load
average before and after (the figures in the README's maintainer part come from this).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from hostile import CASES, run  # noqa: E402  (tests/hostile.py: the cases and how they are run)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-k", default="", help="only the cases whose name holds this")
    chosen = [name for name in CASES if parser.parse_args().k in name]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print("| case | exit | wall | peak memory |\n|---|---|---|---|")
    for name in chosen:
        with tempfile.TemporaryDirectory() as folder:
            ran = run(CASES[name], Path(folder))
        peak = f"{ran.peak_mb:.0f} MB" if ran.peak_mb is not None else "—"
        print(f"| {name} | {ran.code} | {ran.seconds:.1f} s | {peak} |", flush=True)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
