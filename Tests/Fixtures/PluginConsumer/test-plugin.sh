#!/usr/bin/env bash
# Tests gen's build plugin the way a user meets it, in a copy of this consumer package:
# a clean build generates and compiles, a second build does not rerun gen, an edited spec
# reruns it and the change reaches the program, a broken spec fails the build with gen's
# diagnostic at the spec's line and column, and the consumer's own test calls the generated
# client. Needs nothing but Swift.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$repo/Tests/Fixtures/PluginConsumer/." "$work/"
rm -rf "$work/.build"
sed -i "s|path: \"../../..\"|path: \"$repo\"|" "$work/Package.swift"
cd "$work"
spec="$work/Sources/WidgetAPI/Widget.yaml"
passed=0
check() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; echo "1 failed"; exit 1; }

swift build --build-tests > build1.log 2>&1 || { cat build1.log; fail "clean build"; }
grep -q "Generating Swift from Widget.yaml" build1.log || fail "clean build ran gen"
generated=$(find .build/plugins/outputs -name 'Widget+Client.swift' | head -1)
[ -f "$generated" ] || fail "generated Widget+Client.swift"
check "a clean build generates and compiles"

stamp=$(stat -c %Y "$generated")
sleep 1
# SwiftPM 6.3 relinks a tool once in the build after a clean one (its C sources' dependency
# files name headers it writes during that first build), and so runs gen again: gen then
# writes nothing, since the bytes are the same, and nothing downstream recompiles.
swift build --build-tests > build2.log 2>&1 || { cat build2.log; fail "second build"; }
[ "$(stat -c %Y "$generated")" = "$stamp" ] || fail "a second build rewrote the generated file"
swift build --build-tests > build3.log 2>&1 || { cat build3.log; fail "third build"; }
if grep -q "Generating Swift" build3.log; then fail "a build with nothing changed reran gen"; fi
if grep -q "Compiling WidgetAPI" build2.log build3.log; then fail "an unchanged spec recompiled its target"; fi
[ "$(stat -c %Y "$generated")" = "$stamp" ] || fail "a build with nothing changed rewrote the generated file"
check "a build with an unchanged spec does not rerun gen, nor rewrite or recompile its output"

sed -i 's/values: \[RED, GREEN\]/values: [RED, GREEN, BLUE]/' "$spec"
swift build --build-tests > build4.log 2>&1 || { cat build4.log; fail "build after an edit"; }
grep -q "Generating Swift from Widget.yaml" build4.log || fail "an edit reran gen"
colors=$(swift run --skip-build widget-info 2>/dev/null)
[ "$colors" = "colors: RED GREEN BLUE" ] || fail "the edit reached the program (got '$colors')"
check "editing the spec reruns gen and the change reaches the compiled code"

sed -i 's/      name: { type: string, nullable: true }/      name: { type: strng, nullable: true }/' "$spec"
if swift build --build-tests > build5.log 2>&1; then fail "a broken spec built"; fi
expected="$spec:19:21: error: unknown type 'strng' (did you mean 'string'?)"
grep -qF "$expected" build5.log || { cat build5.log; fail "the build shows gen's diagnostic"; }
check "a broken spec fails the build with gen's diagnostic"

# Last: `swift test` plans the build anew, which rebuilds the tool and so reruns gen.
cp "$repo/Tests/Fixtures/PluginConsumer/Sources/WidgetAPI/Widget.yaml" "$spec"
swift test > test.log 2>&1 || { cat test.log; fail "the consumer's tests"; }
check "the consumer's test calls the generated client"

echo "plugin: $passed passed, 0 failed"
