#!/usr/bin/env python3
"""The workloads (docs/performance.md) that once grew faster than their input, timed
with `plan run` (release build) as processes, best wall time of N runs and
that run's peak resident memory (GNU time):

  ones          a file of N lines `1`: N answers, printed as they are made
  list items    one goal with N `serves` clause lines, N values declared
  updates       N values, then N lines `update goal g serves vN`
  in turn       N values, 8 goals, then N lines `update goal gK serves vN`,
                the goals taken in turn (K = N mod 8)
  ones, piped   the N lines of `1` piped into `plan repl`, beside `plan run`
  bracket       one statement `count([...])` over N lines, piped into
                `plan repl`, beside `plan run` of the same text
  edits         a plan of N goals, then 200 `update goal` lines piped into
                `plan repl PLAN` (each kept for :undo), beside `plan run` of
                the plan and the same lines (nothing kept)
  include bomb  D files, each declaring a goal and including the next file
                twice: 2^D runs of the last file if every include ran

and, at each size N of --scale (10 000 and 100 000), with the ratio of the
two times (10 means linear):

  diff          `plan repl` of N goals, then `:try`, `value zz`, `:diff`
  update log    N entries a day apart, then `update log DATE hours 2` each
  by text       N entries, 10 a day, then `update log DATE "TEXT" hours 2` each
  capacity      N capacities, each `from` its own day, then `update capacity` each
  remove        N values, then `remove value` each
  rename        N goals, then `rename goal` each
  duplicates    `value a` N + 1 times, `plan check`: N errors E020
  export json   generate.py's rich plan of N goals, `plan export --format json`
                to stdout, beside `plan check` of the same plan (the plan's
                own memory) and the file's size
  export -o     the same export with `-o FILE`: to a new file, over that
                file (a rename), and over it with a second name (a hard
                link: rewritten in place)

    python3 Benchmarks/workloads.py [--plan .build/release/plan] [--runs 3]
                                    [--ones 100000] [--items 20000]
                                    [--bomb-depths 20,40] [--scale 10000,100000]

run.py calls it after its own tables; Python 3 standard library only.
"""

import argparse
import datetime
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
from run import TODAY, measure  # noqa: E402


def ones(count):
    return "1\n" * count


def list_items(count):
    values = "".join("value v%d\n" % n for n in range(count))
    return values + "goal g by 2027-06\n" + "".join("    serves v%d\n" % n for n in range(count))


def updates(count):
    values = "".join("value v%d\n" % n for n in range(count))
    return values + "goal g by 2027-06\n" + "".join("update goal g serves v%d\n" % n for n in range(count))


def in_turn(count, goals=8):
    values = "".join("value v%d\n" % n for n in range(count))
    return (values + "".join("goal g%d by 2027-06\n" % k for k in range(goals))
            + "".join("update goal g%d serves v%d\n" % (n % goals, n) for n in range(count)))


def bracketed(count):
    return "count([\n" + "".join("%d,\n" % n for n in range(count)) + "0])\n"


def goals(count):
    return "value v\n" + "".join("goal g%d serves v by 2028-01\n" % n for n in range(count))


def edits(count=200):
    return "".join("update goal g%d by 2029-Q1\n" % n for n in range(count))


def include_bomb(folder, depth):
    """Writes the bomb's files into `folder`; returns the first one's path."""
    for level in range(depth):
        with open(os.path.join(folder, "bomb%d.plan" % level), "w") as out:
            out.write('goal "G%d"\ninclude "bomb%d.plan"\ninclude "bomb%d.plan"\n' % (level, level + 1, level + 1))
    with open(os.path.join(folder, "bomb%d.plan" % depth), "w") as out:
        out.write('goal "Last"\n')
    return os.path.join(folder, "bomb0.plan")


def day(offset):
    """Days after 1700-01-01: 100 000 of them end in 1973, before TODAY,
    so that no entry waits for its day."""
    return (datetime.date(1700, 1, 1) + datetime.timedelta(days=offset)).isoformat()


def update_logs(count):
    entries = "".join('log %s "e%d" for g hours 1\n' % (day(n), n) for n in range(count))
    return "goal g by 2027-06\n" + entries + "".join("update log %s hours 2\n" % day(n) for n in range(count))


