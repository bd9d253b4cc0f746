#!/usr/bin/env bash
# The compatibility run: imports OpenAPI descriptions with `gen import openapi`, generates every
# piece of each with gen, compiles each API's modules in a SwiftPM package of its own and writes a
# table of what it found (Benchmarks/compatibility/README.md says more).
#
#   Benchmarks/compatibility/run.sh [options] [DIR]
#
#   DIR              the OpenAPI descriptions, every *.yaml in it (default Tests/Fixtures/TwilioOAI)
#   --specs DIR      take ready gen specs, every *.yaml in DIR, instead of importing
#   --apis A,B       only the files of these stems (twilio_api_v2010, or SipDomain with --specs)
#   --work DIR       the work folder, kept between runs (default .build/compatibility)
#   --results FILE   the markdown results, a .json twin beside it
#                    (default Benchmarks/results/compatibility.md)
#   GEN=PATH         the gen binary (default .build/debug/gen, built when missing)
#
# Exits 1 when an import or a generation failed, an operation was skipped, or the generated code
# compiled with an error or a warning; 2 on wrong usage.
set -euo pipefail

usage() { sed -n '2,/^$/s/^# \{0,1\}//p' "$0" >&2; exit 2; }
help() { sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0; }

root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/Benchmarks/compatibility"
helper="$here/compat.py"
absolute() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }

input="" specs="" apis="" work="" results=""
while [ $# -gt 0 ]; do
    case "$1" in
        --specs) [ $# -ge 2 ] || usage; specs=$(absolute "$2"); shift 2 ;;
        --apis) [ $# -ge 2 ] || usage; apis=$2; shift 2 ;;
        --work) [ $# -ge 2 ] || usage; work=$(absolute "$2"); shift 2 ;;
        --results) [ $# -ge 2 ] || usage; results=$(absolute "$2"); shift 2 ;;
        -h | --help) help ;;
        -*) echo "run.sh: unknown option $1" >&2; usage ;;
        *) [ -z "$input" ] || usage; input=$(absolute "$1"); shift ;;
    esac
done
[ -z "$specs" ] || [ -z "$input" ] || { echo "run.sh: give either DIR or --specs DIR" >&2; usage; }
cd "$root"
work=${work:-$root/.build/compatibility}
results=${results:-$root/Benchmarks/results/compatibility.md}
if [ -n "$specs" ]; then mode=specs source_dir=$specs; else mode=import source_dir=${input:-$root/Tests/Fixtures/TwilioOAI}; fi
[ -d "$source_dir" ] || { echo "run.sh: no folder $source_dir" >&2; exit 2; }

if [ -n "${GEN:-}" ]; then
    gen=$(absolute "$GEN")
else
    gen=$root/.build/debug/gen
    if [ ! -x "$gen" ]; then
        echo "building gen…" >&2
        swift build --product gen >&2
    fi
fi
[ -x "$gen" ] || { echo "run.sh: no gen binary at $gen" >&2; exit 2; }

