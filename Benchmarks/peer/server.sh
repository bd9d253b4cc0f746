#!/usr/bin/env bash
# Server throughput, gen against swift-openapi-generator (1.14.3), for Twilio's SIP Domain
# resource, both on Hummingbird with the same in-memory handler logic:
#   1. swift-openapi-generator's CLI: $PEER_GENERATOR if set, else built in release once in
#      .build/peer/generator (as Benchmarks/peer/run.sh builds it)
#   2. the peer's server: types and server generated from Twilio's description
#      (Tests/Fixtures/Twilio/sip-domain.openapi.yaml) into the package .build/peer/server with
#      the hand-written handler, middleware and main of Benchmarks/peer/server/ (depends on
#      swift-openapi-runtime, swift-openapi-hummingbird and Hummingbird), built in release
#   3. gen's side: `sipdomain-server` (the generated routing on the in-memory store) and the
#      fixed-bytes baseline `HandWrittenSipDomainServer fixed`, built in release
#   4. 20 domains created on gen's server; the peer's store is filled from gen's list answer,
#      so both hold the same domains; the fixed baseline answers gen's bytes
#   5. checks that the three answer the same JSON (parsed) for fetch and for the list of 20
#      (PageSize=20), and the same status without credentials; stops if not
#   6. wrk -t1 -c32 over loopback for each route, in rounds that alternate the servers (the
#      order rotates each round), after a short unrecorded warm-up of each
# Writes .build/peer/server.json (per route: medians, spread, every round, ratios; the machine
# and its load) and prints a table.
#
#   Benchmarks/peer/server.sh            5 rounds of 10 s per server and route (about 7 minutes)
#   Benchmarks/peer/server.sh --quick    2 rounds of 2 s: to see that it works
#   PEER_GENERATOR=/path/to/swift-openapi-generator Benchmarks/peer/server.sh
#   ROUNDS=9 SECONDS_PER_ROUND=10 Benchmarks/peer/server.sh
set -euo pipefail
quick=0
[ "${1:-}" = "--quick" ] && quick=1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rounds=${ROUNDS:-$([ $quick = 1 ] && echo 2 || echo 5)}
load=${SECONDS_PER_ROUND:-$([ $quick = 1 ] && echo 2 || echo 10)}
warmup=$([ $quick = 1 ] && echo 1 || echo 2)
port=${BASE_PORT:-18380}
work=$root/.build/peer/server
out=$root/.build/peer/server.json

if ! command -v wrk > /dev/null; then
    echo "installing wrk (Debian package)…" >&2
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk > /dev/null; else sudo apt-get install -y wrk; fi
fi

echo "1. swift-openapi-generator 1.14.3" >&2
source Benchmarks/peer/generator.sh

