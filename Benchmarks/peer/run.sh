#!/usr/bin/env bash
# gen against swift-openapi-generator 1.14.3 for Twilio's SIP Domain resource, side by side in one
# run (Benchmarks/peer/README.md says what is measured and how):
#   generate  each generator on one resource: gen release, statically linked and debug
#   compile   the debug build of the generated code, 1 and 50 resources: the compiler alone on
#             the generated modules (the commands of `swift build -v`, replayed) and the whole
#             `swift build`, dependencies built before (untimed)
#   server    both generated servers on Hummingbird with the same in-memory handler, under wrk
#             (Benchmarks/peer/server.sh)
#   client    both generated clients on transports that answer the same bytes, and over
#             loopback HTTP (Benchmarks/peer/client.sh)
# Writes Benchmarks/results/peer.md and peer.json and prints them. Everything built stays in
# .build/peer/.
#
#   Benchmarks/peer/run.sh [--quick] [PART…]    every part, or these; --quick: short, to see it works
#   SIZES=1 Benchmarks/peer/run.sh compile       resources to compile (default "1 50")
#   RUNS_LARGE=1 Benchmarks/peer/run.sh          1 run (instead of 3) for 50 resources
#   GENERATE_RUNS=5 Benchmarks/peer/run.sh       runs of each generator (default 20)
#   PEER_GENERATOR=PATH Benchmarks/peer/run.sh   use that swift-openapi-generator 1.14.3 binary
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
quick=()
names=()
for argument in "$@"; do
    if [ "$argument" = --quick ]; then quick=(--quick); else names+=("$argument"); fi
