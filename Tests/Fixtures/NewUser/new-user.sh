#!/usr/bin/env bash
# A new user's first five minutes, as README's "Your own API in five minutes" takes them, in a
# temporary folder: a package from `swift package init`, README's Package.swift (depending on
# this repository by path), a spec written by `gen init`, the config, README's program; a build
# through the build plugin; the generated server started on a free port and called by the
# generated client, whose answers must be the ones README shows. The files and the answers are
# read from README itself, and each command is checked to be README's, so the two cannot drift
# apart. Needs Swift and Python 3 (for a free port; with jsonschema and PyYAML, as in CI, where
# PYTHON names it, it also checks the written spec against Specs/spec.schema.json).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
readme="$repo/README.md"
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then
        kill "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAILED: $1" >&2
    exit 1
}
check() { echo "ok: $1"; }

# What README shows under the line `<!-- new-user: $1 -->`: the code block that follows it.
from_readme() {
    awk -v mark="<!-- new-user: $1 -->" '
        $0 == mark { found = 1; next }
        found && /^```/ { if (inside) exit; inside = 1; next }
        inside { print }' "$readme"
}
# A command README shows on a line of its own; the script runs it, with the repository's path
# for ../gen and a free port for 8080.
readme_command() { grep -qxF -- "$1" "$readme" || fail "README shows the command: $1"; }

# 1. A package.
readme_command 'mkdir NotebookApp && cd NotebookApp'
readme_command 'swift package init --type executable'
mkdir "$work/NotebookApp" && cd "$work/NotebookApp"
swift package init --type executable > init.log 2>&1 || { cat init.log; fail "swift package init"; }
check "swift package init made a package"

# 2. README's Package.swift, depending on this repository.
from_readme Package.swift | sed "s|path: \"../gen\"|path: \"$repo\"|" > Package.swift
grep -qF "path: \"$repo\"" Package.swift || fail "README's Package.swift depends on gen by the path ../gen"

# 3. The spec and the config.
readme_command 'swift run --package-path ../gen gen init Notebook --output Sources/NotebookApp'
swift run --package-path "$repo" gen init Notebook --output Sources/NotebookApp > gen-init.log 2>&1 \
    || { cat gen-init.log; fail "gen init"; }
spec=Sources/NotebookApp/Notebook.yaml
[ -f "$spec" ] || fail "gen init wrote $spec"
if swift run --package-path "$repo" gen init Notebook --output Sources/NotebookApp > gen-init2.log 2>&1; then
    fail "a second gen init replaced the spec"
fi
grep -qF "gen: error: $spec already exists" gen-init2.log || { cat gen-init2.log; fail "gen init's refusal"; }
check "gen init wrote the spec, and refuses to write it again"

readme_command "echo '{\"pieces\": [\"models\", \"client\", \"server\", \"memory\"]}' > Sources/NotebookApp/gen-config.json"
echo '{"pieces": ["models", "client", "server", "memory"]}' > Sources/NotebookApp/gen-config.json

# The spec as an editor's YAML language server checks it, against the spec schema.
python=${PYTHON:-python3}
if "$python" -c 'import jsonschema, yaml' 2> /dev/null; then
    (cd "$repo" && "$python" .ci/validate-specs.py "$work/NotebookApp/$spec") > schema.log 2>&1 \
        || { cat schema.log; fail "the spec passes Specs/spec.schema.json"; }
    check "the spec passes Specs/spec.schema.json"
else
    echo "skipped: the spec schema check, for want of a Python with jsonschema and PyYAML (set PYTHON)"
fi

# 4. README's program.
program=Sources/NotebookApp/NotebookApp.swift
from_readme "$program" > "$program"
[ -s "$program" ] || fail "README shows $program"

# 5. Build, serve, call.
readme_command 'swift build'
swift build > build.log 2>&1 || { tail -60 build.log; fail "the package builds"; }
grep -q "Generating Swift from Notebook.yaml" build.log || fail "the build ran gen"
if grep -E "GeneratedSources/[^:]+:[0-9]+:[0-9]+: warning:" build.log; then fail "the generated code has warnings"; fi
check "the package builds, gen's code without a warning"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
readme_command 'swift run NotebookApp serve 8080 &'
swift run NotebookApp serve "$port" > server.log 2>&1 &
server=$!
for _ in $(seq 1 120); do
    kill -0 "$server" 2>/dev/null || { cat server.log; fail "the server runs"; }
    if (: < "/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
    sleep 0.5
done
(: < "/dev/tcp/127.0.0.1/$port") 2>/dev/null || { cat server.log; fail "the server listens on port $port"; }
check "the server listens"

readme_command 'swift run NotebookApp call 8080'
# swift run prints its build's progress on standard error, and the program its answers on
# standard output.
swift run NotebookApp call "$port" > call.log 2> call-build.log \
    || { cat call-build.log call.log server.log; fail "the client's calls"; }
expected=$(from_readme output)
[ -n "$expected" ] || fail "README shows the program's output"
[ "$(cat call.log)" = "$expected" ] || {
    diff <(echo "$expected") call.log || true
    fail "the client's answers are README's (above: README's, then the program's)"
}
check "the generated client creates, fetches, updates, lists and deletes through the generated server"

echo "new-user: passed in ${SECONDS}s"
