#!/usr/bin/env bash
# Builds the DocC documentation of the runtimes and of the SIP Domain's generated modules with
# swift-docc-plugin, and fails on any warning of DocC or of the compiler, and when a generated
# module's archive does not open with the landing article gen wrote from the spec.
#
# Usage: Tests/Documentation/check-docs.sh   (archives in .build/plugins/Swift-DocC/outputs/)
set -euo pipefail
cd "$(dirname "$0")/../.."
runtimes=(GenRuntime GenClientRuntime GenAsyncHTTPClientTransport GenServerRuntime GenCLIRuntime)
generated=(SipDomainModels SipDomainClient SipDomainServer SipDomainCLI SipDomainMemory)
targets=()
for target in "${runtimes[@]}" "${generated[@]}"; do targets+=(--target "$target"); done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
swift package generate-documentation "${targets[@]}" > "$log" 2>&1 || { cat "$log"; echo "docs: the build failed" >&2; exit 1; }
# The one warning allowed is the package manager's about a file of a dependency's own package.
if grep -E "(warning|error):" "$log" | grep -v "^warning: 'swift-distributed-tracing': found 1 file(s) which are unhandled"; then
    echo "docs: the documentation build has the warnings above" >&2
    exit 1
fi
archives=.build/plugins/Swift-DocC/outputs
for module in "${generated[@]}"; do
    article=$(find Generated Tests/Goldens/Memory -path "*/$module.docc/$module.md" | head -1)
    [ -f "$article" ] || { echo "docs: no landing article for $module" >&2; exit 1; }
    page="$archives/$module.doccarchive/data/documentation/$(echo "$module" | tr '[:upper:]' '[:lower:]').json"
    python3 - "$article" "$page" <<'PY'
import json, sys
article, page = sys.argv[1], sys.argv[2]
abstract = open(article).read().split("\n\n")[1]
rendered = "".join(part.get("text", part.get("code", "")) for part in json.load(open(page))["abstract"])
if rendered.replace("`", "") != abstract.replace("`", ""):
    sys.exit(f"docs: {page} opens with {rendered!r}, not the article's {abstract!r}")
PY
done
echo "docs: ${#runtimes[@]} runtimes and ${#generated[@]} generated modules, no warnings; archives in $archives"
