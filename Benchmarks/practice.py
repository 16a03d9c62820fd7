#!/usr/bin/env python3
"""A coach's practice and its pages, timed with the release build:

  practice      `plan practice` over a folder of N client plans: the five
                client plans of Samples/practice/ (one broken on purpose)
                copied N/5 times, each copy with its own shared values file;
                wall time and peak memory, on every core and with --jobs 1
  page          `plan export --format html` of one plan of G goals and L
                log entries (Benchmarks/generate.py's rich plan, with a log
                a day): wall time and the page's size

    python3 Benchmarks/practice.py [--plan .build/release/plan] [--runs 3]
                                   [--clients 100 500] [--goals 1000] [--logs 2000]

Python 3 standard library only; GNU time for the peak (make bench installs it).
"""

import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
from run import TODAY, measure  # noqa: E402
import generate  # noqa: E402

SAMPLES = os.path.join(ROOT, "Samples", "practice")


def practice_folder(folder, clients):
    """`clients` plans in `folder`, the samples' clients in turn, each copy
    including its own copy of the values file."""
    names = sorted(n for n in os.listdir(SAMPLES) if n.endswith(".plan") and n != "shared-values.plan")
    with open(os.path.join(SAMPLES, "shared-values.plan")) as shared:
        values = shared.read()
    for number in range(clients):
        name = names[number % len(names)]
        with open(os.path.join(SAMPLES, name)) as source:
            text = source.read().replace('include "shared-values.plan"', 'include "values-%d.plan"' % number)
        with open(os.path.join(folder, "%05d-%s" % (number, name)), "w") as out:
            out.write(text)
        if 'include "values-%d.plan"' % number in text:
            with open(os.path.join(folder, "values-%d.plan" % number), "w") as out:
                out.write(values)


def big_plan(folder, goals, logs):
    """The rich generated plan of `goals` goals, then `logs` log entries a
    day apart up to today, each on one of the goals."""
    path = generate.generate(goals, 1, folder, "rich")[0]
    today = datetime.date.fromisoformat(TODAY)
    with open(path) as source:
        text = source.read()
    names = [line.split('"')[1] for line in text.splitlines() if line.startswith('goal "')]
    lines = []
    for number in range(logs):
        day = today - datetime.timedelta(days=logs - 1 - number)
        lines.append('log %s "step %d" for "%s" hours %d\n' % (day.isoformat(), number, names[number % len(names)],
                                                               1 + number % 5))
    with open(path, "a") as out:
        out.write("\n" + "".join(lines))
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plan", default=os.path.join(ROOT, ".build", "release", "plan"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--clients", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--goals", type=int, default=1000)
    parser.add_argument("--logs", type=int, default=2000)
    args = parser.parse_args()

    print("%-34s %10s %10s %8s" % ("task", "seconds", "peak MB", "status"))
    with tempfile.TemporaryDirectory() as work:
        for clients in args.clients:
            folder = os.path.join(work, "clients-%d" % clients)
            os.mkdir(folder)
            practice_folder(folder, clients)
            for jobs in [None, 1]:
                argv = [args.plan, "practice", "--today", TODAY, folder] + (["--jobs", str(jobs)] if jobs else [])
                seconds, peak, status, _ = measure(argv, args.runs)
                label = "practice, %d plans%s" % (clients, ", --jobs 1" if jobs else "")
                print("%-34s %10.3f %10.1f %8d" % (label, seconds, peak, status))
            shutil.rmtree(folder)

        plan = big_plan(work, args.goals, args.logs)
        page = os.path.join(work, "page.html")
        seconds, peak, status, first_error = measure(
            [args.plan, "export", "--format", "html", "--today", TODAY, plan, "-o", page], args.runs)
        print("%-34s %10.3f %10.1f %8d" % ("html, %d goals, %d logs" % (args.goals, args.logs), seconds, peak, status))
        if status != 0:
            print("    " + first_error)
            return
        print("    page: %.2f MB" % (os.path.getsize(page) / 1e6))
        chromium = shutil.which("chromium")
        if chromium:
            # The browser's own start, measured on an empty page, is not the page's rendering.
            empty = os.path.join(work, "empty.html")
            with open(empty, "w") as out:
                out.write("<!DOCTYPE html><title>empty</title>\n")
            for label, target in [("chromium --dump-dom, empty page", empty), ("chromium --dump-dom of the page", page)]:
                with tempfile.TemporaryDirectory() as profile:
                    seconds, _, status, _ = measure([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                                     "--user-data-dir=" + profile, "--dump-dom", "file://" + target],
                                                    args.runs)
                print("%-34s %10.3f %10s %8d" % (label, seconds, "", status))


if __name__ == "__main__":
    main()
