"""What one process costs, measured three ways: CPU time (user + system),
peak resident memory, and instructions executed under callgrind. Shared by
run.py (the ratios against Lua) and instructions.py (the CI check).

Python 3 standard library only; GNU time at /usr/bin/time and valgrind.
"""

import os
import re
import subprocess
import tempfile

TIME = "/usr/bin/time"
# callgrind's summary on stderr: "==PID== Collected : 206277510".
COLLECTED = re.compile(rb"==\d+== Collected : (\d+)")


def cpu_and_peak(argv):
    """(CPU seconds, peak MiB, exit status) of one run of argv.

    The CPU time is wait4's rusage of GNU time, which counts the command it
    waited for (microseconds, where time's own %U and %S are hundredths).
    The peak is GNU time's %M for the command alone: a child forked from
    this Python process would report Python's own memory as its peak."""
    with tempfile.NamedTemporaryFile() as report, open(os.devnull, "rb") as nothing, \
            open(os.devnull, "wb") as sink:
        process = subprocess.Popen([TIME, "-q", "-f", "%M", "-o", report.name] + argv,
                                   stdin=nothing, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        report.seek(0)
        words = report.read().decode("utf-8", "replace").split()
    # %M is kilobytes; the last word, after any "Command exited" line.
    peak = int(words[-1]) / 1024.0 if words and words[-1].isdigit() else float("nan")
    return usage.ru_utime + usage.ru_stime, peak, process.returncode


def instructions(argv, env=None):
    """Instructions argv executes under callgrind (the same count every run,
    where times move with the machine's load), in the environment `env`
    (this process's when None)."""
    completed = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    match = COLLECTED.search(completed.stderr)
    if completed.returncode != 0 or match is None:
        raise RuntimeError("callgrind of %s exited %d: %s" % (
            " ".join(argv), completed.returncode, completed.stderr.decode("utf-8", "replace")[-400:]))
    return int(match.group(1))


def median(numbers):
    ordered = sorted(numbers)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
