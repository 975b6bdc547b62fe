"""Start-up of ``sodertorn fees`` in several environments, and its floor, interleaved in one run.

    python benchmarks/compare_startup.py [RUNS] NAME=PATH/TO/sodertorn [NAME=...]

Runs the Swedish table, the English table and ``--format json`` of ``fees 2024`` with each
given ``sodertorn`` executable, and the floor (``benchmarks/floor_fees.py 2024``, run by the
``python`` beside that executable), one after the other, *RUNS* times (default 40), from a
scratch directory. Checks that the outputs of the environments are byte-identical and that
the floor prints the JSON output's bytes; prints the median and fastest wall time of each
command and its median CPU time (user and system, of the process and its children); and,
for each environment, each table's ratio to the JSON output and the JSON output's ratio to
the floor (medians).
"""

from __future__ import annotations

import os
import resource
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
FLOOR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "floor_fees.py")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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
    for name, exe in executables.items():
        python = os.path.join(os.path.dirname(exe), "python")
        commands[(name, "floor")] = [python, FLOOR, "2024"]
    scratch = tempfile.mkdtemp()
    outputs = {
        key: subprocess.run(command, capture_output=True, check=True, cwd=scratch).stdout
        for key, command in commands.items()
    }
    for what in [*COMMANDS, "floor"]:
        same = len({outputs[(name, what)] for name in executables}) == 1
        print(f"{what}: the same output in every environment: {same}")
    for name in executables:
        same = outputs[(name, "floor")] == outputs[(name, "json")]
        print(f"{name}: the floor prints the JSON output's bytes: {same}")
    wall: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    cpu: dict[tuple[str, str], list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            used, start = _cpu(), time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, cwd=scratch)
            wall[key].append(time.perf_counter() - start)
            cpu[key].append(_cpu() - used)
    median = {key: statistics.median(values) * 1000 for key, values in wall.items()}
    median_cpu = {key: statistics.median(values) * 1000 for key, values in cpu.items()}
    for key, values in wall.items():
        print(
            f"{key[0]:>10} {key[1]:<9} median {median[key]:6.1f} ms  "
            f"fastest {min(values) * 1000:6.1f} ms  CPU median {median_cpu[key]:6.1f} ms"
        )
    for name in executables:
        json = median[(name, "json")]
        json_cpu = median_cpu[(name, "json")]
        print(
            f"{name}: Swedish table / JSON {median[(name, 'table sv')] / json:.2f} "
            f"(CPU {median_cpu[(name, 'table sv')] / json_cpu:.2f}), "
            f"English table / JSON {median[(name, 'table en')] / json:.2f} "
            f"(CPU {median_cpu[(name, 'table en')] / json_cpu:.2f}), "
            f"JSON / floor {json / median[(name, 'floor')]:.2f} "
            f"(CPU {json_cpu / median_cpu[(name, 'floor')]:.2f})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
