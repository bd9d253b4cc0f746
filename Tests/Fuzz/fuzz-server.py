#!/usr/bin/env python3
"""Sends hostile requests to a built local server over raw sockets and checks each answer.

The servers are `sipdomain-server` (the SIP Domain API over memory) and `landmine-server` (the
landmine spec's generated server over Tests/LandmineBackend). Each is started on a free port
with known credentials, then sent requests of the kinds that once cost a server seconds of CPU
or got an answer without Twilio's error JSON:

- JSON nested deeper than the limit of 64 levels, in a JSON body, in a form field that holds
  JSON text, in a body sent to a form route and in a body sent to a GET;
- dates at and beyond the edges of the years 0001 to 9999, moved by extreme offsets, in a JSON
  body, a form field and a query;
- request lines and headers over the 80 KiB the server reads, methods HTTP does not have,
  bytes that are not HTTP;
- HEAD on GET routes, empty Basic credentials, many form fields, long numbers and strings,
  broken percent-escapes.

Every answer must have the status the case expects and, unless it is the answer to a HEAD,
Twilio's error JSON (`code`, `message`, `more_info`, `status`) for a 4xx or 5xx; a date the
server accepts must come back in a form its own format reads. The server must still be running
at the end. No case asserts a time: the CPU a request costs is measured by Benchmarks/cost/.

A failure prints its seed, index and the request's first bytes; `--seed S --only I` replays one
case. Standard library only.

    python3 Tests/Fuzz/fuzz-server.py --server .build/debug/sipdomain-server --seed 1 --cases 200
    python3 Tests/Fuzz/fuzz-server.py --server .build/debug/landmine-server --seed 1 --cases 200
"""

import argparse
import base64
import json
import os
import random
import re
import socket
import subprocess
import sys
import time
import urllib.parse

ACCOUNT = "AC0123456789abcdef0123456789abcdef"
TOKEN = "fuzz-token"
XX_SID = "XX0123456789abcdef0123456789abcdef"
DEPTH_LIMIT = 64
ERROR_MEMBERS = {"code", "message", "more_info", "status"}
ISO_WRITTEN = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$")
RFC2822_WRITTEN = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                             r"\d{4} \d\d:\d\d:\d\d \+0000$")
FORM = "application/x-www-form-urlencoded"


# MARK: HTTP over a socket


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name.lower())


