#!/usr/bin/env bash
# Measures gen and its output, in release builds, as medians over repeated runs:
#   1. gen on Specs/ (every piece): wall time and peak memory
#   2. scaling: gen on 1, 10, 50 and 200 synthetic SipDomain-shaped specs: wall and CPU time
#   3. a no-op regeneration (writes nothing) against `gen --check`
#   4. compile cost: a debug build of the generated code for 1 and 50 resources; lines per operation
#   5. server overhead: requests per second for fetch and list on the local server (the generated
#      routing) against two hand-written Hummingbird servers answering the same JSON, with wrk:
#      one answering fixed bytes, one doing the same work per request
#   6. client: decoding a 1000-item list page
# Prints a table and writes the figures as JSON to Benchmarks/results/latest.json.
#
#   Benchmarks/run.sh           everything (about 10 minutes on 2 cores)
#   Benchmarks/run.sh --quick   the smallest sizes, few runs, short loads: to see that it works
#   Benchmarks/run.sh --only server [--rounds N]
#                               one part: gen (1 to 3), compile (4), server (5) or client (6);
#                               prints its figures without writing latest.json. --rounds sets how
#                               many times the server part loads each server in turn (3).
set -euo pipefail
quick=0 only="" rounds=3
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --only) only=${2:?--only takes gen, compile, server or client}; shift ;;
        --rounds) rounds=${2:?--rounds takes a number}; shift ;;
        *) echo "usage: $0 [--quick] [--only gen|compile|server|client] [--rounds N]" >&2; exit 64 ;;
    esac
    shift
done
case "$only" in "" | gen | compile | server | client) ;; *) echo "no part named $only" >&2; exit 64 ;; esac
# Whether the run includes part $1.
part() { [ -z "$only" ] || [ "$only" = "$1" ]; }
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

if ! command -v wrk > /dev/null; then
    echo "installing wrk (Debian package)…" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk > /dev/null; else sudo apt-get install -y wrk; fi
fi

runs=$([ $quick = 1 ] && echo 3 || echo 30)
sizes=$([ $quick = 1 ] && echo "1" || echo "1 10 50 200")
compile_sizes=$([ $quick = 1 ] && echo "1" || echo "1 50")
load=$([ $quick = 1 ] && echo 2 || echo 10)

echo "building release products…" >&2
products=()
part gen || part compile && products+=(gen)
part server && products+=(sipdomain-server HandWrittenSipDomainServer)
part client && products+=(ClientDecodingBenchmark)
for product in "${products[@]}"; do
    swift build -c release --product "$product" > /dev/null
