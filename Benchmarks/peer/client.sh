#!/usr/bin/env bash
# gen's generated client against swift-openapi-generator's (1.14.3), for Twilio's SIP Domain
# resource, each on an in-memory transport that answers the same bytes, status and headers, so
# that what is timed is each client's own work:
#   list    one list call of 1000 domains (a 1.2 MB page): building the request, decoding the page
#   fetch   one fetch of a domain: building the request, decoding the answer (1.2 KB)
#   create  one create with a form of seven fields: the request, its form body, the answer
# Steps:
#   1. swift-openapi-generator's CLI: $PEER_GENERATOR, or built in release in .build/peer/generator
#      (as Benchmarks/peer/run.sh does)
#   2. gen, release; `gen --only models,client` of Specs/SipDomain.yaml (renamed PeerSipDomain),
#      and swift-openapi-generator's types and client of Twilio's description
#      (Tests/Fixtures/Twilio/sip-domain.openapi.yaml, namingStrategy idiomatic), into the package
#      .build/peer/client (Benchmarks/peer/client/Package.swift.in), with the hand-written
#      transports and benchmark of Benchmarks/peer/client/Sources
#   3. a release build; `ClientBenchmark check`: both decode every field of the fixture as
#      expected, and send the same request (printed, with what differs)
#   4. `ClientBenchmark bench` REPEATS times (each a new process): the two clients alternate,
#      list calls timed one by one, fetches and creates in rounds of many calls (ns per call);
#      then `ClientBenchmark http`, the same over loopback HTTP: both clients on AsyncHTTPClient
#      (gen's transport, swift-openapi-async-http-client's), one client and one local NIO server;
#      and gen's client on its default transport, URLSessionTransport, in rows of its own
#   5. medians, quartiles and extremes of all samples; writes .build/peer/client.json (rows: gen,
#      peer, ratio, unit, iterations) and prints the table
# With --callgrind it also counts instructions per call with valgrind (steady on a noisy machine).
#
#   Benchmarks/peer/client.sh                3 processes × (50 list calls, 31 rounds of 2000 calls),
#                                            over HTTP 3 × (30 list calls, 15 rounds of 500 calls)
#   Benchmarks/peer/client.sh --quick        1 process × (5 list calls, 5 rounds of 200 calls), and
#                                            over HTTP (3 list calls, 3 rounds of 50 calls)
#   Benchmarks/peer/client.sh --callgrind    also instructions per call in memory (valgrind)
#   Benchmarks/peer/client.sh --no-http      in memory only
#   REPEATS=5 Benchmarks/peer/client.sh      5 processes
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
quick=false
callgrind=false
no_http=false
for argument in "$@"; do
    case $argument in
        --quick) quick=true ;;
        --callgrind) callgrind=true ;;
        --no-http) no_http=true ;;
        *) echo "usage: $0 [--quick] [--callgrind] [--no-http]" >&2; exit 2 ;;
    esac
done
if $quick; then
    repeats=${REPEATS:-1} runs=5 rounds=5 calls=200 http_runs=3 http_rounds=3 http_calls=50
else
    repeats=${REPEATS:-3} runs=50 rounds=31 calls=2000 http_runs=30 http_rounds=15 http_calls=500
fi
work=$root/.build/peer
package=$work/client
mkdir -p "$package"

# Copies the files of $1 into $2, leaving files with the same bytes untouched (so that SwiftPM
# rebuilds only what changed), and removes from $2 what $1 does not have.
sync_dir() {
    local from=$1 to=$2 file
    mkdir -p "$to"
    (cd "$from" && find . -type f) | while read -r file; do
        mkdir -p "$(dirname "$to/$file")"
        cmp -s "$from/$file" "$to/$file" || cp "$from/$file" "$to/$file"
    done
    (cd "$to" && find . -type f) | while read -r file; do
        [ -e "$from/$file" ] || rm "$to/$file"
    done
}

