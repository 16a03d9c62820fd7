#!/usr/bin/env python3
"""Times `plan lsp` as an editor meets it, over its stdin and stdout, on a
generated plan of 1,000 goals (Benchmarks/generate.py) with 2,000 log
entries added:

  - a one-character didChange (typed, then deleted, in a comment) to the
    publishDiagnostics it causes;
  - a completion request inside the quotes after `after`, to its answer;
  - a hover on a goal's name, to its answer;
  - the server's resident memory (VmRSS) after the first 1,000 edits and
    after all of them, which should stay flat.

Medians and 90th percentiles in milliseconds. Python 3 standard library only.

    python3 Benchmarks/lsp.py [--plan .build/release/plan] [--edits 10000] [--requests 300] [--item-defaults]

--item-defaults offers `completionList.itemDefaults` (LSP 3.17, as VS Code
and Neovim 0.10 do), so completion items share one edit range.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Server:
    def __init__(self, binary):
        self.process = subprocess.Popen([binary, "lsp", "--today", "2026-11-25"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 1

    def send(self, message):
        self.process.stdin.write(frame(message))
        self.process.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.process.stdout.readline()
            if line in (b"\r\n", b""):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return json.loads(self.process.stdout.read(length))

    def request(self, method, params):
        ident = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        while True:
            message = self.read()
            if message.get("id") == ident:
                return message

    def until_diagnostics(self):
        while True:
            message = self.read()
            if message.get("method") == "textDocument/publishDiagnostics":
                return message

    def cpu_seconds(self):
        """The server's user and system time so far: on a shared machine
        the wall clock also counts the time other processes had the CPU."""
        with open("/proc/%d/stat" % self.process.pid) as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_kib(self):
        with open("/proc/%d/status" % self.process.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


def make_plan(folder):
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--goals", "1000", "--seed", "1",
                    "--shape", "rich", "--out", folder], check=True, stdout=subprocess.DEVNULL)
    path = next(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".plan"))
    with open(path, encoding="utf-8") as file:
        text = file.read()
    goals = [line.split('"')[1] for line in text.splitlines() if line.startswith('goal "')]
    logs = []
    for index in range(2000):
        day = 1 + index % 28
        month = 1 + (index // 28) % 10
        logs.append('log 2026-%02d-%02d "step %d" for "%s" hours 1' % (month, day, index, goals[index % len(goals)]))
    text += "\n# typing here\n" + "\n".join(logs) + "\n"
    return text, goals


def milliseconds(samples):
    ordered = sorted(samples)
    return "median %.2f ms, p90 %.2f ms" % (statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.9)] * 1000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plan", default=os.path.join(HERE, "..", ".build", "release", "plan"))
    parser.add_argument("--edits", type=int, default=10000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--item-defaults", action="store_true")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        text, goals = make_plan(folder)
        lines = text.split("\n")
        comment_line = lines.index("# typing here")
        server = Server(options.plan)
        uri = "file://" + os.path.join(folder, "bench.plan")
        capabilities = {}
        if options.item_defaults:
            capabilities = {"textDocument": {"completion": {"completionList": {"itemDefaults": ["editRange"]}}}}
        server.request("initialize", {"capabilities": capabilities})
        server.send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
        server.send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "plan", "version": 1, "text": text}}})
        server.until_diagnostics()

        edits = []
        memory = []
        cpu_before = server.cpu_seconds()
        for index in range(options.edits):
            # Type one character at the comment's end, then take it away.
            insert = index % 2 == 0
            column = len("# typing here")
            change = {"range": {"start": {"line": comment_line, "character": column},
                                "end": {"line": comment_line, "character": column + (0 if insert else 1)}},
                      "text": "x" if insert else ""}
            start = time.perf_counter()
            server.send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": index + 2}, "contentChanges": [change]}})
            server.until_diagnostics()
            edits.append(time.perf_counter() - start)
            if index + 1 == min(1000, options.edits):
                memory.append(server.rss_kib())
        memory.append(server.rss_kib())
        edit_cpu = (server.cpu_seconds() - cpu_before) / len(edits)

        after_line = next(number for number, line in enumerate(lines) if line.strip().startswith("after "))
        after_column = lines[after_line].index('"') + 1
        completions, hovers = [], []
        cpu_before = server.cpu_seconds()
        goal_line = next(number for number, line in enumerate(lines) if line.startswith('goal "'))
        for _ in range(options.requests):
            start = time.perf_counter()
            answer = server.request("textDocument/completion", {"textDocument": {"uri": uri},
                                    "position": {"line": after_line, "character": after_column}})
            completions.append(time.perf_counter() - start)
            assert answer.get("result"), answer
            start = time.perf_counter()
            answer = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                    "position": {"line": goal_line, "character": 7}})
            hovers.append(time.perf_counter() - start)
            assert answer.get("result"), answer

        request_cpu = (server.cpu_seconds() - cpu_before) / (2 * options.requests)
        server.request("shutdown", None)
        server.send({"jsonrpc": "2.0", "method": "exit"})
        status = server.process.wait()

        print("plan lsp on 1,000 goals and 2,000 log entries (%d lines)" % len(lines))
        print("  didChange to publishDiagnostics (%d edits): %s; server CPU %.2f ms an edit"
              % (len(edits), milliseconds(edits), edit_cpu * 1000))
        print("  completion (%d%s): %s" % (len(completions), ", item defaults" if options.item_defaults else "",
                                           milliseconds(completions)))
        print("  hover (%d): %s; server CPU %.2f ms a request (completion and hover)"
              % (len(hovers), milliseconds(hovers), request_cpu * 1000))
        print("  resident memory after %d edits: %d KiB; after %d: %d KiB (%+.1f%%)"
              % (min(1000, options.edits), memory[0], len(edits), memory[-1], (memory[-1] - memory[0]) * 100.0 / memory[0]))
        print("  exit status %d" % status)


if __name__ == "__main__":
    main()
