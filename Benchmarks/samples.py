#!/usr/bin/env python3
"""`plan run` of each sample, start-up included: the wall time a person
waits, against the asked 5 ms.

    python3 Benchmarks/samples.py                   # builds release, 21 runs each
    python3 Benchmarks/samples.py --skip-build --runs 51

Each sample runs `--runs` times in turn with the others, so that a burst
of load on the machine falls on all of them alike; the table gives the
median and the fastest wall time of each, the instructions it executes
under callgrind (one run: the count does not move; skipped with
--no-callgrind), and the same for `/bin/true` and for a plan with nothing
in it, what starting any process and starting `plan` cost on this machine.
"""

import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def wall(command):
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit("samples.py: %s ended with %d" % (" ".join(command), result.returncode))
    return elapsed * 1000


def instructions(command):
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + command,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    for line in out.splitlines():
        if "refs:" in line:
            return int(line.split()[-1].replace(",", ""))
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--skip-build", action="store_true", help="use the existing .build/release/plan")
    parser.add_argument("--no-callgrind", action="store_true", help="leave out the instruction counts")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "plan"], cwd=ROOT, check=True)
    plan = os.path.join(ROOT, ".build", "release", "plan")
    folder = tempfile.mkdtemp(prefix="plan-samples-")
    empty = os.path.join(folder, "empty.plan")
    open(empty, "w").close()
    commands = [("/bin/true", ["/bin/true"]), ("empty plan", [plan, "run", empty])]
    for sample in sorted(glob.glob(os.path.join(ROOT, "Samples", "*.plan"))):
        commands.append((os.path.relpath(sample, ROOT), [plan, "run", "--today", "2026-11-25", sample]))
    times = {name: [] for name, _ in commands}
    for _ in range(args.runs):
        for name, command in commands:
            times[name].append(wall(command))
    counting = not args.no_callgrind and shutil.which("valgrind") is not None
    print("wall time of %d runs each, in turn; instructions under callgrind" % args.runs)
    print("%-28s %10s %10s %14s" % ("", "median ms", "best ms", "instructions"))
    for name, command in commands:
        count = instructions(command) if counting and name != "/bin/true" else None
        print("%-28s %10.2f %10.2f %14s" % (name, statistics.median(times[name]), min(times[name]),
                                           "{:,}".format(count) if count else "-"))
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