echo "2. the peer's server: generating and building (release)" >&2
# Everything but the dependencies' checkouts and builds is written anew.
mkdir -p "$work"
rm -rf "$work/Sources" "$work/logs"
mkdir -p "$work/Sources/PeerSipDomainServer" "$work/logs"
cp Benchmarks/peer/server/Package.swift.template "$work/Package.swift"
cp Benchmarks/peer/server/*.swift "$work/Sources/PeerSipDomainServer/"
peer_config "$work/openapi-generator-config.yaml" internal types server
"$peer" generate Tests/Fixtures/Twilio/sip-domain.openapi.yaml --config "$work/openapi-generator-config.yaml" \
    --output-directory "$work/Sources/PeerSipDomainServer" > "$work/logs/generate.log" 2>&1 \
    || { cat "$work/logs/generate.log"; exit 1; }
swift build -c release --package-path "$work" --product PeerSipDomainServer > "$work/logs/build.log" 2>&1 \
    || { cat "$work/logs/build.log"; exit 1; }
peer_server=$(swift build -c release --package-path "$work" --show-bin-path)/PeerSipDomainServer

echo "3. gen's server and the fixed-bytes baseline (release)" >&2
for product in sipdomain-server HandWrittenSipDomainServer; do
    swift build -c release --product "$product" > "$work/logs/gen-build.log" 2>&1 \
        || { cat "$work/logs/gen-build.log"; exit 1; }
done
bin=$(swift build -c release --show-bin-path)

server_pids=()
cleanup() { for pid in "${server_pids[@]}"; do kill "$pid" 2> /dev/null || true; done; }
trap cleanup EXIT
wait_for() { for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return; sleep 0.1; done; echo "port $1 does not answer" >&2; exit 1; }
gen_port=$port fixed_port=$((port + 1)) peer_port=$((port + 2))

echo "4. starting the servers, 20 domains" >&2
account=AC0123456789abcdef0123456789abcdef
token=bench-token
auth="Authorization: Basic $(printf '%s' "$account:$token" | base64 -w0)"
"$bin/sipdomain-server" --port "$gen_port" --account-sid "$account" --auth-token "$token" --log-level error &
gen_pid=$!
server_pids+=($!)
wait_for "$gen_port"
domains="http://127.0.0.1:$gen_port/2010-04-01/Accounts/$account/SIP/Domains.json"
for i in $(seq 20); do
    curl -sf -o /dev/null -H "$auth" -d "DomainName=bench-$i.sip.twilio.com" "$domains"
done
fetch_path="/2010-04-01/Accounts/$account/SIP/Domains/$(curl -sf -H "$auth" "$domains?PageSize=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["domains"][0]["sid"])').json"
list_path="/2010-04-01/Accounts/$account/SIP/Domains.json?PageSize=20"
curl -sf -H "$auth" "http://127.0.0.1:$gen_port$fetch_path" > "$work/logs/fetch.json"
curl -sf -H "$auth" "http://127.0.0.1:$gen_port$list_path" > "$work/logs/list.json"
"$bin/HandWrittenSipDomainServer" fixed "$fixed_port" "$work/logs/fetch.json" "$work/logs/list.json" &
fixed_pid=$!
server_pids+=($!)
"$peer_server" "$peer_port" "$account" "$token" "$work/logs/list.json" &
peer_pid=$!
server_pids+=($!)
wait_for "$fixed_port"
wait_for "$peer_port"

echo "5. checking the answers" >&2
for route in fetch list; do
    path_var="${route}_path"
    for server in fixed peer; do
        server_port_var="${server}_port"
        curl -sf -H "$auth" "http://127.0.0.1:${!server_port_var}${!path_var}" > "$work/logs/$route-$server.json"
    done
done
for server in gen peer; do
    server_port_var="${server}_port"
    curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${!server_port_var}$fetch_path" > "$work/logs/unauthorized-$server"
done
# The fixed baseline must answer gen's JSON exactly; the peer the same JSON, except for the
# members it cannot write (listed in the results), and both 401 without credentials.
python3 - "$work/logs" > "$work/logs/checks.json" << 'CHECK'
import json, os, sys
logs = sys.argv[1]
def load(name):
    return json.load(open(os.path.join(logs, name)))
def without_nulls(value, path, dropped):
    if isinstance(value, dict):
        kept = {}
        for key, member in value.items():
            if member is None:
                dropped.add(f"{path}.{key}" if path else key)
            else:
                kept[key] = without_nulls(member, f"{path}.{key}" if path else key, dropped)
        return kept
    if isinstance(value, list):
        return [without_nulls(item, path + "[]", dropped) for item in value]
    return value
report = {"same_json": {}, "peer_omits_null_members": {}}
for route in ("fetch", "list"):
    gen, fixed, peer = load(f"{route}.json"), load(f"{route}-fixed.json"), load(f"{route}-peer.json")
    if gen != fixed:
        sys.exit(f"the fixed baseline answers other JSON than gen for {route}")
    dropped = set()
    if peer != gen and without_nulls(peer, "", set()) != without_nulls(gen, "", dropped):
        sys.exit(f"the peer answers other JSON than gen for {route}")
    report["same_json"][route] = peer == gen
    report["peer_omits_null_members"][route] = sorted(dropped) if peer != gen else []
    report.setdefault("bytes", {})[route] = {
        name: os.path.getsize(os.path.join(logs, file))
        for name, file in (("gen", f"{route}.json"), ("peer", f"{route}-peer.json"))
    }
statuses = {server: open(os.path.join(logs, f"unauthorized-{server}")).read().strip() for server in ("gen", "peer")}
if statuses["gen"] != "401" or statuses["peer"] != "401":
    sys.exit(f"without credentials: {statuses}, not 401 from both")
report["without_credentials_status"] = int(statuses["gen"])
print(json.dumps(report))
CHECK

echo "6. load: $rounds round(s) of ${load} s per server and route" >&2
results=$work/logs/rounds.jsonl
: > "$results"
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_before=$(loadavg)
# The server's CPU time (user + system, in clock ticks) from the kernel's accounting.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# One load: "requests per second, requests, the server's CPU ticks meanwhile"; every answer
# must be a 2xx.
run_load() {
    local before after output
    before=$(cpu_ticks "$3")
    output=$(wrk -t1 -c32 -d"$2s" -H "$auth" "$1")
    after=$(cpu_ticks "$3")
    if echo "$output" | grep -q 'Non-2xx'; then echo "$output" >&2; exit 1; fi
    echo "$(echo "$output" | awk '/Requests\/sec/ {print $2}') $(echo "$output" | awk '/requests in/ {print $1}') $((after - before))"
}
servers=(gen peer fixed)
for route in fetch list; do
    path_var="${route}_path"
    for server in "${servers[@]}"; do
        server_port_var="${server}_port" server_pid_var="${server}_pid"
        run_load "http://127.0.0.1:${!server_port_var}${!path_var}" "$warmup" "${!server_pid_var}" > /dev/null
    done
done
for round in $(seq "$rounds"); do
    for route in fetch list; do
        path_var="${route}_path"
        # Rotated each round, so that no server always runs first or after the same one.
        shift_by=$(((round - 1) % 3))
        order=("${servers[@]:$shift_by}" "${servers[@]:0:$shift_by}")
        for server in "${order[@]}"; do
            server_port_var="${server}_port" server_pid_var="${server}_pid"
            read -r figure requests ticks < <(run_load "http://127.0.0.1:${!server_port_var}${!path_var}" "$load" "${!server_pid_var}")
            [ -n "${ticks:-}" ] || { echo "the load on $server for $route failed" >&2; exit 1; }
            echo "{\"round\": $round, \"route\": \"$route\", \"server\": \"$server\", \"rps\": $figure, \"requests\": $requests, \"cpu_ticks\": $ticks, \"loadavg\": \"$(loadavg)\"}" >> "$results"
            echo "   round $round $route $server: $figure req/s, $ticks CPU ticks for $requests requests" >&2
        done
    done
done

python3 - "$results" "$work/logs/checks.json" "$out" "$rounds" "$load" "$load_before" "$(loadavg)" "$(getconf CLK_TCK)" << 'REPORT'
import json, os, platform, statistics, subprocess, sys
results_file, checks_file, out, rounds, seconds, load_before, load_after, clock_ticks = sys.argv[1:9]
rows = [json.loads(line) for line in open(results_file)]
for row in rows:
    row["cpu_us"] = row["cpu_ticks"] * 1e6 / int(clock_ticks) / row["requests"]
checks = json.load(open(checks_file))
def figures(route, server):
    return [row["rps"] for row in rows if row["route"] == route and row["server"] == server]
def cpu(route, server):
    return [row["cpu_us"] for row in rows if row["route"] == route and row["server"] == server]
def spread(values, digits=None):
    return {key: round(value, digits) for key, value in
            (("median", statistics.median(values)), ("min", min(values)), ("max", max(values)))}
routes = []
for route, label in (("fetch", "fetch"), ("list", "list of 20")):
    gen, peer, fixed = figures(route, "gen"), figures(route, "peer"), figures(route, "fixed")
    # Each round's ratio compares loads run a few seconds apart, under the same conditions.
    per_round = [g / p for g, p in zip(gen, peer)]
    routes.append({
        "route": route, "label": label,
        "gen_rps": spread(gen), "peer_rps": spread(peer), "fixed_rps": spread(fixed),
        "gen_over_peer": round(statistics.median(gen) / statistics.median(peer), 2),
        "gen_over_peer_per_round": {"median": round(statistics.median(per_round), 2),
                                    "min": round(min(per_round), 2), "max": round(max(per_round), 2)},
        "gen_over_fixed": round(statistics.median(gen) / statistics.median(fixed), 2),
        "peer_over_fixed": round(statistics.median(peer) / statistics.median(fixed), 2),
        # The server's own CPU time per request (user + system): less sensitive than requests
        # per second to what else runs on the machine.
        "gen_cpu_us_per_request": spread(cpu(route, "gen"), 1),
        "peer_cpu_us_per_request": spread(cpu(route, "peer"), 1),
        "fixed_cpu_us_per_request": spread(cpu(route, "fixed"), 1),
        "peer_cpu_over_gen_cpu": round(statistics.median(cpu(route, "peer")) / statistics.median(cpu(route, "gen")), 2),
        "rounds": int(rounds), "seconds_per_round": int(seconds),
        "every_round": {server: [{key: row[key] for key in ("round", "rps", "requests", "cpu_ticks", "loadavg")}
                                 for row in rows if row["route"] == route and row["server"] == server]
                        for server in ("gen", "peer", "fixed")},
    })
cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
report = {
    "machine": {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform(), "swift": swift,
                "loadavg_before": load_before, "loadavg_after": load_after},
    "wrk": "wrk -t1 -c32 over loopback, one connection set per server, Basic credentials on every request",
    "peer": {"generator": "swift-openapi-generator 1.14.3", "generate": ["types", "server"],
             "accessModifier": "internal", "namingStrategy": "idiomatic",
             "jsonEncodingOptions": ["withoutEscapingSlashes"]},
    "checks": checks,
    "routes": routes,
}
json.dump(report, open(out, "w"), indent=2)
print(f"machine: {cpu}, {os.cpu_count()} cores; {swift}; load average {load_before} before, {load_after} after")
print(f"wrk -t1 -c32, {rounds} round(s) x {seconds} s per server; req/s median (min-max)")
print(f"{'route':12} {'gen':>22} {'peer':>22} {'fixed bytes':>22} {'gen/peer':>9} {'per round':>16} {'gen/fixed':>9}")
cell = lambda s: f"{s['median']:,} ({s['min']:,}-{s['max']:,})"
for r in routes:
    pr = r["gen_over_peer_per_round"]
    print(f"{r['label']:12} {cell(r['gen_rps']):>22} {cell(r['peer_rps']):>22} {cell(r['fixed_rps']):>22} "
          f"{r['gen_over_peer']:>8}x {pr['min']:>6}-{pr['max']}x {r['gen_over_fixed']:>8}x")
print("server CPU time per request, microseconds, median (min-max)")
print(f"{'route':12} {'gen':>22} {'peer':>22} {'fixed bytes':>22} {'peer/gen':>9}")
for r in routes:
    cells = [r[f"{server}_cpu_us_per_request"] for server in ("gen", "peer", "fixed")]
    print(f"{r['label']:12} " + " ".join(f"{c['median']} ({c['min']}-{c['max']})".rjust(22) for c in cells)
          + f" {r['peer_cpu_over_gen_cpu']:>8}x")
for route, members in checks["peer_omits_null_members"].items():
    if members:
        print(f"peer's {route} JSON omits the null members: {', '.join(members)}")
print(f"written: {out}")
REPORT
