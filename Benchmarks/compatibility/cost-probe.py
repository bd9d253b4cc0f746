#!/usr/bin/env python3
"""The request of Twilio's report against every API of the compatibility run: a 3 KB JSON body
nested 511 levels deep, sent to every route (HEAD aside) of each API's generated server over its
in-memory handler, with credentials of the API's scheme. Each route must answer it with a 4xx
and Twilio's error JSON (415 where the operation takes a form, 400 where it takes no body or
JSON, the message naming the depth limit), at a cost of less than 5 ms of the server's CPU a
request (the mean of --repeat sends, from the kernel's scheduler statistics).

    Benchmarks/compatibility/cost-probe.py --server WORK/.build/debug/CompatibilityServer \
        --results FILE.md NAME…

Writes a table per API to FILE.md and exits 1 when any route fails. Run by run.sh after the
APIs compile; standard library only.
"""

import argparse
import base64
import json
import os
import platform
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cost"))
import serverprobe  # noqa: E402

BODY = ('{"zzz":' + '{"a":' * 510 + "1" + "}" * 511).encode()
LIMIT_MS = 5.0
ERROR_MEMBERS = {"code", "message", "more_info", "status"}


def credentials(scheme):
    if scheme.lower() == "bearer":
        return "Bearer probe-token"
    return "Basic " + base64.b64encode(b"AC0123456789abcdef0123456789abcdef:probe-token").decode()


def concrete(path):
    """The path with each {Parameter} filled; what fills it does not matter, as the body is
    refused before any parameter is read."""
    return re.sub(r"\{[^}]*\}", "AB0123456789abcdef0123456789abcdef", path)


def probe(server, name, repeat):
    listing = subprocess.run([server, name, "--routes"], capture_output=True, text=True, check=True).stdout.split("\n")
    scheme, routes = listing[0], [line.split(" ", 1) for line in listing[1:] if line]
    port = serverprobe.free_port()
    process = serverprobe.start([server, name, str(port)], port)
    rows, failures = [], []
    try:
        client = serverprobe.Client(port)
        for method, path in routes:
            if method == "HEAD":
                continue
            raw = serverprobe.request_bytes(method, concrete(path), BODY, "application/json",
                                            [f"Authorization: {credentials(scheme)}"])
            status, headers, body = client.send(raw)  # the first, untimed
            before = serverprobe.cpu_ns(process.pid)
            statuses = set()
            for _ in range(repeat):
                status, headers, body = client.send(raw)
                statuses.add(status)
            milliseconds = (serverprobe.cpu_ns(process.pid) - before) / repeat / 1e6
            problem = None
            try:
                error = json.loads(body)
            except ValueError:
                error = None
            if len(statuses) != 1 or not 400 <= status < 500:
                problem = f"answered {sorted(statuses)}"
            elif not isinstance(error, dict) or set(error) != ERROR_MEMBERS or error["status"] != status:
                problem = f"not the error JSON: {body[:200]!r}"
            elif status == 400 and "takes no request body" not in error["message"] \
                    and "nest deeper than 64 levels" not in error["message"]:
                problem = f"400 for another reason: {error['message']}"
            elif status not in (400, 415):
                problem = f"{status}: {error['message']}"
            elif milliseconds >= LIMIT_MS:
                problem = f"{milliseconds:.2f} ms of CPU"
            rows.append((method, path, status, milliseconds, problem))
            if problem:
                failures.append(f"{name}: {method} {path}: {problem}")
    finally:
        process.terminate()
        process.wait(timeout=10)
    return scheme, rows, failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True)
    parser.add_argument("--results", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("names", nargs="+")
    arguments = parser.parse_args()
    lines = [
        "# The request of the report, against every API of the compatibility run",
        "",
        f"Written by Benchmarks/compatibility/cost-probe.py on {time.strftime('%Y-%m-%d')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, the debug build run.sh compiles. A 3 KB JSON body "
        f"nested 511 levels, sent {arguments.repeat} times to each route (HEAD aside); CPU is the "
        "server's, per request, from the kernel's scheduler statistics. Goal: a 4xx with the error "
        f"JSON, under {LIMIT_MS:g} ms.",
        "",
        "| API | routes | 400 | 415 | median CPU ms | max CPU ms | failures |",
        "|---|---|---|---|---|---|---|",
    ]
    failures = []
    for name in arguments.names:
        try:
            scheme, rows, found = probe(arguments.server, name, arguments.repeat)
        except Exception as error:  # noqa: BLE001 — a server that cannot run is a failure of the probe
            failures.append(f"{name}: {error}")
            lines.append(f"| {name} | not run | | | | | {error} |")
            continue
        failures += found
        costs = sorted(row[3] for row in rows)
        median = costs[len(costs) // 2] if costs else 0
        lines.append(
            f"| {name} | {len(rows)} | {sum(row[2] == 400 for row in rows)} | {sum(row[2] == 415 for row in rows)} "
            f"| {median:.3f} | {max(costs, default=0):.3f} | {len(found)} |")
        print(f"  {name}: {len(rows)} routes, max {max(costs, default=0):.3f} ms, {len(found)} failures", file=sys.stderr)
    if failures:
        lines += ["", "## Failures", ""] + [f"- {failure}" for failure in failures]
    os.makedirs(os.path.dirname(os.path.abspath(arguments.results)), exist_ok=True)
    with open(arguments.results, "w") as file:
        file.write("\n".join(lines) + "\n")
    for failure in failures:
        print(f"cost-probe: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