echo "1. swift-openapi-generator" >&2
source Benchmarks/peer/generator.sh
# The CLI prints no version: the one its package resolved, when it was built by SwiftPM.
peer_version=$(python3 -c '
import json, sys
try:
    pins = json.load(open(sys.argv[1]))["pins"]
    print(next(p["state"]["version"] for p in pins if p["identity"] == "swift-openapi-generator"))
except (OSError, KeyError, StopIteration, ValueError):
    print("unknown")
' "$(dirname "$(dirname "$(dirname "$peer")")")/Package.resolved")
echo "   $peer ($peer_version)" >&2

echo "2. gen, release; generating both clients" >&2
swift build -c release --product gen > "$work/client-gen-build.log" 2>&1 || { cat "$work/client-gen-build.log"; exit 1; }
gen=$(swift build -c release --show-bin-path)/gen
staging=$work/client-staging
rm -rf "$staging" && mkdir -p "$staging/spec" "$staging/Generated/PeerSipDomainOpenAPI"
sed 's/^name: SipDomain$/name: PeerSipDomain/' Specs/SipDomain.yaml > "$staging/spec/PeerSipDomain.yaml"
"$gen" --spec "$staging/spec/PeerSipDomain.yaml" --output "$staging/Generated" --only models,client > /dev/null
peer_config "$staging/openapi-generator-config.yaml" public types client
"$peer" generate Tests/Fixtures/Twilio/sip-domain.openapi.yaml --config "$staging/openapi-generator-config.yaml" \
    --output-directory "$staging/Generated/PeerSipDomainOpenAPI" > "$staging/peer-generate.log" 2>&1 \
    || { cat "$staging/peer-generate.log"; exit 1; }
sync_dir "$staging/Generated" "$package/Generated"
sync_dir Benchmarks/peer/client/Sources "$package/Sources"
sed "s|@ROOT@|$root|" Benchmarks/peer/client/Package.swift.in > "$staging/Package.swift"
cmp -s "$staging/Package.swift" "$package/Package.swift" || cp "$staging/Package.swift" "$package/Package.swift"

echo "3. release build of the benchmark; checking what both decode and send" >&2
swift build -c release --package-path "$package" --product ClientBenchmark > "$work/client-build.log" 2>&1 \
    || { cat "$work/client-build.log"; exit 1; }
# Warnings in the generated or hand-written code (not in the dependencies).
grep -E "^$package/(Generated|Sources)/.*warning:" "$work/client-build.log" >&2 || true
bench=$(swift build -c release --package-path "$package" --show-bin-path)/ClientBenchmark
"$bench" check > "$work/client-check.txt" || { cat "$work/client-check.txt"; exit 1; }
grep -E "^(gen|peer):|check ok|only gen sends|create forms" "$work/client-check.txt" | sed 's/^/   /' >&2

echo "4. timing, $repeats process(es): $runs list calls, $rounds rounds of $calls fetches and creates each" >&2
samples=$work/client-samples.txt
: > "$samples"
for repeat in $(seq "$repeats"); do
    "$bench" bench "$runs" "$rounds" "$calls" >> "$samples"
    echo "   run $repeat done" >&2
done
http_samples=$work/client-http-samples.txt
: > "$http_samples"
if ! $no_http; then
    echo "   over loopback HTTP, $repeats process(es): $http_runs list calls, $http_rounds rounds of $http_calls" >&2
    for repeat in $(seq "$repeats"); do
        "$bench" http "$http_runs" "$http_rounds" "$http_calls" >> "$http_samples"
    done
fi

callgrind_file=$work/client-callgrind.txt
: > "$callgrind_file"
if $callgrind; then
    command -v valgrind > /dev/null || { apt-get install -y valgrind > /dev/null 2>&1 || true; }
    echo "5. instructions per call (valgrind --tool=callgrind; calls N and 2N, the difference / N)" >&2
    # Valgrind 3.19 cannot read the DWARF 5 that Swift writes: a copy without it, symbols kept.
    objcopy --strip-debug "$bench" "$work/client-ClientBenchmark-nodebug"
    for operation in list fetch create; do
        n=$([ "$operation" = list ] && echo 5 || echo 500)
        for side in gen peer; do
            counts=()
            for count in "$n" $((2 * n)); do
                out=$work/client-callgrind.out
                valgrind --tool=callgrind --callgrind-out-file="$out" "$work/client-ClientBenchmark-nodebug" loop "$side" "$operation" "$count" \
                    > /dev/null 2> "$work/client-valgrind.log"
                counts+=("$(grep -E '^(summary|totals):' "$out" | head -1 | awk '{print $2}')")
            done
            echo "$side $operation $n ${counts[0]} ${counts[1]}" >> "$callgrind_file"
        done
    done
fi

python3 - "$samples" "$http_samples" "$callgrind_file" "$work/client.json" "$quick" "$peer_version" << 'PYTHON'
import json, os, platform, subprocess, sys
samples_path, http_samples_path, callgrind_path, out_path, quick, peer_version = sys.argv[1:7]

def load(path):
    samples, runs = {}, {}
    for line in open(path):
        key, value = line.split(None, 1)
        if key.endswith("_samples"):
            samples.setdefault(key[: -len("_samples")], []).extend(float(v) for v in value.split(","))
        elif key.endswith("_median"):
            runs.setdefault(key[: -len("_median")], []).append(float(value))
        elif key in ("page_bytes", "domain_bytes", "runs", "rounds", "calls"):
            runs[key] = int(value)
    return samples, runs

def quantile(values, q):
    values = sorted(values)
    position = q * (len(values) - 1)
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)

