#!/usr/bin/env python3
"""Fails when `plan check` of a 10,000-goal benchmark plan, or of an empty
plan (what starting `plan` costs), executes more than 5% more instructions
than Benchmarks/instructions.json records, or when starting runs code from
a fifth more 64 KiB blocks of the binary than recorded.

Instructions under callgrind are the same from run to run on one build,
where times move with the machine's load, so a slowdown shows here however
busy the machine is. Each shape of generate.py is generated, checked with
the release build under callgrind, and compared with its recorded count.
A count more than 5% below the record passes and says so: record it with
--record, so the next slowdown is measured from there.

The kernel maps a program's code a 64 KiB block at a time, around the page
a fault is on: the blocks an empty check runs code from are the page faults
and the resident memory of the code at start. The release build places the
functions that run side by side (Sources/plan/link/text-order.txt), and
this count grows when that order is stale: run scripts/text-order.

    python3 Benchmarks/instructions.py [--skip-build | --plan PATH] [--record]

Python 3 standard library only; valgrind must be installed
(`make check-instructions` installs it).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import counters  # noqa: E402
import generate  # noqa: E402

RECORD = os.path.join(HERE, "instructions.json")
GOALS = 10000
SEED = 1
TODAY = "2026-11-25"
ALLOWED_GROWTH = 0.05
CODE_BLOCK = 64 * 1024
ALLOWED_BLOCK_GROWTH = 0.2
BLOCKS_KEY = "plan check empty: 64 KiB blocks of code run"


def write_record(counts):
    # Written beside the record and renamed, so a failed write leaves the old one whole.
    temporary = RECORD + ".tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        json.dump(counts, f, indent=2, sort_keys=True)
        f.write("\n")
    os.replace(temporary, RECORD)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-build", action="store_true", help="use the existing .build/release/plan")
    parser.add_argument("--plan", help="a release build of plan elsewhere (a --scratch-path build); no build")
    parser.add_argument("--record", action="store_true", help="write today's counts to instructions.json")
    args = parser.parse_args()

    if not args.skip_build and not args.plan:
        subprocess.run(["swift", "build", "-c", "release", "--product", "plan"], cwd=ROOT, check=True)
    plan = os.path.abspath(args.plan) if args.plan else os.path.join(ROOT, ".build", "release", "plan")
    if not os.access(plan, os.X_OK):
        sys.exit("instructions.py: %s is missing; run without --skip-build" % plan)
    recorded = {}
    if os.path.exists(RECORD) or not args.record:
        with open(RECORD, encoding="utf-8") as f:
            recorded = json.load(f)

    counts, failures = {}, []
    with tempfile.TemporaryDirectory() as folder:
        empty = os.path.join(folder, "empty.plan")
        open(empty, "w").close()
        plans = [("plan check empty", empty)]
        for shape in generate.SHAPES:
            plans.append(("plan check %s %d" % (shape, GOALS), generate.generate(GOALS, SEED, folder, shape)[0]))
        # `plan` reads each environment variable as it starts, a few
        # thousand instructions each: a fixed environment keeps the count
        # of the empty plan, most of all, the same on every machine.
        environment = {name: os.environ[name] for name in ("PATH", "HOME", "LANG") if name in os.environ}
        for key, plan_file in plans:
            counts[key] = counters.instructions([plan, "check", "--today", TODAY, plan_file], env=environment)
            before = recorded.get(key)
            if before is None:
                failures.append("%s: %d instructions, and no count recorded" % (key, counts[key]))
                continue
            change = counts[key] / before - 1
            print("%-28s %12d  recorded %12d  %+6.1f%%" % (key, counts[key], before, change * 100))
            if change > ALLOWED_GROWTH:
                failures.append("%s: %d instructions, %.1f%% more than the %d recorded (at most %d%% allowed)"
                                % (key, counts[key], change * 100, before, ALLOWED_GROWTH * 100))
            elif change < -ALLOWED_GROWTH and not args.record:
                print("    %.1f%% fewer: record it with `python3 Benchmarks/instructions.py --record`" % (-change * 100))
        blocks = len({address // CODE_BLOCK for address in counters.instructions_by_address(
            [plan, "check", "--today", TODAY, empty], plan, env=environment)})
        counts[BLOCKS_KEY] = blocks
        before = recorded.get(BLOCKS_KEY)
        if before is None:
            failures.append("%s: %d, and no count recorded" % (BLOCKS_KEY, blocks))
        else:
            print("%-44s %4d  recorded %4d" % (BLOCKS_KEY, blocks, before))
            if blocks > before * (1 + ALLOWED_BLOCK_GROWTH):
                failures.append("%s: %d, more than a fifth over the %d recorded: the order of the code is stale "
                                "(run scripts/text-order), or the release build's objects were compiled without a "
                                "section per function (remove .build/x86_64-unknown-linux-gnu/release once)"
                                % (BLOCKS_KEY, blocks, before))
    if args.record:
        write_record(counts)
        print("recorded in %s" % os.path.relpath(RECORD, ROOT))
        return
    if failures:
        sys.exit("instructions.py: " + "\n".join(failures))


if __name__ == "__main__":
    main()
