#!/usr/bin/env python3
"""What a request costs landmine-server (the landmine spec's generated server over the
in-memory handler of Tests/LandmineBackend): its JSON, form, query and date readers all take
part. Not a test: run it by hand, through run.sh.

1. CPU per request: each request of the table below is sent --requests times on a keep-alive
   connection, in --rounds rounds; the server's CPU time (every thread's, from
   /proc/PID/task/*/schedstat) per request is a round's figure, and the table shows the median
   and range of the rounds, and the ratio of the median to that of a plain valid create. Every
   request is 64 KB or less. Goal: no ratio above 10.
2. An unrelated GET (a fetch of one service) sent one at a time for --seconds, and its p50 and
   p99: with the server idle, while 8 wrk connections send valid creates in a loop, and while 8
   send the costliest request of part 1. Goal: the p99 under the worst body within 2x of the
   p99 under valid creates (and its figure idle, for reference).

    Benchmarks/cost/cost.py --server .build/release/landmine-server [--results FILE.md]
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serverprobe  # noqa: E402

import base64  # noqa: E402

ACCOUNT = "AC0123456789abcdef0123456789abcdef"
TOKEN = "cost-token"
AUTH = "Authorization: Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode()
SERVICE = "XX0123456789abcdef0123456789abcdef"
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
KB = 1024


def service(members):
    # A fixed SID: the handler replaces that one service instead of storing another.
    return json.dumps({"friendly_name": "cost", "self": SERVICE, **members}, separators=(",", ":")).encode()


def fill(prefix, unit, suffix, size):
    """prefix + unit repeated + suffix, about `size` bytes."""
    count = max(1, (size - len(prefix) - len(suffix)) // len(unit))
    return prefix + unit * count + suffix


def class_form(**extra):
    return urllib.parse.urlencode({"class": "c", "return": SERVICE, "Callers": ACCOUNT, **extra}).encode()


def cases():
    """(name, size class, method, target, body, content type, extra headers), the first the baseline."""
    table = [("a valid create (JSON)", "", "POST", "/v1/Services", service({"tags": ["a", "b"]}), JSON, [])]
    table.append(("a valid create (form)", "", "POST", f"/classes/in/{ACCOUNT}", class_form(Tags="a"), FORM, []))
    table.append(("a fetch", "", "GET", f"/v1/Services/{SERVICE}", None, None, []))
    report = ('{"zzz":' + '{"a":' * 510 + "1" + "}" * 511).encode()
    table.append(("the report's body: 511 levels", "3 KB", "POST", "/v1/Services", report, JSON, []))
    for size in (3 * KB, 16 * KB, 63 * KB):
        label = f"{size // KB} KB"
        half = size // 2
        table += [
            ("depth: arrays in a JSON body", label, "POST", "/v1/Services",
             b'{"friendly_name":"x","metadata":' + b"[" * half + b"]" * half + b"}", JSON, []),
            ("depth: JSON text in a form field", label, "POST", f"/classes/in/{ACCOUNT}",
             class_form(Routing="[" * (half // 3) + "]" * (half // 3)), FORM, []),
            ("depth: a JSON body to a form route", label, "POST", f"/classes/in/{ACCOUNT}",
             b"[" * half + b"]" * half, JSON, []),
            ("depth: a JSON body to a GET", label, "GET", "/classes", b"[" * half + b"]" * half, JSON, []),
            ("width: an array of numbers", label, "POST", "/v1/Services",
             fill(b'{"friendly_name":"x","self":"' + SERVICE.encode() + b'","metadata":[', b"1,", b"1]}", size),
             JSON, []),
            ("width: an array of arrays", label, "POST", "/v1/Services",
             fill(b'{"friendly_name":"x","self":"' + SERVICE.encode() + b'","filters":[', b"[],", b"[]]}", size),
             JSON, []),
            ("many keys in an object", label, "POST", "/v1/Services",
             service({"metadata": {f"k{i}": i for i in range(size // 10)}})[:size + 64], JSON, []),
            ("a long string", label, "POST", "/v1/Services",
             fill(b'{"friendly_name":"x","self":"' + SERVICE.encode() + b'","twilio/text":"', b"x", b'"}', size),
             JSON, []),
            ("a long string of escapes", label, "POST", "/v1/Services",
             fill(b'{"friendly_name":"x","self":"' + SERVICE.encode() + b'","twilio/text":"', b"\\u00e9", b'"}',
                  size), JSON, []),
            ("a long number", label, "POST", "/v1/Services",
             fill(b'{"friendly_name":"x","self":"' + SERVICE.encode() + b'","metadata":', b"7", b"}", size),
             JSON, []),
            ("many form fields", label, "POST", f"/classes/in/{ACCOUNT}",
             class_form() + fill(b"", b"&F=1", b"", size), FORM, []),
            ("one form array of many values", label, "POST", f"/classes/in/{ACCOUNT}",
             class_form() + fill(b"", b"&Tags=t", b"", size), FORM, []),
            ("percent-escapes in a form field", label, "POST", f"/classes/in/{ACCOUNT}",
             fill(class_form() + b"&connection=", b"%C3%A9", b"", size), FORM, []),
            ("a long path", label, "GET", "/v1/Services/" + "p" * size, None, None, []),
            # On a fetch: a list would answer the classes the form creates above have stored.
            ("a long query of escapes", label, "GET", f"/v1/Services/{SERVICE}?uri=" + "%41" * (size // 3), None,
             None, []),
            ("a query of many fields", label, "GET", f"/v1/Services/{SERVICE}?" + "a=1&" * (size // 4), None, None,
             []),
            ("a long header", label, "GET", f"/v1/Services/{SERVICE}", None, None, ["X-Long: " + "h" * size]),
        ]
    for date in ("9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00.999999999Z"):
        table.append((f"a date: {date}", "", "POST", "/v1/Services", service({"starts": date}), JSON, []))
    return table


def measure(client, pid, raw, head, requests, rounds):
    status = client.send(raw, head)[0]
    figures = []
    for _ in range(rounds):
        before = serverprobe.cpu_ns(pid)
        for _ in range(requests):
            client.send(raw, head)
        figures.append((serverprobe.cpu_ns(pid) - before) / requests / 1000)  # µs
    return status, statistics.median(figures), min(figures), max(figures)


def latencies(port, raw, seconds):
    client = serverprobe.Client(port)
    times = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        start = time.perf_counter()
        client.send(raw)
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.002)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))], len(times)


def wrk_script(method, target, body, content_type):
    """A wrk script that sends one request in a loop."""
    headers = {"Authorization": AUTH.split(": ", 1)[1]}
    if content_type:
        headers["Content-Type"] = content_type
    lua = (f"wrk.method = {json.dumps(method)}\nwrk.path = {json.dumps(target)}\n"
           f"wrk.body = {json.dumps((body or b'').decode('latin-1'))}\n"
           + "".join(f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}\n" for k, v in headers.items()))
    file = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    file.write(lua)
    file.close()
    return file.name


def under_load(port, fetch, load, seconds):
    """The fetch's latencies while wrk sends `load` on 8 connections (one thread)."""
    if load is None:
        return latencies(port, fetch, seconds) + (None,)
    script = wrk_script(*load)
    wrk = subprocess.Popen(["wrk", "-t1", "-c8", f"-d{int(seconds) + 2}s", "-s", script, f"http://127.0.0.1:{port}"],
                           stdout=subprocess.PIPE, text=True)
    time.sleep(1)
    result = latencies(port, fetch, seconds)
    output = wrk.communicate()[0]
    os.unlink(script)
    rate = next((line.split()[1] for line in output.splitlines() if line.startswith("Requests/sec")), "?")
    return result + (rate,)


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor())
    memory = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    return f"{model}, {os.cpu_count()} cores, {memory / 1024 / 1024:.1f} GiB, {platform.system()}, {swift}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default=".build/release/landmine-server")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--results", help="write the tables here as markdown")
    arguments = parser.parse_args()

    port = serverprobe.free_port()
    process = serverprobe.start([arguments.server, "--port", str(port), "--account-sid", ACCOUNT,
                                 "--auth-token", TOKEN, "--log-level", "warning"], port)
    lines = []
    try:
        client = serverprobe.Client(port)
        rows = []
        for name, size, method, target, body, content_type, headers in cases():
            raw = serverprobe.request_bytes(method, target, body, content_type, [AUTH] + headers)
            assert len(raw) <= 64 * KB, f"{name} {size}: {len(raw)} bytes"
            status, median, low, high = measure(client, process.pid, raw, method == "HEAD",
                                                arguments.requests, arguments.rounds)
            rows.append((name, size, len(raw), status, median, low, high, (method, target, body, content_type)))
            print(f"  {name} {size}: {status}, {median:.1f} µs", file=sys.stderr)
        baseline = rows[0][4]
        hostile = [row for row in rows[3:]]
        worst = max(hostile, key=lambda row: row[4])
        lines += [
            "| request | size | bytes | status | CPU µs, median (range) | × valid create |",
            "|---|---|---|---|---|---|",
        ]
        for name, size, length, status, median, low, high, _ in rows:
            lines.append(f"| {name} | {size} | {length} | {status} | {median:.1f} ({low:.1f}–{high:.1f}) "
                         f"| {median / baseline:.2f} |")
        ratio = worst[4] / baseline
        lines += ["", f"Costliest: {worst[0]} {worst[1]}, {ratio:.2f}× a valid create "
                      f"(goal ≤ 10×: {'met' if ratio <= 10 else 'NOT met'})."]

        fetch = serverprobe.request_bytes("GET", f"/v1/Services/{SERVICE}", None, None, [AUTH])
        valid = rows[0][7]
        loads = [("idle", None), ("8 clients of valid creates", valid),
                 (f"8 clients of the costliest ({worst[0]} {worst[1]})", worst[7])]
        lines += ["", "| an unrelated GET, while | p50 ms | p99 ms | GETs | load requests/s |", "|---|---|---|---|---|"]
        figures = {}
        for label, load in loads:
            p50, p99, count, rate = under_load(port, fetch, load, arguments.seconds)
            figures[label] = p99
            lines.append(f"| {label} | {p50:.2f} | {p99:.2f} | {count} | {rate or '—'} |")
            print(f"  GET while {label}: p50 {p50:.2f} ms, p99 {p99:.2f} ms", file=sys.stderr)
        p99_valid, p99_worst = figures[loads[1][0]], figures[loads[2][0]]
        lines += ["", f"p99 under the costliest body: {p99_worst / p99_valid:.2f}× that under valid creates, "
                      f"{p99_worst / figures['idle']:.2f}× idle (goal ≤ 2× of valid creates: "
                      f"{'met' if p99_worst <= 2 * p99_valid else 'NOT met'})."]
    finally:
        process.terminate()
        process.wait(timeout=10)
    header = [
        "# What a request costs the server",
        "",
        f"Written by Benchmarks/cost/cost.py on {time.strftime('%Y-%m-%d')}: {arguments.server}, {machine()}. "
        f"CPU is the server's (every thread, from the scheduler's statistics), per request, "
        f"{arguments.requests} requests a round on one keep-alive connection, {arguments.rounds} rounds. "
        f"The GET is sent one at a time, 2 ms apart, for {arguments.seconds:g} s; wrk sends the load "
        "on 8 connections from one thread, on the same 2 cores.",
        "",
    ]
    text = "\n".join(header + lines) + "\n"
    print(text)
    if arguments.results:
        with open(arguments.results, "w") as file:
            file.write(text)


if __name__ == "__main__":
    main()
