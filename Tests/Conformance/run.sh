#!/usr/bin/env bash
# Fuzzes a local server with schemathesis, from outside, as CI does. Which server decides what:
#
# sipdomain-server (the SIP Domain API over memory):
#   - against Twilio's published description of the resource, with every check; the failures
#     that come from where Twilio's file is wrong are accepted by twilio-baseline.json, which says
#     why for each, and anything else fails (a 5xx or a dropped connection always does);
#   - against gen's own OpenAPI description of the spec, when there is one, with every check and
#     the stateful phase (create → fetch → update → delete, linked by each response's sid): no
#     failure at all.
# landmine-server (the landmine spec's API over memory, Tests/LandmineBackend):
#   - against gen's own description of the landmine spec (Tests/Goldens/LandmineOpenAPI), with
#     every check, configured by landmine.toml; the failures that come from where gen's
#     description and its server disagree are accepted by landmine-baseline.json, which says why
#     for each, and anything else fails.
#
# A failure prints the curl that reproduces it. The seed and the number of examples are fixed so
# that a run is repeatable; SEED=… and EXAMPLES=… change them.
#
# Usage: Tests/Conformance/run.sh [path of sipdomain-server or landmine-server]
#        (default .build/debug/sipdomain-server)
# Needs schemathesis 4.32.5: ST=path/to/st, else .build/ci-venv/bin/st (which .ci/run installs).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
server=${1:-.build/debug/sipdomain-server}
st=${ST:-.build/ci-venv/bin/st}
seed=${SEED:-20261128}
account=AC0123456789abcdef0123456789abcdef
token=conformance-token

case $(basename "$server") in
    sipdomain-server) examples=${EXAMPLES:-50} ;;
    landmine-server) examples=${EXAMPLES:-200} ;;
    *)
        echo "conformance: $server is neither sipdomain-server nor landmine-server" >&2
        exit 2
        ;;
esac

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
"$server" --port "$port" --account-sid "$account" --auth-token "$token" --log-level warning >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then break; fi
    sleep 0.1
done

# run CONFIG DESCRIPTION-NAME ARGUMENTS…
run() {
    local config=$1 description=$2
    shift 2
    echo "conformance: schemathesis against $description"
    (cd Tests/Conformance && "$root/$st" --config-file "$config" run "$@" \
        --url "http://127.0.0.1:$port" --auth "$account:$token" --seed "$seed" --max-examples "$examples" \
        --checks all --workers 1 --no-color --generation-database none)
}

status=0
case $(basename "$server") in
    sipdomain-server)
        run schemathesis.toml "Twilio's published description" ../Fixtures/Twilio/sip-domain.openapi.yaml \
            --baseline twilio-baseline.json || status=1
        for description in Generated/*OpenAPI/*.json; do
            [ -e "$description" ] || continue
            run schemathesis.toml "gen's $description" "$root/$description" || status=1
        done
        ;;
    landmine-server)
        description=Tests/Goldens/LandmineOpenAPI/openapi.json
        run landmine.toml "gen's $description" "$root/$description" --baseline landmine-baseline.json || status=1
        ;;
esac

if ! kill -0 "$pid" 2>/dev/null; then
    echo "conformance: the server stopped during the run:" >&2
    cat "$log" >&2
    status=1
fi
exit "$status"
