#!/usr/bin/env bash
# Builds the app of this fixture, which uses only gen's SIP Domain models and client, and checks
# its build log: no module of SwiftNIO, Hummingbird, AsyncHTTPClient or their kin is compiled,
# while the models, the client and their runtimes are. Then runs the app against the local
# server (the repository's sipdomain-server, built), on the client's default transport.
#
# Usage: Tests/Fixtures/ClientOnlyApp/check-client-only.sh [path of sipdomain-server]
#        (default .build/debug/sipdomain-server of the repository)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
server=$(realpath "${1:-$repo/.build/debug/sipdomain-server}")
[ -x "$server" ] || { echo "FAILED: no server at $server (build it first)" >&2; exit 1; }
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$repo/Tests/Fixtures/ClientOnlyApp/." "$work/"
rm -rf "$work/.build"
sed -i "s|path: \"../../..\"|path: \"$repo\"|" "$work/Package.swift"
cd "$work"
fail() { echo "FAILED: $1" >&2; exit 1; }

# -v: every compiler command, with the module it builds (`-module-name X`; C targets by their
# source paths under .build/checkouts).
swift build -v > build.log 2>&1 || { tail -50 build.log; fail "the client-only app builds"; }
modules=$(grep -oE -- "-module-name [A-Za-z0-9_]+" build.log | awk '{print $2}' | sort -u)
echo "modules compiled: $(echo $modules)"
for wanted in SipDomainModels SipDomainClient GenClientRuntime GenRuntime client_only_app; do
    echo "$modules" | grep -qx "$wanted" || fail "the log names $wanted's compilation (so that the check below means something)"
done
forbidden='NIO|Hummingbird|AsyncHTTPClient|ServiceLifecycle|Atomics|HTTPTypes|Crypto|SSL'
if echo "$modules" | grep -E "$forbidden"; then fail "the client-only app compiled the modules above"; fi
if grep -E "checkouts/(swift-nio|hummingbird|async-http-client|swift-service-lifecycle)" build.log | grep -E "clang|swiftc" | head -3 | grep .; then
    fail "the client-only app compiled sources of the packages above"
fi
echo "ok: the client-only app compiles no SwiftNIO, Hummingbird or AsyncHTTPClient"

account=AC0123456789abcdef0123456789abcdef
token=client-only-token
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$server" --port "$port" --account-sid "$account" --auth-token "$token" --log-level warning > server.log 2>&1 &
pid=$!
listening=
for _ in $(seq 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
        listening=yes
        break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$listening" ] || { cat server.log; fail "the local server listens on port $port"; }
output=$(swift run --skip-build client-only-app "http://127.0.0.1:$port" "$account" "$token" 2>&1) ||
    { echo "$output"; fail "the app ran against the local server"; }
echo "$output"
echo "$output" | grep -q "^created, fetched, listed and deleted SD[0-9a-f]\{32\} (App) on URLSessionTransport$" ||
    fail "the app's answer"
echo "ok: the app calls the local server through URLSessionTransport"