done
[ ${#names[@]} -gt 0 ] || names=(generate compile server client)
parts=" ${names[*]} "
sizes=${SIZES:-1 50}
runs_small=3
runs_large=${RUNS_LARGE:-3}
generate_runs=${GENERATE_RUNS:-20}
if [ ${#quick[@]} -gt 0 ]; then
    # To see that it works: 1 resource, 1 run of each build, 3 of each generator.
    sizes=${SIZES:-1} runs_small=1 runs_large=1 generate_runs=${GENERATE_RUNS:-3}
fi
wants() { [[ $parts == *" $1 "* ]]; }
work=$root/.build/peer
mkdir -p "$work"
results=$work/results.jsonl
extra=$work/extra.json
# The report holds only the parts of this run: figures of other runs go.
wants generate || rm -f "$work/generate.jsonl"
wants compile || rm -f "$results"
wants server || rm -f "$work/server.json"
wants client || rm -f "$work/client.json"
measure() { python3 Benchmarks/measure.py "$@"; }

echo "1. building swift-openapi-generator 1.14.3 (release) and gen" >&2
start=$(date +%s.%N)
source Benchmarks/peer/generator.sh
cached=$peer_cached
generator_build_s=$(python3 -c "import sys; print(round($(date +%s.%N) - $start, 1))")
echo "   ${generator_build_s} s (already built: $cached)" >&2

echo "   gen: release, release linked statically, debug" >&2
swift build -c release --product gen > "$work/gen-build.log" 2>&1 || { cat "$work/gen-build.log"; exit 1; }
gen=$(swift build -c release --show-bin-path)/gen
swift build -c release --product gen --static-swift-stdlib --scratch-path .build-static >> "$work/gen-build.log" 2>&1 \
    || { cat "$work/gen-build.log"; exit 1; }
swift build --product gen >> "$work/gen-build.log" 2>&1 || { cat "$work/gen-build.log"; exit 1; }

# swift-openapi-generator's configuration, for every run of it
generate_config=$work/openapi-generator-config.yaml
peer_config "$generate_config" public types client server

if wants generate; then
    echo "2. generating one resource, $generate_runs runs each" >&2
    # Each run writes into an empty folder, so both write every file. gen makes the same pieces as
    # swift-openapi-generator (models, client, server), then also its CLI and OpenAPI document.
    sed 's/^name: SipDomain$/name: PeerSipDomain/' Specs/SipDomain.yaml > "$work/generate-spec.yaml"
    timed_generate() {
        local name=$1
        shift
        echo "{\"name\": \"$name\", \"figures\": $(measure "$generate_runs" --warmup 2 --prepare "rm -rf $work/generate-out && mkdir $work/generate-out" -- "$@")}" >> "$work/generate.jsonl"
    }
    : > "$work/generate.jsonl"
    timed_generate "swift-openapi-generator (release)" "$peer" generate Tests/Fixtures/Twilio/sip-domain.openapi.yaml \
        --config "$generate_config" --output-directory "$work/generate-out"
    for build in "release:$gen" "static:.build-static/release/gen" "debug:$(swift build --show-bin-path)/gen"; do
        timed_generate "gen ${build%%:*}, models + client + server" "${build#*:}" --spec "$work/generate-spec.yaml" \
            --output "$work/generate-out" --only models,client,server
        timed_generate "gen ${build%%:*}, every piece" "${build#*:}" --spec "$work/generate-spec.yaml" --output "$work/generate-out"
    done
    timed_generate "gen static, --help (starting and stopping)" .build-static/release/gen --help
    timed_generate "gen release, --help (starting and stopping)" "$gen" --help
fi

# The packages that compile the generated code; their dependencies are built once and kept.
mkdir -p "$work/openapi/Sources/PeerSipDomain" "$work/gen/Generated"
cat > "$work/openapi/Package.swift" << 'MANIFEST'
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "PeerOpenAPI",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4")],
    targets: [
        .target(name: "PeerSipDomain", dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")]),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST
cat > "$work/gen/Package.swift" << MANIFEST
// swift-tools-version:6.1
import PackageDescription
let package = Package(
    name: "PeerGen",
    dependencies: [
        .package(name: "gen", path: "$root"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
    ],
    targets: [
        .target(name: "PeerSipDomainModels", dependencies: [.product(name: "GenRuntime", package: "gen")], path: "Generated/PeerSipDomainModels"),
        .target(name: "PeerSipDomainClient", dependencies: ["PeerSipDomainModels", .product(name: "GenClientRuntime", package: "gen")], path: "Generated/PeerSipDomainClient"),
        .target(
            name: "PeerSipDomainServer",
            dependencies: ["PeerSipDomainModels", .product(name: "GenServerRuntime", package: "gen"), .product(name: "Hummingbird", package: "hummingbird")],
            path: "Generated/PeerSipDomainServer"
        ),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST

warnings_json='[]'
wants compile && : > "$results" || sizes=""
for n in $sizes; do
    echo "3. $n resource(s): generating" >&2
    input=$work/input-$n
    rm -rf "$input" && mkdir -p "$input/spec"
    python3 Benchmarks/peer/peer.py openapi "$n" "$input/openapi.yaml"
    rm -f "$work/openapi/Sources/PeerSipDomain/"*.swift
    "$peer" generate "$input/openapi.yaml" --config "$generate_config" \
        --output-directory "$work/openapi/Sources/PeerSipDomain" > "$input/peer-generate.log" 2>&1 \
        || { cat "$input/peer-generate.log"; exit 1; }
    if [ "$n" = 1 ]; then
        # Everything it says besides its configuration and progress lines: warnings, notes,
        # skipped parts (it prints no newline before its first "Writing data to file").
        warnings_json=$(sed 's/Writing data to file/\nWriting data to file/g' "$input/peer-generate.log" \
            | grep -vE '^(- |Swift OpenAPI Generator is running|Writing data to file|\s*$)' \
            | python3 -c 'import json, sys; print(json.dumps(sys.stdin.read().splitlines()))' || true)
    fi
    if [ "$n" = 1 ]; then
        sed 's/^name: SipDomain$/name: PeerSipDomain/' Specs/SipDomain.yaml > "$input/spec/PeerSipDomain.yaml"
    else
        python3 Benchmarks/make-specs.py "$n" "$input/make-specs" --single
        sed 's/^name: Bench$/name: PeerSipDomain/' "$input/make-specs/Bench.yaml" > "$input/spec/PeerSipDomain.yaml"
    fi
    rm -rf "$work/gen/Generated" && mkdir -p "$work/gen/Generated"
    "$gen" --spec "$input/spec/PeerSipDomain.yaml" --output "$work/gen/Generated" --only models,client,server > /dev/null

    echo "4. $n resource(s): building dependencies (untimed)" >&2
    for package in openapi gen; do
        (cd "$work/$package" && swift build > "$input/$package-build.log" 2>&1) || { cat "$input/$package-build.log"; exit 1; }
    done
    runs=$([ "$n" -ge 50 ] && echo "$runs_large" || echo "$runs_small")
    echo "5. $n resource(s): timing the compiler and swift build, $runs run(s) each" >&2
    touch_peer="touch $work/openapi/Sources/PeerSipDomain/*.swift"
    touch_gen="find $work/gen/Generated -name '*.swift' -exec touch {} +"
    # The compiler alone: the compiler driver commands `swift build -v` runs for the generated
    # modules, replayed in the same order (gen's client and server side by side, after the
    # models), without the package manager's planning and the plugins it recompiles.
    $touch_peer && swift build -v --package-path "$work/openapi" > "$input/openapi-verbose.log" 2>&1
    eval "$touch_gen" && swift build -v --package-path "$work/gen" > "$input/gen-verbose.log" 2>&1
    python3 Benchmarks/peer/peer.py commands "$input/openapi-verbose.log" PeerSipDomain > "$input/compile-peer.sh"
    python3 Benchmarks/peer/peer.py commands "$input/gen-verbose.log" PeerSipDomainModels \
        PeerSipDomainClient,PeerSipDomainServer > "$input/compile-gen.sh"
    peer_compiler=$(measure "$runs" --warmup 0 --prepare "$touch_peer" -- bash "$input/compile-peer.sh")
    gen_compiler=$(measure "$runs" --warmup 0 --prepare "$touch_gen" -- bash "$input/compile-gen.sh")
    # A whole `swift build` of each package, whose only targets are the generated modules.
    peer_figures=$(measure "$runs" --warmup 0 --prepare "$touch_peer" -- swift build --package-path "$work/openapi")
    gen_figures=$(measure "$runs" --warmup 0 --prepare "$touch_gen" -- swift build --package-path "$work/gen")
    peer_lines=$(cat "$work/openapi/Sources/PeerSipDomain/"*.swift | wc -l)
    gen_lines=$(find "$work/gen/Generated" -name '*.swift' -exec cat {} + | wc -l)
    python3 -c "
import json, sys
g, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
g['compiler'], p['compiler'] = json.loads(sys.argv[3]), json.loads(sys.argv[4])
g['lines'], p['lines'] = $gen_lines, $peer_lines
g['files'], p['files'] = $(find "$work/gen/Generated" -name '*.swift' | wc -l), $(ls "$work/openapi/Sources/PeerSipDomain/"*.swift | wc -l)
print(json.dumps({'resources': $n, 'operations': $n * 5, 'gen': g, 'peer': p}))
" "$gen_figures" "$peer_figures" "$gen_compiler" "$peer_compiler" >> "$results"
done

if wants server; then
    echo "6. the servers under load" >&2
    PEER_GENERATOR=$peer bash Benchmarks/peer/server.sh "${quick[@]}"
fi
if wants client; then
    echo "7. the clients" >&2
    PEER_GENERATOR=$peer bash Benchmarks/peer/client.sh "${quick[@]}"
fi

python3 -c "
import json, sys
print(json.dumps({'generator_build_s': $generator_build_s, 'generator_cached': '$cached' == 'true',
                  'peer_warnings': json.loads(sys.argv[1]),
                  'peer_config': {'generate': ['types', 'client', 'server'], 'accessModifier': 'public', 'namingStrategy': 'idiomatic'}}))
" "$warnings_json" > "$extra"
python3 Benchmarks/peer/peer.py report "$results"