def rows_of(samples, runs, transport, gen_side="gen"):
    def summary(key):
        values = samples[key]
        return {"median": quantile(values, 0.5), "p25": quantile(values, 0.25), "p75": quantile(values, 0.75),
                "min": min(values), "max": max(values), "n": len(values), "process_medians": runs.get(key, [])}
    processes = len(runs.get("gen_list_cpu_ms", []))
    measures = [
        ("list", "list call, 1000 domains (%d bytes)" % runs["page_bytes"], "ms",
         "%d calls × %d processes" % (runs["runs"], processes)),
        ("fetch", "fetch, 1 domain (%d bytes)" % runs["domain_bytes"], "ns",
         "%d rounds of %d calls × %d processes" % (runs["rounds"], runs["calls"], processes)),
        ("create", "create, form of 7 fields", "ns",
         "%d rounds of %d calls × %d processes" % (runs["rounds"], runs["calls"], processes)),
    ]
    rows = []
    for clock in ("cpu", "wall"):
        for operation, label, unit, iterations in measures:
            gen = summary("%s_%s_%s_%s" % (gen_side, operation, clock, unit))
            peer = summary("peer_%s_%s_%s" % (operation, clock, unit))
            rows.append({"measure": "%s, %s, %s time" % (label, transport, "CPU" if clock == "cpu" else "wall"),
                         "operation": operation, "transport": transport, "clock": clock,
                         "unit": unit if unit == "ms" else "ns/call", "iterations": iterations,
                         "gen": gen["median"], "peer": peer["median"], "ratio": gen["median"] / peer["median"],
                         "gen_spread": gen, "peer_spread": peer})
    return rows

rows = rows_of(*load(samples_path), "in memory")
if os.path.getsize(http_samples_path) > 0:
    rows += rows_of(*load(http_samples_path), "loopback HTTP")
    # gen's default transport, URLSession (FoundationNetworking on Linux), against the same peer.
    rows += rows_of(*load(http_samples_path), "loopback HTTP, gen on URLSessionTransport", "genurlsession")

instructions = []
for line in open(callgrind_path):
    side, operation, n, first, second = line.split()
    instructions.append((side, operation, (int(second) - int(first)) / int(n)))
for operation in ("list", "fetch", "create"):
    per_call = {side: value for side, op, value in instructions if op == operation}
    if len(per_call) == 2:
        rows.append({"measure": "%s, in memory, instructions per call" % operation, "operation": operation,
                     "transport": "in memory", "clock": "instructions", "unit": "instructions", "iterations": "callgrind, calls N and 2N",
                     "gen": per_call["gen"], "peer": per_call["peer"],
                     "ratio": per_call["gen"] / per_call["peer"]})

def command(*arguments):
    try:
        return subprocess.run(arguments, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""

cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
memory = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
result = {
    "date": command("date", "-u", "+%Y-%m-%dT%H:%M:%SZ"), "quick": quick == "true",
    "machine": {"nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(int(memory) / 2**20, 1),
                "system": platform.platform(), "swift": command("swift", "--version").splitlines()[0]},
    "peer": {"generator": "swift-openapi-generator " + peer_version, "config": {
        "generate": ["types", "client"], "accessModifier": "public", "namingStrategy": "idiomatic"}},
    "rows": rows,
}
with open(out_path, "w") as file:
    json.dump(result, file, indent=2)
    file.write("\n")

def number(value, unit):
    if unit == "ms":
        return "%.2f" % value
    return "{:,.0f}".format(value)

print("| measure | gen | swift-openapi-generator | gen / peer | unit | spread gen (p25–p75) | spread peer (p25–p75) | iterations |")
print("|---|---|---|---|---|---|---|---|")
for row in rows:
    spread = lambda s: "%s–%s" % (number(s["p25"], row["unit"]), number(s["p75"], row["unit"])) if s else ""
    print("| %s | %s | %s | %.2f× | %s | %s | %s | %s |" % (
        row["measure"], number(row["gen"], row["unit"]), number(row["peer"], row["unit"]), row["ratio"],
        row["unit"], spread(row.get("gen_spread")), spread(row.get("peer_spread")), row["iterations"]))
print("\nwritten to %s" % out_path)
PYTHON
