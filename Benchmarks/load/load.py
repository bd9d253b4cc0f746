#!/usr/bin/env python3
"""Load and races against the local SIP Domain server (sipdomain-server), from outside.

1. 50 concurrent creates with distinct names: 50 answers of 201, 50 distinct SIDs, all listed.
2. 20 concurrent creates of one name: exactly one 201, the others 400 (error 21231).
3. wrk for --seconds (60 by default) over a mix of create, fetch, list, update and delete
   (mix.lua): no 5xx answer and no socket error; the server's resident memory is read before,
   right after, and after a second, equal round, which must not keep growing.

Prints each figure and exits 1 when a check fails. Not a test: run it by hand.

    Benchmarks/load/load.py [--server .build/release/sipdomain-server] [--seconds 60]
"""
import argparse
import base64
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

ACCOUNT = "AC0123456789abcdef0123456789abcdef"
TOKEN = "load-token"
AUTHORIZATION = "Basic " + base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode()
DOMAINS = f"/2010-04-01/Accounts/{ACCOUNT}/SIP/Domains"


def request(port, method, path, form=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": AUTHORIZATION}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, json.loads(data) if data else None


def concurrently(count, action):
    """Runs `action(index)` on `count` threads released at once; returns the results in order."""
    results = [None] * count
    barrier = threading.Barrier(count)

    def run(index):
        barrier.wait()
        try:
            results[index] = action(index)
        except Exception as error:  # a dropped connection is a result too
            results[index] = ("error", repr(error))

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def listed(port):
    sids, path = [], f"{DOMAINS}.json?PageSize=1000"
    while path:
        status, page = request(port, "GET", path)
        assert status == 200, (status, page)
        sids += [domain["sid"] for domain in page["domains"]]
        path = page["next_page_uri"]
    return sids


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        return int(re.search(r"VmRSS:\s+(\d+)", status.read()).group(1))


def wrk(port, seconds):
    environment = dict(os.environ, LOAD_ACCOUNT=ACCOUNT,
                       LOAD_CREDENTIALS=base64.b64encode(f"{ACCOUNT}:{TOKEN}".encode()).decode())
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mix.lua")
    output = subprocess.run(
        ["wrk", "-t2", "-c32", f"-d{seconds}s", "-s", script, f"http://127.0.0.1:{port}"],
        env=environment, capture_output=True, text=True, check=True).stdout
    mix = re.search(r"mix: 5xx=(\d+) socket_errors=(\d+) requests=(\d+)", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    return int(mix.group(1)), int(mix.group(2)), int(mix.group(3)), float(rate.group(1))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default=".build/release/sipdomain-server")
    parser.add_argument("--seconds", type=int, default=60)
    arguments = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("load: wrk is missing (Debian package wrk)")

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([arguments.server, "--port", str(port), "--account-sid", ACCOUNT,
                               "--auth-token", TOKEN, "--log-level", "warning"])
    failures = []

    def check(condition, what):
        print(("ok    " if condition else "FAIL  ") + what)
        if not condition:
            failures.append(what)

    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), 1).close()
                break
            except OSError:
                time.sleep(0.1)

        results = concurrently(50, lambda index: request(
            port, "POST", f"{DOMAINS}.json", {"DomainName": f"race-{index}.sip.twilio.com"}))
        sids = {body["sid"] for status, body in results if status == 201}
        check(all(status == 201 for status, _ in results), "50 concurrent creates with distinct names: 50 × 201")
        check(len(sids) == 50, f"50 distinct SIDs ({len(sids)})")
        check(sids <= set(listed(port)), "all 50 listed")

        results = concurrently(20, lambda index: request(
            port, "POST", f"{DOMAINS}.json", {"DomainName": "same.sip.twilio.com"}))
        statuses = sorted(status for status, _ in results)
        check(statuses.count(201) == 1, f"20 concurrent creates of one name: exactly one 201 ({statuses.count(201)})")
        check(all(status == 201 or (status == 400 and body["code"] == 21231) for status, body in results),
              "the other 19: 400 with error 21231")

        before = resident_kib(server.pid)
        server_errors, socket_errors, requests, rate = wrk(port, arguments.seconds)
        after_first = resident_kib(server.pid)
        check(server_errors == 0, f"wrk {arguments.seconds} s mix: 0 responses of 5xx ({server_errors} of {requests})")
        check(socket_errors == 0, f"wrk {arguments.seconds} s mix: 0 socket errors ({socket_errors}); {rate:.0f} req/s")
        server_errors, socket_errors, requests, rate = wrk(port, arguments.seconds)
        time.sleep(2)
        after_second = resident_kib(server.pid)
        check(server_errors == 0 and socket_errors == 0, f"second round: 0 × 5xx, 0 socket errors; {rate:.0f} req/s")
        growth = after_second - after_first
        print(f"      resident memory: {before} KiB before, {after_first} KiB after one round, "
              f"{after_second} KiB after two ({growth:+d} KiB in the second)")
        check(growth < max(after_first // 10, 4096), "memory flat: the second round grows it by under 10%")
        check(server.poll() is None, "the server is still running")
    finally:
        server.terminate()
        server.wait()
    print(f"load: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
