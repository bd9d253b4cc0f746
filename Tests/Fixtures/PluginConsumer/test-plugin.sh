#!/usr/bin/env bash
# Tests gen's build plugin the way a user meets it, in a copy of this consumer package:
# a clean build generates and compiles, a second build does not rerun gen, an edited spec
# reruns it and the change reaches the program, edits of gen-config.json and of a template
# override rerun it, a broken spec fails the build with gen's diagnostic at the spec's line and
# column, the consumer's own test calls the generated client, the generate-code command
# plugin writes the same files into the target, and the config's access modifier reaches the
# generated code. Needs nothing but Swift.
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
# The checks below look for this line to prove that nothing recompiled: it must be there to find.
grep -q "Compiling WidgetAPI" build1.log || fail "the clean build's log names WidgetAPI's compilation"
generated=$(find .build/plugins/outputs -name 'Widget+Client.swift' | head -1)
[ -f "$generated" ] || fail "generated Widget+Client.swift"
grep -q "^// Part of WidgetAPI.$" "$generated" || fail "the template override in gen-config.json was used"
check "a clean build generates and compiles, with the config's template override"

# The modification time of every generated file.
stamps() { find "$(dirname "$generated")" -name '*.swift' -exec stat -c '%n %Y' {} + | sort; }
stamp=$(stamps)
[ "$(echo "$stamp" | wc -l)" = 2 ] || fail "two generated files (models and client): $stamp"
sleep 1
# SwiftPM 6.3 relinks a tool once in the build after a clean one (its C sources' dependency
# files name headers it writes during that first build), and so runs gen again: gen then
# writes nothing, since the bytes are the same, and nothing downstream recompiles.
swift build --build-tests > build2.log 2>&1 || { cat build2.log; fail "second build"; }
[ "$(stamps)" = "$stamp" ] || fail "a second build rewrote a generated file"
swift build --build-tests > build3.log 2>&1 || { cat build3.log; fail "third build"; }
if grep -q "Generating Swift" build3.log; then fail "a build with nothing changed reran gen"; fi
if grep -q "Compiling WidgetAPI" build2.log build3.log; then fail "an unchanged spec recompiled its target"; fi
[ "$(stamps)" = "$stamp" ] || fail "a build with nothing changed rewrote a generated file"
check "a build with an unchanged spec does not rerun gen, nor rewrite or recompile its output"

# An edit of gen-config.json that says the same: gen runs (an input changed), writes the same
# bytes, and nothing recompiles.
printf '\n' >> Sources/WidgetAPI/gen-config.json
swift build --build-tests > build-config.log 2>&1 || { cat build-config.log; fail "build after a config edit"; }
grep -q "Generating Swift from Widget.yaml" build-config.log || fail "a config edit reran gen"
if grep -q "Compiling WidgetAPI" build-config.log; then fail "a config edit that changes nothing recompiled"; fi
[ "$(stamps)" = "$stamp" ] || fail "a config edit that changes nothing rewrote a generated file"
check "editing gen-config.json reruns gen, which rewrites nothing when the output is the same"

# An edit of the template override reaches the generated code.
sed -i 's|// Part of WidgetAPI.|// Part of the Widget API.|' Sources/WidgetAPI/Templates/Shared/header.mustache
swift build --build-tests > build-template.log 2>&1 || { cat build-template.log; fail "build after a template edit"; }
grep -q "Generating Swift from Widget.yaml" build-template.log || fail "a template edit reran gen"
grep -q "Compiling WidgetAPI" build-template.log || fail "a template edit recompiled WidgetAPI"
grep -q "^// Part of the Widget API.$" "$generated" || fail "the template edit reached the generated file"
check "editing a template override reruns gen and the change reaches the compiled code"

# The edit lands a second after the last build, as a person's would: the build system compares
# modification times, and an edit within the same second as the build before it was seen to be
# missed now and then (the program kept the old colors).
sleep 1
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

# The command plugin writes the same files into the target, to be committed instead, and
# `--check` then finds nothing to do.
swift package --allow-writing-to-package-directory generate-code --target WidgetAPI > command.log 2>&1 \
    || { cat command.log; fail "the generate-code command plugin"; }
for file in Widget+Models.swift Widget+Client.swift; do
    cmp -s "Sources/WidgetAPI/Generated/$file" "$(dirname "$generated")/$file" \
        || fail "generate-code wrote the build plugin's $file"
done
swift package --allow-writing-to-package-directory generate-code --target WidgetAPI --check > check.log 2>&1 \
    || { cat check.log; fail "generate-code --check after generate-code"; }
check "the generate-code command plugin writes the build plugin's files into the target"

# The config's access modifier reaches the build plugin's code: package declarations, which the
# package's own modules still use once its hand-written public API is made package too. The
# command plugin's files go first: the build plugin's files of the same names would clash.
rm -r Sources/WidgetAPI/Generated
sed -i 's|"templates": "Templates"|"templates": "Templates",\n  "accessModifier": "package"|' \
    Sources/WidgetAPI/gen-config.json
sed -i 's/    public static func local/    package static func local/' Sources/WidgetAPI/WidgetAPI+Defaults.swift
swift build --build-tests > build-access.log 2>&1 || { cat build-access.log; fail "a build with accessModifier"; }
grep -q "^package struct WidgetAPI: Sendable {$" "$generated" || fail "the config's accessModifier reached the code"
check "the config's accessModifier gives the generated declarations package access, and the package builds"

echo "plugin: $passed passed, 0 failed"