done
bin=$(swift build -c release --show-bin-path)
work=$(mktemp -d)
server_pids=()
cleanup() {
    for pid in "${server_pids[@]}"; do kill "$pid" 2> /dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
measure() { python3 Benchmarks/measure.py "$@"; }
results="$work/results.jsonl"
record() { echo "{\"name\": \"$1\", \"figures\": $2}" >> "$results"; }

# Each timed run of gen writes into a new folder: the previous output is moved aside, not
# deleted, because ext4 takes long to allocate inodes just after deleting many (up to half the
# system time of a run), which says nothing about gen. The moved folders (some 400 MB) go with
# the work folder at the end.
aside() { echo "mkdir -p $work/aside && if [ -e $1 ]; then mv $1 $work/aside/\$(date +%s%N); fi"; }

if part gen; then
    echo "1. gen on Specs/" >&2
    record "gen Specs/ (all pieces)" "$(measure "$runs" --warmup 3 --prepare "$(aside "$work/out")" -- "$bin/gen" --specs Specs --output "$work/out")"
    # The same with the Swift runtime and Foundation linked in, as an installed gen would ship:
    # most of a dynamic gen's start-up is loading Foundation's shared libraries.
    swift build -c release --product gen --static-swift-stdlib --scratch-path .build-static > /dev/null
    record "gen Specs/ (static binary)" "$(measure "$runs" --warmup 3 --prepare "$(aside "$work/out")" -- .build-static/release/gen --specs Specs --output "$work/out")"

    echo "2. scaling" >&2
    for n in $sizes; do
        python3 Benchmarks/make-specs.py "$n" "$work/specs-$n"
        record "gen $n specs" "$(measure "$([ "$n" -ge 200 ] && echo 10 || echo "$runs")" --prepare "$(aside "$work/out-$n")" -- "$bin/gen" --specs "$work/specs-$n" --output "$work/out-$n")"
    done

    echo "3. no-op regeneration" >&2
    "$bin/gen" --specs Specs --output "$work/noop" > /dev/null
    record "gen Specs/, nothing changed" "$(measure "$runs" -- "$bin/gen" --specs Specs --output "$work/noop")"
    record "gen --check Specs/" "$(measure "$runs" -- "$bin/gen" --specs Specs --output "$work/noop" --check)"
    written=$("$bin/gen" --specs Specs --output "$work/noop" | sed -E 's/gen: ([0-9]+) written.*/\1/')
    echo "{\"name\": \"files written by a no-op run\", \"figures\": {\"files\": $written}}" >> "$results"
fi

if part compile; then
    echo "4. compile cost of the generated code" >&2
    package="$work/compile"
    mkdir -p "$package/Sources"
    cat > "$package/Package.swift" << MANIFEST
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "CompileCost",
    dependencies: [.package(name: "gen", path: "$root")],
    targets: [
        .target(name: "BenchModels", dependencies: [.product(name: "GenRuntime", package: "gen")], path: "Generated/BenchModels"),
        .target(name: "BenchClient", dependencies: ["BenchModels", .product(name: "GenClientRuntime", package: "gen")], path: "Generated/BenchClient"),
        .target(name: "BenchServer", dependencies: ["BenchModels", .product(name: "GenServerRuntime", package: "gen")], path: "Generated/BenchServer"),
        .executableTarget(name: "BenchCLI", dependencies: ["BenchClient", .product(name: "GenCLIRuntime", package: "gen")], path: "Generated/BenchCLI"),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST
    for n in $compile_sizes; do
        rm -rf "$package/Generated" "$work/bench-spec"
        python3 Benchmarks/make-specs.py "$n" "$work/bench-spec" --single
        "$bin/gen" --specs "$work/bench-spec" --output "$package/Generated" > /dev/null
        # The dependencies once, then only the generated modules, every file of them changed each run.
        (cd "$package" && swift build > "$work/deps.log" 2>&1) || { cat "$work/deps.log"; exit 1; }
        lines=$(cat "$package"/Generated/*/*.swift | wc -l)
        figures=$(measure 3 --warmup 0 --prepare "find $package/Generated -name '*.swift' -exec touch {} +" -- swift build --package-path "$package")
        operations=$((n * 5))
        record "compile $n resources (debug)" "$(python3 -c "import json,sys; f=json.loads(sys.argv[1]); f.update(lines=$lines, operations=$operations, lines_per_operation=round($lines/$operations)); print(json.dumps(f))" "$figures")"
    done
fi

if part server; then
    echo "5. server overhead" >&2
    account=AC0123456789abcdef0123456789abcdef
    auth="Authorization: Basic $(printf '%s' "$account:bench-token" | base64 -w0)"
    "$bin/sipdomain-server" --port 18180 --account-sid "$account" --auth-token bench-token --log-level error &
    server_pids+=($!)
    for _ in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:18180/ && break; sleep 0.1; done
    domains="http://127.0.0.1:18180/2010-04-01/Accounts/$account/SIP/Domains.json"
    for i in $(seq 20); do curl -s -o /dev/null -H "$auth" -d "DomainName=bench-$i.sip.twilio.com" "$domains"; done
    sid=$(curl -s -H "$auth" "$domains?PageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["domains"][0]["sid"])')
    fetch_path="/2010-04-01/Accounts/$account/SIP/Domains/$sid.json"
    list_path="/2010-04-01/Accounts/$account/SIP/Domains.json?PageSize=20"
    curl -s -H "$auth" "http://127.0.0.1:18180$fetch_path" > "$work/fetch.json"
    curl -s -H "$auth" "http://127.0.0.1:18180$list_path" > "$work/list.json"
    "$bin/HandWrittenSipDomainServer" fixed 18181 "$work/fetch.json" "$work/list.json" &
    server_pids+=($!)
    "$bin/HandWrittenSipDomainServer" same-work 18182 "$account" bench-token "$work/list.json" &
    server_pids+=($!)
    for port in 18181 18182; do
        for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
    done
    # Both baselines must answer the same JSON as the local server (the same-work one in its own
    # member order).
    for route in fetch list; do
        path_var="${route}_path"
        for port in 18181 18182; do
            curl -s -H "$auth" "http://127.0.0.1:$port${!path_var}" > "$work/$route-$port.json"
            python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
                "$work/$route.json" "$work/$route-$port.json" || { echo "port $port answers other JSON for $route" >&2; exit 1; }
        done
    done
    rps() { wrk -t1 -c32 -d"${load}s" -H "$auth" "$1" | awk '/Requests\/sec/ {print $2}'; }
    for route in fetch list; do
        path_var="${route}_path"
        generated=() fixed=() same=()
        for _ in $(seq "$rounds"); do
            generated+=("$(rps "http://127.0.0.1:18180${!path_var}")")
            fixed+=("$(rps "http://127.0.0.1:18181${!path_var}")")
            same+=("$(rps "http://127.0.0.1:18182${!path_var}")")
        done
        record "server $route" "$(python3 -c "
import json, statistics, sys
gs, fs, ss = ([round(float(v)) for v in arg.split()] for arg in sys.argv[1:4])
g, f, s = map(statistics.median, (gs, fs, ss))
print(json.dumps({'generated_rps': round(g), 'fixed_bytes_rps': round(f), 'same_work_rps': round(s),
                  'ratio_to_fixed_bytes': round(g / f, 3), 'ratio_to_same_work': round(g / s, 3),
                  'seconds_per_run': $load, 'rounds': $rounds,
                  'spread': {'generated': [min(gs), max(gs)], 'fixed_bytes': [min(fs), max(fs)],
                             'same_work': [min(ss), max(ss)]}}))
" "${generated[*]}" "${fixed[*]}" "${same[*]}")"
    done
fi

if part client; then
    echo "6. client decoding" >&2
    decode=$("$bin/ClientDecodingBenchmark" "$([ $quick = 1 ] && echo 5 || echo 50)")
    record "client: decode a 1000-item page" "$(echo "$decode" | python3 -c '
import json, sys
values = dict(line.split() for line in sys.stdin)
print(json.dumps({"median_ms": float(values["page_1000_decode_ms"]), "bytes": int(values["page_1000_bytes"])}))')"
fi

mkdir -p Benchmarks/results
python3 - "$results" "$quick" "$only" << 'REPORT'
import json, os, platform, subprocess, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
machine = {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30), "os": platform.platform(), "swift": swift}
report = {"machine": machine, "quick": sys.argv[2] == "1", "results": rows}
if not sys.argv[3]:
    json.dump(report, open("Benchmarks/results/latest.json", "w"), indent=2)
print(f"machine: {cpu}, {machine['cores']} cores, {machine['memory_gib']} GiB; {swift}")
print(f"{'benchmark':40} figures (medians)")
for row in rows:
    print(f"{row['name']:40} " + ", ".join(f"{k} {v}" for k, v in row["figures"].items()))
print("written: Benchmarks/results/latest.json" if not sys.argv[3] else "one part: latest.json left as it was")
REPORT
