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
    python3 Benchmarks/linear.py --skip-build --no-lua        # plan alone

Each plan is checked `--runs` times, through GNU time (counters.py: user
+ system CPU time and peak memory); the least time counts, and the ratio
is printed beside the asked bound of 11x for 10x the goals, with the peak
resident memory. Beside it, Lua 5.4 reading the same goals as one table
(the generator's Lua twin, `dofile`), timed the same way: a loader that
does nothing but parse and build tables, so its ratio is what the
machine's caches and page faults alone make of 10x the data (`--no-lua`
leaves it out).
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
    parser.add_argument("--no-lua", action="store_true", help="do not time lua5.4 on the same goals")
    args = parser.parse_args()
    if not args.skip_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "plan"], cwd=ROOT, check=True)
    plan = os.path.join(ROOT, ".build", "release", "plan")
    print("plan check --today 2026-11-25 and lua5.4 dofile of the same goals: least CPU time of %d runs;"
          " peak resident memory of plan check at 1,000,000 goals" % args.runs)
    print("%-8s %10s %10s %7s %10s %10s %7s %9s" % (
        "shape", "100,000", "1,000,000", "ratio", "lua 100k", "lua 1M", "lua", "peak"))
    for shape in args.shapes:
        times, lua_times, peak = [], [], 0
        for goals in (100000, 1000000):
            folder = os.path.join(args.out, "%s-%d" % (shape, goals))
            generated = os.path.join(folder, "generated")
            stem = "plan-%d" % goals if shape == "rich" else "plan-%s-%d" % (shape, goals)
            main_file = os.path.join(folder, "split", "main.plan")
            # The same arguments give the same bytes: a plan split before is used again.
            if not os.path.exists(main_file) or not os.path.exists(os.path.join(generated, stem + ".lua")):
                os.makedirs(generated, exist_ok=True)
                subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--goals", str(goals), "--seed", "1",
                                "--shape", shape, "--out", generated], check=True, stdout=subprocess.DEVNULL)
                main_file = split(os.path.join(generated, stem + ".plan"), os.path.join(folder, "split"))
            # Through GNU time: a child of this process, which held a part
            # of the plan while splitting it, would count that memory in its
            # peak. Time's own start is a millisecond of seconds here.
            best, peak = least_cpu([plan, "check", "--today", "2026-11-25", main_file], args.runs)
            times.append(best)
            if not args.no_lua:
                lua_file = os.path.join(generated, stem + ".lua")
                lua_times.append(least_cpu(["lua5.4", "-e", "dofile(%r)" % lua_file], args.runs)[0])
        ratio = times[1] / times[0]
        verdict = "within 11x" if ratio <= 11 else "OVER 11x"
        lua = ("%8.2f s %8.2f s %6.2fx" % (lua_times[0], lua_times[1], lua_times[1] / lua_times[0])
               if lua_times else "%10s %10s %7s" % ("-", "-", "-"))
        print("%-8s %8.2f s %8.2f s %6.2fx %s %5d MiB  %s" % (shape, times[0], times[1], ratio, lua, peak, verdict))


def least_cpu(argv, runs):
    """(least CPU seconds of `runs` runs of argv, peak MiB of the last)."""
    best, peak = None, 0
    for _ in range(runs):
        cpu, peak, status = counters.cpu_and_peak(argv)
        if status != 0:
            sys.exit("linear.py: %s exited %d" % (" ".join(argv), status))
        best = cpu if best is None else min(best, cpu)
    return best, peak


if __name__ == "__main__":
    main()