# The files, in name order, restricted to --apis.
files=()
for file in "$source_dir"/*.yaml; do
    [ -e "$file" ] || continue
    stem=$(basename "$file" .yaml)
    if [ -n "$apis" ] && [[ ",$apis," != *",$stem,"* ]]; then continue; fi
    files+=("$file")
done
if [ -n "$apis" ]; then
    IFS=, read -r -a wanted <<< "$apis"
    for stem in "${wanted[@]}"; do
        [ -e "$source_dir/$stem.yaml" ] || { echo "run.sh: no $stem.yaml in $source_dir" >&2; exit 2; }
    done
fi
[ ${#files[@]} -gt 0 ] || { echo "run.sh: no *.yaml in $source_dir" >&2; exit 2; }

# The work folder is the run's own: it deletes its logs and imported specs on every run.
if [ "$work" -ef "$root" ] || { [ -n "$(ls -A "$work" 2> /dev/null)" ] && [ ! -e "$work/.compatibility-work" ]; }; then
    echo "run.sh: $work is not empty and not a work folder of this script; give another --work" >&2
    exit 2
fi
mkdir -p "$work/logs"
touch "$work/.compatibility-work"
rm -f "$work"/logs/*
facts=$work/facts.jsonl
: > "$facts"
record() { python3 "$helper" record "$facts" "$@"; }
elapsed() { awk -v from="$1" -v to="$2" 'BEGIN { printf "%.2f", to - from }'; }

# 1. Import (or take the specs as they are), 2. generate every piece of each spec.
# SwiftPM refuses two targets of one name in a package graph: the repo's own targets and
# products (SipDomainModels, LandmineCLI…) are taken.
taken=$(swift package dump-package --package-path "$root" | python3 "$helper" repo-names)
names=() stems=()
declare -A spec_of=()
if [ "$mode" = import ]; then
    rm -rf "$work/Specs"
    mkdir -p "$work/Specs"
fi
echo "generating ${#files[@]} API(s) from $source_dir…" >&2
for file in "${files[@]}"; do
    stem=$(basename "$file" .yaml)
    log=$work/logs/$stem.gen.log
    fields=(stem="$stem" source="$file")
    if [ "$mode" = import ]; then
        if "$gen" import openapi "$file" --output "$work/Specs" > "$work/logs/$stem.import.out" 2> "$work/logs/$stem.import.log" \
            && line=$(grep -E '^imported ' "$work/logs/$stem.import.out" | tail -n 1) \
            && [[ "$line" =~ ^imported\ .+\ -\>\ (.+):\ ([0-9]+)\ operations,\ ([0-9]+)\ skipped,\ ([0-9]+)\ warnings$ ]]; then
            spec=${BASH_REMATCH[1]}
            case "$spec" in /*) ;; *) spec=$root/$spec ;; esac
            fields+=(import=ok operations="${BASH_REMATCH[2]}" skipped="${BASH_REMATCH[3]}" warnings="${BASH_REMATCH[4]}")
        else
            echo "  $stem: import failed (see $work/logs/$stem.import.log)" >&2
            record "${fields[@]}" import=failed gen=none build="not built"
            continue
        fi
    else
        spec=$file
    fi
    fields+=(spec="$spec")
    if ! "$gen" ir --spec "$spec" > "$work/logs/$stem.ir.json" 2> "$log" \
        || ! facts_line=$(python3 "$helper" ir-facts < "$work/logs/$stem.ir.json" 2>> "$log"); then
        echo "  $stem: gen rejects the spec (see $log)" >&2
        record "${fields[@]}" gen=failed build="not built" log="$log"
        continue
    fi
    name=${facts_line%%$'\t'*}
    fields+=(name="$name" operations_in_spec="${facts_line##*$'\t'}")
    [ "$mode" = import ] || fields+=(operations="${facts_line##*$'\t'}")
    if [ -n "${spec_of[$name]:-}" ]; then
        echo "  $stem: its name $name is taken by ${spec_of[$name]}" >&2
        record "${fields[@]}" gen=failed build="not built" note="name $name taken by ${spec_of[$name]}"
        continue
    fi
    clash=""
    for piece in Models Client Server CLI Memory; do
        if grep -qxF "$name$piece" <<< "$taken"; then clash=$name$piece && break; fi
    done
    if [ -n "$clash" ]; then
        echo "  $stem: the repo has a target or product $clash already" >&2
        record "${fields[@]}" gen=failed build="not built" note="the repo has a target or product $clash already"
        continue
    fi
    # Every piece, and the in-memory handler, which serves the API for tests.
    if ! "$gen" --spec "$spec" --output "$work/Generated" --only models,client,server,cli,openapi,memory \
        >> "$log" 2>&1; then
        echo "  $stem: gen failed (see $log)" >&2
        record "${fields[@]}" gen=failed build="not built" log="$log"
        continue
    fi
    missing=""
    for piece in Models Client Server CLI Memory; do
        if [ -z "$(find "$work/Generated/$name$piece" -name '*.swift' 2> /dev/null | head -n 1)" ]; then
            missing=$name$piece && break
        fi
    done
    if [ -n "$missing" ]; then
        echo "  $stem: gen wrote no Swift file in $missing (see $log)" >&2
        record "${fields[@]}" gen=failed build="not built" log="$log" note="gen wrote no Swift file in $missing"
        continue
    fi
    spec_of[$name]=$stem
    names+=("$name")
    stems+=("$stem")
    # The resources the in-memory handler serves, as its doc comment lists them.
    mapfile -t serving < <(python3 "$helper" served "$work/Generated/${name}Memory/InMemory$name.swift")
    record "${fields[@]}" gen=ok build="not built" "${serving[@]}"
done

# 3. The package: the repo by path, and five targets per API.
python3 "$helper" package "$root" "$work" "${names[@]}"

# 4. The dependencies once, untimed; then each API's modules alone, timed.
dependencies_seconds="" noop_seconds="" dependencies_ok=0
if [ ${#names[@]} -gt 0 ]; then
    echo "building the dependencies (the first time takes minutes)…" >&2
    start=$EPOCHREALTIME
    if swift build --package-path "$work" --target CompatibilityDependencies > "$work/logs/dependencies.log" 2>&1; then
        dependencies_seconds=$(elapsed "$start" "$EPOCHREALTIME")
        # What SwiftPM itself takes for a build with nothing to do, the least of three (the first
        # after a change of the package takes longer): each API's figure includes two of them.
        for _ in 1 2 3; do
            start=$EPOCHREALTIME
            swift build --package-path "$work" --target CompatibilityDependencies > /dev/null 2>&1
            seconds=$(elapsed "$start" "$EPOCHREALTIME")
            if [ -z "$noop_seconds" ] || awk -v a="$seconds" -v b="$noop_seconds" 'BEGIN { exit !(a < b) }'; then
                noop_seconds=$seconds
            fi
        done
        echo "  dependencies: ${dependencies_seconds} s; a build with nothing to do: ${noop_seconds} s" >&2
        dependencies_ok=1
    else
        tail -n 30 "$work/logs/dependencies.log" >&2
        echo "run.sh: the dependencies did not build (see $work/logs/dependencies.log)" >&2
        dependencies_ok=0
    fi
    for i in "${!names[@]}"; do
        name=${names[$i]} stem=${stems[$i]}
        if [ $dependencies_ok = 0 ]; then
            record stem="$stem" note="the dependencies did not build"
            continue
        fi
        log=$work/logs/$name.build.log
        # Every file changed, so that each module compiles in full and warns again.
        for piece in Models Client Server CLI Memory; do
            find "$work/Generated/$name$piece" -name '*.swift' -exec touch {} +
        done
        status=ok
        start=$EPOCHREALTIME
        swift build --package-path "$work" --target "${name}CLI" > "$log" 2>&1 || status=failed
        middle=$EPOCHREALTIME
        # The in-memory handler's module, and with it the server's.
        swift build --package-path "$work" --target "${name}Memory" >> "$log" 2>&1 || status=failed
        end=$EPOCHREALTIME
        seconds=$(elapsed "$start" "$end")
        echo "  $name: $status, ${seconds} s" >&2
        record stem="$stem" build="$status" log="$log" seconds="$seconds" \
            cli_seconds="$(elapsed "$start" "$middle")" server_seconds="$(elapsed "$middle" "$end")"
    done
fi

# 4b. One server of every API's in-memory handler, and the report's request against every route
# of each: a 4xx with the error JSON, in under 5 ms of CPU (cost-probe.py). Its table is written
# beside the results.
probe_status=0
cost_results=${results%.md}-cost.md
if [ ${#names[@]} -gt 0 ] && [ "$dependencies_ok" = 1 ]; then
    echo "building the server of every API, then sending the report's request to every route…" >&2
    if swift build --package-path "$work" --product CompatibilityServer > "$work/logs/server.log" 2>&1; then
        python3 "$here/cost-probe.py" --server "$work/.build/debug/CompatibilityServer" --results "$cost_results" \
            "${names[@]}" || probe_status=1
    else
        tail -n 30 "$work/logs/server.log" >&2
        echo "run.sh: the server of every API did not build (see $work/logs/server.log)" >&2
        probe_status=1
    fi
fi

# 5 and 6. Count, write and print the table; the exit status is the run's.
commit=$(git -C "$root" rev-parse --short HEAD 2> /dev/null || true)
[ -z "$commit" ] || git -C "$root" diff --quiet HEAD 2> /dev/null || commit="$commit (with uncommitted changes)"
: > "$work/run.jsonl"
python3 "$helper" record "$work/run.jsonl" mode="$mode" root="$root" input="$source_dir" gen="$gen" \
    commit="$commit" work="$work" dependencies_seconds="$dependencies_seconds" noop_build_seconds="$noop_seconds"
status=0
python3 "$helper" report "$facts" "$work/run.jsonl" "$results" || status=$?
[ "$probe_status" = 0 ] || { echo "run.sh: the cost probe failed (see $cost_results)" >&2; status=1; }
exit "$status"
