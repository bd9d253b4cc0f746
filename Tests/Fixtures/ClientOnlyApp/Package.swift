// swift-tools-version:6.1
import PackageDescription

// An app that uses only the generated models and client of gen's SIP Domain API, as an iOS app
// or a command-line tool would: its build must compile no SwiftNIO and no Hummingbird
// (check-client-only.sh reads the build log).
let package = Package(
    name: "ClientOnlyApp",
    platforms: [.macOS(.v14), .iOS(.v17)],
    dependencies: [
        .package(name: "gen", path: "../../..")
    ],
    targets: [
        .executableTarget(
            name: "client-only-app",
            dependencies: [
                .product(name: "SipDomainModels", package: "gen"),
                .product(name: "SipDomainClient", package: "gen"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
