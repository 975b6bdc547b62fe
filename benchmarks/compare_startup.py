"""Start-up of ``sodertorn fees`` in several environments, interleaved in one run.

    python benchmarks/compare_startup.py [RUNS] NAME=PATH/TO/sodertorn [NAME=...]

Runs the Swedish table, the English table and ``--format json`` of ``fees 2024`` with each
given ``sodertorn`` executable, one after the other, *RUNS* times (default 40), from a
scratch directory; checks that the outputs of the environments are byte-identical; and
prints the median and fastest time of each, and each table's ratio to the JSON output.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

COMMANDS = {
    "table sv": ["fees", "2024"],
    "table en": ["fees", "2024", "--lang", "en"],
    "json": ["fees", "2024", "--format", "json"],
}


def main(argv: list[str]) -> None:
    runs = int(argv.pop(0)) if argv and argv[0].isdigit() else 40
    executables = dict(arg.split("=", 1) for arg in argv)
    if not executables:
        raise SystemExit(__doc__)
    commands = {
        (name, what): [exe, *args]
        for name, exe in executables.items()
        for what, args in COMMANDS.items()
    }
    scratch = tempfile.mkdtemp()
    outputs = {
        key: subprocess.run(command, capture_output=True, check=True, cwd=scratch).stdout
        for key, command in commands.items()
    }
    for what in COMMANDS:
        same = len({outputs[(name, what)] for name in executables}) == 1
        print(f"{what}: the same output in every environment: {same}")
    times: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=scratch)
            times[key].append(time.perf_counter() - start)
    median = {key: statistics.median(values) * 1000 for key, values in times.items()}
    for key, values in times.items():
        print(
            f"{key[0]:>10} {key[1]:<9} median {median[key]:6.1f} ms  fastest {min(values) * 1000:6.1f} ms"
        )
    for name in executables:
        json = median[(name, "json")]
        print(
            f"{name}: Swedish table / JSON {median[(name, 'table sv')] / json:.2f}, "
            f"English table / JSON {median[(name, 'table en')] / json:.2f}"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
