#!/usr/bin/env python3
"""Runs a command several times and prints the medians of its wall time, CPU time (user +
system, and each apart) and peak memory (maximum resident set size) as JSON, from the kernel's
own accounting of the child (wait4), with the smallest and largest wall and CPU times of the
runs (their spread).

  measure.py RUNS [--prepare 'shell command'] [--warmup N] -- COMMAND ARGS…
"""
import json
import os
import statistics
import subprocess
import sys
import time

args = sys.argv[1:]
runs = int(args.pop(0))
prepare, warmup = None, 1
while args and args[0] != "--":
    option = args.pop(0)
    if option == "--prepare":
        prepare = args.pop(0)
    elif option == "--warmup":
        warmup = int(args.pop(0))
args.pop(0)

walls, cpus, users, systems, peaks = [], [], [], [], []
for index in range(warmup + runs):
    if prepare:
        subprocess.run(prepare, shell=True, check=True)
    start = time.perf_counter()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"measure.py: {' '.join(args)} exited with {os.waitstatus_to_exitcode(status)}")
    if index >= warmup:
        walls.append(wall)
        cpus.append(usage.ru_utime + usage.ru_stime)
        users.append(usage.ru_utime)
        systems.append(usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
print(json.dumps({
    "runs": runs,
    "wall_ms": round(statistics.median(walls) * 1000, 2),
    "cpu_ms": round(statistics.median(cpus) * 1000, 2),
    "user_ms": round(statistics.median(users) * 1000, 2),
    "system_ms": round(statistics.median(systems) * 1000, 2),
    "peak_mib": round(statistics.median(peaks), 1),
    "wall_min_ms": round(min(walls) * 1000, 2),
    "wall_max_ms": round(max(walls) * 1000, 2),
    "cpu_min_ms": round(min(cpus) * 1000, 2),
    "cpu_max_ms": round(max(cpus) * 1000, 2),
}))
