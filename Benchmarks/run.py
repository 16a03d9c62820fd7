#!/usr/bin/env python3
"""Measures plan against its peers on the same generated data.

Builds plan and plan-bench in release mode, generates plans of 10k and 100k
goals (the same data as a Lua table and a ledger journal, see generate.py),
and times the stages of plan inside one plan-bench process, best of N runs
each, on the file's bytes already in memory:

  lex                the lexer driven to the end of the file
  parse              every statement parsed (lexing included), none run
  load+check         every statement run, then every check
  query              one query on the loaded plan

then runs each task as a process several times, keeping the best wall time
and its peak resident memory:

  plan check         load and check the plan
  plan run -e        load, check and answer one query
  lua5.4 dofile      load the same data as a Lua table
  ledger balance     load the same data as a journal and balance it

It prints MB/s, ms and peak MB per task (peak memory only per process), the plan/lua and plan/ledger ratios
side by side, and the 100k/10k time ratio per task (about 10 means linear).

Last, the table against Lua for each shape and size: `plan check` and
`lua5.4 dofile` run in turn, --pairs times (7 or more), and the median of
the pairs' CPU-time ratios (user + system of the command alone, so the
load of other programs on the machine moves it less than wall time); the
ratio of instructions executed under callgrind (one run each: the count
does not move); the peak memory of each, over three more runs through GNU
time.

Each size is measured in the three data shapes of generate.py: `rich`
(multi-line goals with milestones and mentors), `compact` (one-line goals
sharing a few names, where Lua does best) and `oneline` (the same line for
every goal but its number and date).

    python3 Benchmarks/run.py [--sizes 10000 100000] [--shapes rich compact oneline] [--runs 3]
                              [--pairs 7] [--no-callgrind] [--skip-build]

Python 3 standard library only; lua5.4, ledger, GNU time and valgrind
must be installed (`make bench` installs them).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
# Keep the source tree free of __pycache__.
sys.dont_write_bytecode = True
import generate  # noqa: E402  (the generator beside this file)
import counters  # noqa: E402

TODAY = "2026-11-25"
TIME = "/usr/bin/time"
PEAK_RUNS = 3
QUERY = "count(goals where not done and due < today + 1 year)"


def measure(argv, runs, stdin_path=None):
    """Best wall time (seconds) over `runs`, with that run's peak RSS (MB),
    exit status and first stderr line; standard input is `stdin_path`, or
    nothing. GNU time reports the peak: a child forked from this Python
    process would count Python's own memory as its peak, time's is small
    enough not to matter."""
    best = None
    for _ in range(runs):
        with tempfile.NamedTemporaryFile() as report, tempfile.TemporaryFile() as errors, \
                open(stdin_path or os.devnull, "rb") as given:
            start = time.perf_counter()
            completed = subprocess.run([TIME, "-q", "-f", "%M", "-o", report.name] + argv,
                                       stdin=given, stdout=subprocess.DEVNULL, stderr=errors)
            elapsed = time.perf_counter() - start
            errors.seek(0)
            first_error = errors.readline().decode("utf-8", "replace").strip()
            report.seek(0)
            lines = report.read().decode("utf-8", "replace").split()
        # %M is kilobytes; the last word, after any "Command exited" line.
        peak = int(lines[-1]) / 1024.0 if lines and lines[-1].isdigit() else float("nan")
        result = (elapsed, peak, completed.returncode, first_error)
        if best is None or result[0] < best[0]:
            best = result
    return best


PHASES = ("lex", "parse", "load+check", "query")
# plan-bench's line per phase: name, milliseconds, MB/s, what the phase found.
PHASE_LINE = re.compile(r"^(\S+)\s+([0-9.]+) ms\s+[0-9.]+ MB/s\s+(.*)$")


def build(product):
    subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)


def phases(bench, plan_file, runs):
    """plan-bench's best time (seconds) per phase and what each phase found,
    or an error message."""
    completed = subprocess.run([bench, plan_file, "-e", QUERY, "--today", TODAY, "--runs", str(runs)],
                               stdin=subprocess.DEVNULL, capture_output=True)
    if completed.returncode != 0:
        return {}, "plan-bench exited %d: %s" % (completed.returncode,
                                                 completed.stderr.decode("utf-8", "replace").strip())
    found = {}
    for line in completed.stdout.decode("utf-8", "replace").splitlines():
        match = PHASE_LINE.match(line)
        if match and match.group(1) in PHASES:
            found[match.group(1)] = (float(match.group(2)) / 1000, match.group(3))
    missing = [name for name in PHASES if name not in found]
    return found, ("plan-bench printed no %s line" % ", ".join(missing) if missing else None)


def tasks(plan, paths):
    plan_file, lua_file, ledger_file = paths
    return [
        ("plan check", plan_file, [plan, "check", "--today", TODAY, plan_file]),
        ("plan run -e", plan_file, [plan, "run", "--today", TODAY, plan_file, "-e", QUERY]),
        ("lua5.4 dofile", lua_file, ["lua5.4", "-e", "dofile(%r)" % lua_file]),
        ("ledger balance", ledger_file, ["ledger", "-f", ledger_file, "balance"]),
    ]


def ratio(a, b):
    return "%.2fx" % (a / b) if b > 0 else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000], help="goal counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per task; the best one counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shapes", nargs="+", choices=generate.SHAPES, default=list(generate.SHAPES),
                        help="data shapes (default: all)")
    parser.add_argument("--out", default=os.path.join(HERE, "data"), help="folder for the generated files")
    parser.add_argument("--pairs", type=int, default=7,
                        help="interleaved plan check / lua5.4 runs for the CPU-time ratio (at least 7)")
    parser.add_argument("--no-callgrind", action="store_true", help="leave out the instruction ratios")
    parser.add_argument("--skip-build", action="store_true", help="use the existing .build/release/plan")
    args = parser.parse_args()
    if args.pairs < 7:
        parser.error("--pairs must be at least 7: a median of fewer moves with the machine's load")

    for tool in ("lua5.4", "ledger", TIME) + (() if args.no_callgrind else ("valgrind",)):
        if shutil.which(tool) is None:
            sys.exit("run.py: %s is not installed (make bench installs it)" % tool)
    if not args.skip_build:
        build("plan")
        build("plan-bench")
    plan, bench = (os.path.join(ROOT, ".build", "release", name) for name in ("plan", "plan-bench"))
    for program in (plan, bench):
        if not os.access(program, os.X_OK):
            sys.exit("run.py: %s is missing; run without --skip-build" % program)

    print("plan benchmark, best of %d, today %s, seed %d" % (args.runs, TODAY, args.seed))
    print("query: %s" % QUERY)
    rows = []
    for shape in args.shapes:
        rows.extend(measure_shape(shape, args, plan, bench))
    print()
    print("plan check against lua5.4 dofile: CPU time median of %d interleaved pairs%s"
          % (args.pairs, "" if args.no_callgrind else ", instructions under callgrind"))
    print("%-9s %7s %9s %9s %9s %12s %12s %8s %9s %9s" % (
        "shape", "goals", "plan ms", "lua ms", "CPU", "plan instr", "lua instr", "instr", "plan MB", "lua MB"))
    for row in rows:
        print("%-9s %7d %9.1f %9.1f %8.2fx %12s %12s %8s %9.1f %9.1f" % row)


def millions(count):
    """An instruction count for the table: "-" where callgrind did not run."""
    return "%.1fM" % (count / 1e6) if count else "-"


def against_lua(plan, paths, args):
    """plan check and lua5.4 dofile of the same data: median CPU seconds of
    each and of their ratio over interleaved pairs, so both see the same
    load; instructions of each (None with --no-callgrind); peak MiB of each."""
    plan_file, lua_file, _ = paths
    check = [plan, "check", "--today", TODAY, plan_file]
    load = ["lua5.4", "-e", "dofile(%r)" % lua_file]
    plan_times, lua_times, ratios, plan_peaks, lua_peaks = [], [], [], [], []
    for _ in range(args.pairs):
        plan_seconds, status = counters.cpu(check)
        if status != 0:
            sys.exit("run.py: %s exited %d" % (" ".join(check), status))
        lua_seconds, status = counters.cpu(load)
        if status != 0:
            sys.exit("run.py: %s exited %d" % (" ".join(load), status))
        plan_times.append(plan_seconds)
        lua_times.append(lua_seconds)
        ratios.append(plan_seconds / lua_seconds)
    # Peaks from runs of their own, through GNU time: a process spawned from
    # this one would count Python's memory in its peak.
    for _ in range(PEAK_RUNS):
        plan_peaks.append(counters.cpu_and_peak(check)[1])
        lua_peaks.append(counters.cpu_and_peak(load)[1])
    counts = (None, None) if args.no_callgrind else (counters.instructions(check), counters.instructions(load))
    return (counters.median(plan_times), counters.median(lua_times), counters.median(ratios),
            counts, max(plan_peaks), max(lua_peaks))


def measure_shape(shape, args, plan, bench):
    """Prints the shape's tables and returns its rows against Lua."""
    results = {}
    rows = []
    for size in args.sizes:
        paths = generate.generate(size, args.seed, args.out, shape)
        print()
        print("%d goals, %s: %s" % (size, shape, ", ".join("%s %.1f MB" % (os.path.basename(p), os.path.getsize(p) / 1e6)
                                                          for p in paths)))
        print("%-16s %10s %9s %9s %5s" % ("task", "ms", "MB/s", "peak MB", "exit"))
        plan_megabytes = os.path.getsize(paths[0]) / 1e6
        found, problem = phases(bench, paths[0], args.runs)
        for name in PHASES:
            if name in found:
                seconds = found[name][0]
                results[(size, name)] = (seconds, float("nan"))
                print("%-16s %10.1f %9.1f %9s %5s" % (name, seconds * 1000, plan_megabytes / seconds, "-", "-"))
        if problem:
            print("    %s" % problem)
        for name, input_file, argv in tasks(plan, paths):
            seconds, peak, status, first_error = measure(argv, args.runs)
            megabytes = os.path.getsize(input_file) / 1e6
            results[(size, name)] = (seconds, peak)
            print("%-16s %10.1f %9.1f %9.1f %5d" % (name, seconds * 1000, megabytes / seconds, peak, status))
            if status != 0 and first_error:
                print("    stderr: %s" % first_error)
        check, lua, ledger = (results[(size, n)] for n in ("plan check", "lua5.4 dofile", "ledger balance"))
        if found:
            print("in one process: %s" % "; ".join("%s %s" % (name, found[name][1]) for name in PHASES
                                                    if name in found))
        print("plan check / lua5.4 (%s):  time %s, memory %s" % (shape, ratio(check[0], lua[0]), ratio(check[1], lua[1])))
        print("plan check / ledger:  time %s, memory %s" % (ratio(check[0], ledger[0]), ratio(check[1], ledger[1])))
        plan_cpu, lua_cpu, cpu_ratio, (plan_count, lua_count), plan_peak, lua_peak = against_lua(plan, paths, args)
        rows.append((shape, size, plan_cpu * 1000, lua_cpu * 1000, cpu_ratio,
                     millions(plan_count), millions(lua_count),
                     ratio(plan_count, lua_count) if plan_count else "-", plan_peak, lua_peak))

    if len(args.sizes) >= 2:
        small, large = args.sizes[0], args.sizes[-1]
        print()
        print("%s: time %d / %d goals (%.0f means linear):" % (shape, large, small, large / small))
        for name in PHASES + ("plan check", "plan run -e", "lua5.4 dofile", "ledger balance"):
            if (large, name) in results and (small, name) in results:
                print("  %-16s %s" % (name, ratio(results[(large, name)][0], results[(small, name)][0])))
    return rows


if __name__ == "__main__":
    main()
