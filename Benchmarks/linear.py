#!/usr/bin/env python3
"""Whether `plan check` stays linear in the input: the CPU time of 1,000,000
goals against 100,000, for each benchmark shape.

A file may hold at most 64 MiB (docs/performance.md), and 1,000,000 goals
are 94 to 202 MB, so each plan is written as a main file that includes
parts of about 16 MB each, split between top-level statements, as a
person would keep a plan that large. Both sizes are split the same way,
so that the include statements cost alike on both sides.

    python3 Benchmarks/linear.py                      # builds release, all shapes
    python3 Benchmarks/linear.py --skip-build --shapes oneline --runs 3

Each plan is checked `--runs` times, through GNU time (counters.py: user
+ system CPU time and peak memory); the least time counts, and the ratio
is printed beside the asked bound of 11x for 10x the goals, with the peak
resident memory.
"""

import argparse
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import counters  # noqa: E402
import generate  # noqa: E402

PART_BYTES = 16 * 1024 * 1024


def split(path, folder):
    """`path` rewritten as `folder/main.plan`, which keeps the lines before the
    first goal and includes the rest in parts of about PART_BYTES each."""
    os.makedirs(folder, exist_ok=True)
    with open(path, encoding="utf-8") as source:
        lines = source.readlines()
    head, parts, current, size = [], [], [], 0
    for line in lines:
        if not parts and not current and not line.startswith("goal "):
            head.append(line)
            continue
        # A part ends only where a statement starts a line, so that a
        # goal's indented clauses stay with it.
        if size >= PART_BYTES and line[:1] not in ("", " ", "\t", "\n", "#"):
            parts.append(current)
            current, size = [], 0
        current.append(line)
        size += len(line)
    if current:
        parts.append(current)
    names = []
    for number, part in enumerate(parts):
        name = "part-%03d.plan" % number
        with open(os.path.join(folder, name), "w", encoding="utf-8") as out:
            out.writelines(part)
        names.append(name)
    main = os.path.join(folder, "main.plan")
    with open(main, "w", encoding="utf-8") as out:
        out.writelines(head)
        out.write("\n")
        for name in names:
            out.write('include "%s"\n' % name)
    return main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", nargs="+", choices=generate.SHAPES, default=list(generate.SHAPES))
    parser.add_argument("--runs", type=int, default=3, help="runs per plan; the least CPU time counts")
    parser.add_argument("--out", default=os.path.join(HERE, "data", "linear"), help="folder for the generated files")
    parser.add_argument("--skip-build", action="store_true", help="use the existing .build/release/plan")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "plan"], cwd=ROOT, check=True)
    plan = os.path.join(ROOT, ".build", "release", "plan")
    print("plan check --today 2026-11-25, least CPU time of %d runs, and the peak resident memory of 1,000,000 goals" % args.runs)
    print("%-8s %12s %12s %7s %s" % ("shape", "100,000", "1,000,000", "ratio", "peak at 1,000,000"))
    for shape in args.shapes:
        times = []
        for goals in (100000, 1000000):
            folder = os.path.join(args.out, "%s-%d" % (shape, goals))
            main_file = os.path.join(folder, "split", "main.plan")
            # The same arguments give the same bytes: a plan split before is used again.
            if not os.path.exists(main_file):
                generated = os.path.join(folder, "generated")
                os.makedirs(generated, exist_ok=True)
                subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--goals", str(goals), "--seed", "1",
                                "--shape", shape, "--out", generated], check=True, stdout=subprocess.DEVNULL)
                name = "plan-%d.plan" % goals if shape == "rich" else "plan-%s-%d.plan" % (shape, goals)
                main_file = split(os.path.join(generated, name), os.path.join(folder, "split"))
            best, peak = None, 0
            check = [plan, "check", "--today", "2026-11-25", main_file]
            for _ in range(args.runs):
                # Through GNU time: a child of this process, which held a
                # part of the plan while splitting it, would count that
                # memory in its peak. Time's own start is a millisecond of
                # seconds here.
                cpu, peak, status = counters.cpu_and_peak(check)
                if status != 0:
                    sys.exit("linear.py: %s exited %d" % (" ".join(check), status))
                best = cpu if best is None else min(best, cpu)
            times.append(best)
        ratio = times[1] / times[0]
        verdict = "within 11x" if ratio <= 11 else "OVER 11x"
        print("%-8s %10.2f s %10.2f s %6.2fx %6d MiB  %s" % (shape, times[0], times[1], ratio, peak, verdict))


if __name__ == "__main__":
    main()
