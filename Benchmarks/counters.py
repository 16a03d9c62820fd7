"""What one process costs, measured three ways: CPU time (user + system),
peak resident memory, and instructions executed under callgrind, in all or
by the address of each. Shared by run.py (the ratios against Lua),
instructions.py (the CI check) and scripts/text-order.

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


def cpu(argv):
    """(CPU seconds, exit status) of one run of argv: wait4's rusage of the
    command itself, started with posix_spawn. Through GNU time (above) the
    count would include time's own start, about 0.9 ms on this machine,
    added alike to both sides of a ratio and pulling it toward 1."""
    null = os.devnull
    actions = [(os.POSIX_SPAWN_OPEN, 0, null, os.O_RDONLY, 0),
               (os.POSIX_SPAWN_OPEN, 1, null, os.O_WRONLY, 0),
               (os.POSIX_SPAWN_OPEN, 2, null, os.O_WRONLY, 0)]
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    return usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


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


# Lines of callgrind's profile with --dump-instr=yes --dump-line=no: an
# object ("ob=(3) /path", or "ob=(3)" once named), a call (its next line
# counts the callee's instructions at the call's address), and a cost line
# whose address is absolute, relative to the last, or the same ("*").
PROFILED_OBJECT = re.compile(r"^(c?)ob=\((\d+)\)(?: (.+))?$")
COST = re.compile(r"^(0x[0-9a-f]+|[+-]\d+|\*)\s+(\d+)")


def instructions_by_address(argv, binary, env=None):
    """{address: instructions executed there} for the code of `binary` that
    argv runs (argv[0] or a library it loads), under callgrind."""
    real = os.path.realpath(binary)
    with tempfile.NamedTemporaryFile(suffix=".callgrind") as profile:
        completed = subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=yes", "--dump-line=no",
                                    "--callgrind-out-file=" + profile.name] + argv,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if completed.returncode not in (0, 1):
            raise RuntimeError("callgrind of %s exited %d: %s" % (
                " ".join(argv), completed.returncode, completed.stderr.decode("utf-8", "replace")[-400:]))
        objects, in_binary, address, after_call, counts = {}, False, 0, False, {}
        with open(profile.name, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                found = PROFILED_OBJECT.match(line)
                if found:
                    if found.group(3):
                        objects[found.group(2)] = os.path.realpath(found.group(3))
                    if not found.group(1):
                        in_binary = objects.get(found.group(2)) == real
                    continue
                if line.startswith("calls="):
                    after_call = True
                    continue
                found = COST.match(line)
                if not found:
                    continue
                step = found.group(1)
                if step.startswith("0x"):
                    address = int(step, 16)
                elif step != "*":
                    address += int(step)
                if in_binary:
                    executed = 0 if after_call else int(found.group(2))
                    counts[address] = counts.get(address, 0) + executed
                after_call = False
    return counts


def median(numbers):
    ordered = sorted(numbers)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
