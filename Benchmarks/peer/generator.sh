# Sourced by the scripts of Benchmarks/peer: sets `peer` to swift-openapi-generator 1.14.3's CLI,
# $PEER_GENERATOR when set, else built in release once in .build/peer/generator, and
# `peer_cached` to whether it was there before. Needs `root`, the repository.
peer_cached=true
if [ -n "${PEER_GENERATOR:-}" ]; then
    peer=$PEER_GENERATOR
else
    mkdir -p "$root/.build/peer/generator"
    cat > "$root/.build/peer/generator/Package.swift" << 'MANIFEST'
// swift-tools-version:5.9
import PackageDescription
let package = Package(
    name: "PeerGenerator",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")],
    targets: []
)
MANIFEST
    peer=$root/.build/peer/generator/.build/release/swift-openapi-generator
    [ -x "$peer" ] || peer_cached=false
    (cd "$root/.build/peer/generator" && swift build -c release --product swift-openapi-generator \
        > "$root/.build/peer/generator-build.log" 2>&1) || { cat "$root/.build/peer/generator-build.log"; exit 1; }
fi
[ -x "$peer" ] || { echo "no swift-openapi-generator at $peer" >&2; exit 1; }

# Writes to FILE swift-openapi-generator's configuration for PIECE… (types, client, server) with
# the access modifier ACCESS and the naming strategy its documentation recommends, idiomatic.
peer_config() {
    local file=$1 access=$2
    shift 2
    { echo "generate:"; printf '  - %s\n' "$@"; echo "accessModifier: $access"; echo "namingStrategy: idiomatic"; } > "$file"
}