def send(port, raw, timeout=20):
    """Sends `raw` bytes on a new connection and reads the answer until the server closes it."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        try:
            connection.sendall(raw)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before it has read everything
        data = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    match = re.match(r"HTTP/1\.1 (\d{3}) ", lines[0] + " ")
    if not match:
        raise AssertionError(f"no HTTP answer: {data[:200]!r}")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(int(match.group(1)), headers, body)


def request(method, target, body=None, content_type=None, authorization=None, headers=()):
    """The bytes of one request, with `Connection: close` so that the answer ends the stream."""
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    if authorization is not None:
        lines.append(f"Authorization: {authorization}")
    if body is not None:
        lines.append(f"Content-Type: {content_type or FORM}")
        lines.append(f"Content-Length: {len(body)}")
    lines.extend(headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b"")


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


# MARK: Values


def nested(rng, depth):
    """JSON of exactly `depth` levels of arrays and objects, mixed."""
    text = "1"
    for _ in range(depth):
        text = f'{{"a":{text}}}' if rng.random() < 0.5 else f"[{text}]"
    return text


def extreme_iso(rng):
    """An ISO 8601 text on or next to the first or the last day the format has, and whether the
    server reads it: on 0001-01-01 and 9999-12-31 in UTC only, elsewhere with any offset (which
    then cannot move it out of the years 0001 to 9999); fractions are cut to the millisecond."""
    day = rng.choice(["0001-01-01", "9999-12-31", "0001-01-02", "9999-12-30"])
    clock = rng.choice(["00:00:00", "00:30:00", "23:59:59"])
    fraction = rng.choice(["", ".9996", ".0004", ".5", ".999999999"])
    offset_minutes = rng.choice([0, 1, 59, 23 * 60 + 59, rng.randrange(24 * 60)])
    sign = rng.choice(["+", "-"])
    offset = rng.choice(["Z", f"{sign}00:00"]) if offset_minutes == 0 else (
        f"{sign}{offset_minutes // 60:02d}:{offset_minutes % 60:02d}")
    in_range = offset_minutes == 0 or day not in ("0001-01-01", "9999-12-31")
    return f"{day}T{clock}{fraction}{offset}", in_range


def extreme_rfc2822(rng):
    """An RFC 2822 text in or out of the years 1000 to 9999, and whether it is in range."""
    year = rng.choice([999, 1000, 9999, 10000, 1, 2024])
    day = rng.choice(["01 Jan", "31 Dec", "30 Feb", "29 Feb", "31 Apr"])
    offset = rng.choice(["+0000", "-2359", "+2359", "GMT"])
    text = f"{day} {year} 12:00:00 {offset}"
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    valid_day = day not in ("30 Feb", "31 Apr") and (day != "29 Feb" or leap)
    return text, 1000 <= year <= 9999 and valid_day


# MARK: Cases


class Case:
    """A request, the statuses it may get, and what else its answer must satisfy."""

    def __init__(self, name, raw, statuses, check=None, head=False):
        self.name = name
        self.raw = raw
        self.statuses = statuses
        self.check = check
        self.head = head


def message_contains(text):
    def check(answer):
        message = json.loads(answer.body).get("message", "")
        if text not in message:
            raise AssertionError(f"the message {message!r} does not say {text!r}")
    return check


def written_as(pattern, member):
    def check(answer):
        if answer.status >= 300:
            return
        value = json.loads(answer.body).get(member)
        if value is not None and not pattern.match(value):
            raise AssertionError(f"{member} {value!r} is not written as the format reads it")
    return check


def common_cases(rng, get_path, form_path, auth):
    """Kinds of request every server is judged on."""
    depth = rng.choice([DEPTH_LIMIT + 1, 100, 512, 2000, rng.randrange(DEPTH_LIMIT + 1, 20000)])
    deep = nested(rng, depth).encode()
    long = rng.choice([81 * 1024, 100 * 1024, 300 * 1024])
    method = rng.choice(["FOO", "BREW", "GETT", "PROPFIND2", "get"])
    return [
        Case("a deep JSON body to a form route", request("POST", form_path, deep, "application/json", auth),
             {415}),
        Case("a deep JSON body to a GET", request("GET", get_path, deep, "application/json", auth), {400},
             message_contains("takes no request body")),
        Case("a long request line", request("GET", get_path + "?x=" + "a" * long, authorization=auth), {431}),
        Case("a long path", request("GET", "/" + "p" * long, authorization=auth), {431}),
        Case("a long header", request("GET", get_path, authorization=auth, headers=[f"X-Long: {'h' * long}"]),
             {431}),
        Case("many headers", request("GET", get_path, authorization=auth,
                                     headers=[f"X-{i}: {i}" for i in range(rng.choice([2000, 10000]))]), {431}),
        Case("a method HTTP does not have", request(method, get_path, authorization=auth), {501, 400}),
        Case("bytes that are not HTTP", bytes(rng.randrange(256) for _ in range(64)) + b"\r\n\r\n", {400, 501}),
        Case("HEAD on a GET route", request("HEAD", get_path, authorization=auth), {200}, head=True),
        Case("HEAD on no route", request("HEAD", "/nothing/" + "n" * rng.randrange(1, 100), authorization=auth),
             {404}, head=True),
        Case("empty Basic credentials", request("GET", get_path, authorization="Basic Og=="), {401}),
        Case("an empty password", request("GET", get_path, authorization=basic(ACCOUNT, "")), {401}),
        Case("an empty username", request("GET", get_path, authorization=basic("", TOKEN)), {401}),
        Case("Basic credentials that are not base64",
             request("GET", get_path, authorization="Basic " + "%" * rng.randrange(1, 300)), {401}),
        Case("many form fields", request("POST", form_path, "&".join(
            f"F{i}={i}" for i in range(rng.choice([1000, 20000]))).encode(), FORM, auth), {400, 413}),
        Case("broken percent-escapes", request("POST", form_path, rng.choice(
            [b"FriendlyName=%", b"FriendlyName=%zz", b"%%%%=%%", b"FriendlyName=%C3%28", b"a=" + b"%" * 30000]),
            FORM, auth), {400}),
        Case("a long query of escapes", request("GET", get_path + "?PageSize=" + "%31" * 20000, authorization=auth),
             {400}),
    ]


def sipdomain_cases(rng):
    auth = basic(ACCOUNT, TOKEN)
    domains = f"/2010-04-01/Accounts/{ACCOUNT}/SIP/Domains.json"
    cases = common_cases(rng, domains, domains, auth)
    digits = "9" * rng.choice([1000, 60000])
    cases += [
        Case("a long number", request("GET", f"{domains}?PageSize={digits}", authorization=auth), {400}),
        Case("a long string", request("POST", domains, ("FriendlyName=" + "x" * 60000).encode(), FORM, auth),
             {400}),
        Case("the same field many times", request("POST", domains, ("VoiceUrl=x&" * 5000).encode(), FORM, auth),
             {400, 201}),
    ]
    return cases


def landmine_cases(rng):
    auth = basic(ACCOUNT, TOKEN)
    services = "/v1/Services"
    classes = "/classes"
    create_class = f"/classes/in/{ACCOUNT}"
    cases = common_cases(rng, classes, create_class, auth)
    depth = rng.choice([DEPTH_LIMIT + 1, 600, rng.randrange(DEPTH_LIMIT + 1, 20000)])
    fine = rng.randrange(1, DEPTH_LIMIT)
    iso, iso_in_range = extreme_iso(rng)
    rfc, rfc_in_range = extreme_rfc2822(rng)
    class_form = {"class": "c", "return": XX_SID, "Callers": ACCOUNT}

    def class_body(**extra):
        return urllib.parse.urlencode({**class_form, **extra}).encode()

    def service(members):
        return json.dumps({"friendly_name": "fuzz", **members}).encode()

    cases += [
        Case("a JSON body nested too deep", request(
            "POST", services, b'{"friendly_name":"x","metadata":' + nested(rng, depth).encode() + b"}",
            "application/json", auth), {400}, message_contains(f"nest deeper than {DEPTH_LIMIT} levels")),
        Case("a JSON body nested within the limit", request(
            "POST", services, b'{"friendly_name":"x","metadata":' + nested(rng, fine).encode() + b"}",
            "application/json", auth), {201}),
        Case("the deep body of the report", request(
            "POST", services, ('{"zzz":' + '{"a":' * 510 + "1" + "}" * 511).encode(), "application/json", auth),
            {400}, message_contains("nest deeper")),
        Case("deep JSON text in a form field", request(
            "POST", create_class, class_body(Routing=nested(rng, depth)), FORM, auth), {400},
            message_contains(f"nest deeper than {DEPTH_LIMIT} levels")),
        Case("a JSON body to a JSON route as text/plain", request(
            "POST", services, service({}), "text/plain", auth), {415}),
        Case("a form body to a JSON route", request("POST", services, b"friendly_name=x", FORM, auth), {415}),
        Case(f"an ISO date {iso} in a JSON body", request(
            "POST", services, service({"starts": iso}), "application/json", auth),
            {201} if iso_in_range else {400}),
        Case(f"an ISO date {iso} in a query", request(
            "GET", classes + "?StartTime=" + urllib.parse.quote(iso), authorization=auth),
            {200} if iso_in_range else {400}),
        Case(f"an RFC 2822 date {rfc} in a form field", request(
            "POST", create_class, class_body(protocol=rfc), FORM, auth),
            {201} if rfc_in_range else {400}, written_as(RFC2822_WRITTEN, "where")),
        Case("a long number in JSON", request(
            "POST", services, b'{"friendly_name":"x","body":' + b"1" * rng.choice([400, 60000]) + b"}",
            "application/json", auth), {400}),
        Case("a long exponent in JSON", request(
            "POST", services, b'{"friendly_name":"x","metadata":1e' + b"9" * 30000 + b"}", "application/json", auth),
            {400}),
        Case("many keys in JSON", request(
            "POST", services, ("{" + ",".join(f'"k{i}":{i}' for i in range(8000)) + ',"friendly_name":"x"}')
            .encode(), "application/json", auth), {201}),
        Case("a long string in JSON", request(
            "POST", services, b'{"friendly_name":"' + b"\\u00e9" * 10000 + b'"}', "application/json", auth),
            {400}),
        Case("a wide array in JSON", request(
            "POST", services, b'{"friendly_name":"x","filters":[' + b",".join([b"[]"] * 20000) + b"]}",
            "application/json", auth), {201}),
    ]
    return cases


# MARK: Running


def check(case, answer):
    if answer.status not in case.statuses:
        raise AssertionError(f"status {answer.status}, expected one of {sorted(case.statuses)}: {answer.body[:300]!r}")
    if case.head:
        if answer.body:
            raise AssertionError(f"HEAD answered with a body: {answer.body[:100]!r}")
        return
    if answer.status >= 400:
        if answer.header("content-type") != "application/json":
            raise AssertionError(f"the error's Content-Type is {answer.header('content-type')!r}")
        error = json.loads(answer.body)
        if set(error) != ERROR_MEMBERS or error["status"] != answer.status:
            raise AssertionError(f"not Twilio's error JSON: {answer.body[:300]!r}")
    if case.check:
        case.check(answer)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="path of sipdomain-server or landmine-server")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=200, help="rounds of the cases, each drawn anew")
    parser.add_argument("--only", type=int, help="replay one round")
    arguments = parser.parse_args()

    kind = os.path.basename(arguments.server)
    make = {"sipdomain-server": sipdomain_cases, "landmine-server": landmine_cases}.get(kind)
    if make is None:
        sys.exit(f"fuzz-server: {arguments.server} is neither sipdomain-server nor landmine-server")
    port = free_port()
    server = subprocess.Popen(
        [arguments.server, "--port", str(port), "--account-sid", ACCOUNT, "--auth-token", TOKEN,
         "--log-level", "warning"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                time.sleep(0.1)
        failures = 0
        sent = 0
        rounds = [arguments.only] if arguments.only is not None else range(arguments.cases)
        for index in rounds:
            rng = random.Random(f"{arguments.seed}:{index}")
            for case in make(rng):
                sent += 1
                try:
                    check(case, send(port, case.raw))
                except Exception as error:  # noqa: BLE001 — every failure is reported the same way
                    failures += 1
                    print(f"FAIL seed {arguments.seed} round {index}: {case.name}: {error}\n"
                          f"    request: {case.raw[:160]!r}", file=sys.stderr)
            if server.poll() is not None:
                break
        if server.poll() is not None:
            print(f"FAIL the server stopped (exit {server.returncode}): "
                  f"{server.stderr.read().decode(errors='replace')[-2000:]}", file=sys.stderr)
            failures += 1
        print(f"fuzz-server: {kind}: {sent} requests, {failures} failures")
        sys.exit(1 if failures else 0)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