def update_logs_by_text(count, per_day=10):
    entries = "".join('log %s "e%d" for g hours 1\n' % (day(n // per_day), n) for n in range(count))
    return ("goal g by 2027-06\n" + entries
            + "".join('update log %s "e%d" hours 2\n' % (day(n // per_day), n) for n in range(count)))


def update_capacities(count):
    return ("".join("capacity 10 hours per week from %s\n" % day(n) for n in range(count))
            + "".join("update capacity %d hours per week from %s\n" % (12 + n % 7, day(n)) for n in range(count)))


def remove_values(count):
    return "".join("value v%d\n" % n for n in range(count)) + "".join("remove value v%d\n" % n for n in range(count))


def rename_goals(count):
    return ("".join("goal g%d by 2028-01\n" % n for n in range(count))
            + "".join("rename goal g%d to h%d\n" % (n, n) for n in range(count)))


def duplicates(count):
    return "value a\n" * (count + 1)


def at_scale(args, folder):
    """The workloads of issue 23 items 6 to 8 at each size, and 100k over 10k."""
    sizes = [int(part) for part in args.scale.split(",") if part]
    if not sizes:
        return
    import generate  # noqa: E402  (only these workloads need it)
    files = [("update log", "run", update_logs), ("by text", "run", update_logs_by_text),
             ("capacity", "run", update_capacities), ("remove", "run", remove_values),
             ("rename", "run", rename_goals), ("duplicates", "check", duplicates)]
    times = {}
    print()
    print("%-32s %10s %10s %8s" % ("workload at scale", "seconds", "peak MB", "status"))
    for size in sizes:
        for name, command, make in files:
            path = os.path.join(folder, "scale.plan")
            with open(path, "w") as out:
                out.write(make(size))
            seconds, peak, status, _ = measure([args.plan, command, "--today", TODAY, path], args.runs)
            times[(name, size)] = seconds
            print("%-32s %10.3f %10.1f %8d" % ("%s, %d" % (name, size), seconds, peak, status))
        plan_file = os.path.join(folder, "scale-goals.plan")
        with open(plan_file, "w") as out:
            out.write(goals(size))
        script_file = os.path.join(folder, "diff.txt")
        with open(script_file, "w") as out:
            out.write(":try\nvalue zz\n:diff\n")
        seconds, peak, status, _ = measure([args.plan, "repl", "--today", TODAY, plan_file], args.runs, script_file)
        times[("diff", size)] = seconds
        print("%-32s %10.3f %10.1f %8d" % ("diff, %d" % size, seconds, peak, status))
        rich = generate.generate(size, 1, os.path.join(folder, "generated"), "rich")[0]
        megabytes = os.path.getsize(rich) / 1e6
        exported = os.path.join(folder, "exported.json")
        linked = os.path.join(folder, "exported-link.json")
        for path in (exported, linked):
            if os.path.exists(path):
                os.unlink(path)
        for name, argv in [("export json", ["export", "--format", "json"]),
                           ("export -o new", ["export", "--format", "json", "-o", exported]),
                           ("export -o over", ["export", "--format", "json", "-o", exported]),
                           ("export -o linked", ["export", "--format", "json", "-o", exported]),
                           ("check", ["check"])]:
            if name == "export -o linked":
                os.link(exported, linked)
            # Run again, a new file would find the file there.
            runs = 1 if name == "export -o new" else args.runs
            seconds, peak, status, _ = measure([args.plan] + argv + ["--today", TODAY, rich], runs)
            times[(name, size)] = seconds
            print("%-32s %10.3f %10.1f %8d  (plan file %.1f MB)" % ("%s, %d goals" % (name, size), seconds, peak,
                                                                    status, megabytes))
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print("time %d / %d (%.0f means linear):" % (large, small, large / small))
        for name in [n for n, _, _ in files] + ["diff", "export json", "export -o new", "export -o over",
                                                  "export -o linked", "check"]:
            if times.get((name, small)):
                print("  %-14s %6.2fx" % (name, times[(name, large)] / times[(name, small)]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan", default=os.path.join(ROOT, ".build", "release", "plan"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ones", type=int, default=100000)
    parser.add_argument("--items", type=int, default=20000)
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--goals", type=int, default=20000)
    parser.add_argument("--bomb-depths", default="20,40")
    parser.add_argument("--scale", default="10000,100000")
    args = parser.parse_args()

    work = [("ones", "%d lines of 1" % args.ones, ones(args.ones)),
            ("list", "%d list items" % args.items, list_items(args.items)),
            ("update", "%d update ... serves" % args.items, updates(args.items)),
            ("turns", "%d updates, 8 goals" % args.items, in_turn(args.items))]
    print("%-32s %10s %10s %8s" % ("workload", "seconds", "peak MB", "status"))
    with tempfile.TemporaryDirectory() as folder:
        for name, label, text in work:
            path = os.path.join(folder, name + ".plan")
            with open(path, "w") as out:
                out.write(text)
            seconds, peak, status, first_error = measure(
                [args.plan, "run", "--today", TODAY, path], args.runs)
            print("%-32s %10.3f %10.1f %8d" % (label, seconds, peak, status))
            if status != 0 and first_error:
                print("    " + first_error)
        # Piped into the REPL, each beside `plan run` of the same text.
        plan_file = os.path.join(folder, "goals.plan")
        with open(plan_file, "w") as out:
            out.write(goals(args.goals))
        piped = [("%d lines of 1" % args.ones, [], ones(args.ones), ""),
                 ("%d-line statement" % args.lines, [], bracketed(args.lines), ""),
                 ("%d goals, 200 edits" % args.goals, [plan_file], edits(), goals(args.goals))]
        for label, files, script, before in piped:
            script_file = os.path.join(folder, "script.txt")
            with open(script_file, "w") as out:
                out.write(script)
            whole_file = os.path.join(folder, "whole.plan")
            with open(whole_file, "w") as out:
                out.write(before + script)
            for how, argv, given in [("repl", [args.plan, "repl", "--today", TODAY] + files, script_file),
                                     ("run", [args.plan, "run", "--today", TODAY, whole_file], None)]:
                seconds, peak, status, first_error = measure(argv, args.runs, given)
                print("%-32s %10.3f %10.1f %8d" % (label + ", " + how, seconds, peak, status))
        # Each second include of a file is an error, so the bomb exits 1.
        for depth in [int(part) for part in args.bomb_depths.split(",") if part]:
            bomb = os.path.join(folder, "bomb-%d" % depth)
            os.mkdir(bomb)
            seconds, peak, status, _ = measure(
                [args.plan, "run", "--today", TODAY, include_bomb(bomb, depth)], args.runs)
            print("%-32s %10.3f %10.1f %8d" % ("include bomb, depth %d" % depth, seconds, peak, status))
        at_scale(args, folder)


if __name__ == "__main__":
    main()
