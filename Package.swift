// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "gen",
    // The Apple platforms of the runtimes and the generated code (they need `Duration` and
    // typed throws, and Hummingbird); Linux needs no entry.
    platforms: [.macOS(.v14), .iOS(.v17), .macCatalyst(.v17), .tvOS(.v17), .watchOS(.v10), .visionOS(.v1)],
    products: [
        .executable(name: "gen", targets: ["gen"]),
        .plugin(name: "GenBuildPlugin", targets: ["GenBuildPlugin"]),
        .plugin(name: "GenerateCode", targets: ["GenerateCode"]),
        .executable(name: "sipdomain-server", targets: ["SipDomainServerCommand"]),
        .executable(name: "sipdomain", targets: ["SipDomainCLI"]),
        .executable(name: "landmine-server", targets: ["LandmineServerCommand"]),
        .library(name: "GenCore", targets: ["GenCore"]),
        .library(name: "GenRuntime", targets: ["GenRuntime"]),
        .library(name: "GenClientRuntime", targets: ["GenClientRuntime"]),
        .library(name: "GenAsyncHTTPClientTransport", targets: ["GenAsyncHTTPClientTransport"]),
        .library(name: "SipDomainModels", targets: ["SipDomainModels"]),
        .library(name: "SipDomainClient", targets: ["SipDomainClient"]),
        .library(name: "SipDomainServer", targets: ["SipDomainServer"]),
        .library(name: "GenServerRuntime", targets: ["GenServerRuntime"]),
        .library(name: "GenCLIRuntime", targets: ["GenCLIRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Traits named explicitly: SwiftPM 6.3 passes default traits in random order, which
        // rebuilds Hummingbird from scratch on many builds.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The HTTP/1.1 parser's errors and parts, for error JSON before routing (Hummingbird's own).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // `swift package generate-documentation`: DocC for the runtimes and the generated modules.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // The generator: spec loading, validation, IR, emitters, rendering and writing.
        .target(
            name: "GenCore",
            dependencies: [
                "GenTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The bundled templates, shipped as resources inside the `gen` binary's bundle.
        .target(
            name: "GenTemplates",
            path: "Templates",
            exclude: ["README.md"],
            sources: ["BundledTemplates.swift"],
            resources: [
                .copy("Shared"), .copy("Models"), .copy("Client"), .copy("Server"), .copy("CLI"), .copy("Memory"),
                .copy("Docs"),
            ]
        ),
        // `gen import openapi`: OpenAPI descriptions into specs, on the YAML parser gen already has.
        .target(
            name: "GenImport",
            dependencies: [
                "GenCore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "gen",
            dependencies: [
                "GenCore",
                "GenImport",
                // Only for `GenVersion`, the one version of gen and its runtimes.
                "GenRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generates a target's specs at build time.
        .plugin(name: "GenBuildPlugin", capability: .buildTool(), dependencies: ["gen"]),
        // `swift package --allow-writing-to-package-directory generate-code`: regenerates Generated/.
        .plugin(
            name: "GenerateCode",
            capability: .command(
                intent: .custom(verb: "generate-code", description: "Regenerate Generated/ from Specs/ with gen"),
                permissions: [.writeToPackageDirectory(reason: "gen writes the generated code into the package")]
            ),
            dependencies: ["gen"]
        ),
        // What generated models import: typed SIDs, RFC 2822 dates. No networking.
        .target(name: "GenRuntime"),
        // What generated server stubs import: request decoding, validation, Twilio errors. No HTTP client.
        .target(
            name: "GenServerRuntime",
            dependencies: [
                "GenRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // What generated CLIs import: output formats, credentials, error reports, and the
        // transport of a command-line tool.
        .target(
            name: "GenCLIRuntime",
            dependencies: [
                "GenClientRuntime",
                "GenAsyncHTTPClientTransport",
                "GenRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What generated clients import: form encoding, auth, errors, retries, paging, and the
        // default transport on URLSession. No SwiftNIO: an app that uses the models and the
        // client compiles none of it (Tests/Fixtures/ClientOnlyApp proves it).
        .target(
            name: "GenClientRuntime",
            dependencies: [
                "GenRuntime",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A transport on AsyncHTTPClient, for clients in programs that run on SwiftNIO already.
        .target(
            name: "GenAsyncHTTPClientTransport",
            dependencies: [
                "GenClientRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),

        // Committed output of `swift run gen` (the golden files), compiled as ordinary targets.
        .target(name: "SipDomainModels", dependencies: ["GenRuntime"], path: "Generated/SipDomainModels"),
        .target(
            name: "SipDomainClient",
            dependencies: ["SipDomainModels", "GenClientRuntime"],
            path: "Generated/SipDomainClient"
        ),
        .target(
            name: "SipDomainServer",
            dependencies: [
                "SipDomainModels",
                "GenServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Generated/SipDomainServer"
        ),

        .executableTarget(
            name: "SipDomainCLI",
            dependencies: [
                "SipDomainClient",
                "GenCLIRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Generated/SipDomainCLI"
        ),
        // A runnable SIP Domain server over an in-memory store, on the generated server stubs.
        .target(
            name: "SipDomainLocalServer",
            dependencies: [
                "SipDomainServer",
                "GenServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "SipDomainServerCommand",
            dependencies: [
                "SipDomainLocalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks (Benchmarks/run.sh): a hand-written baseline server, and client decoding.
        .executableTarget(
            name: "HandWrittenSipDomainServer",
            dependencies: [
                // Only for RFC 2822 dates, which Foundation has no Sendable formatter for.
                "GenRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/HandWrittenServer"
        ),
        .executableTarget(
            name: "ClientDecodingBenchmark",
            dependencies: ["SipDomainModels"],
            path: "Benchmarks/ClientDecoding"
        ),

        // Output for the landmine spec (Swift keywords and odd wire names), compiled to prove it builds.
        .target(
            name: "LandmineModels",
            dependencies: ["GenRuntime"],
            path: "Tests/Goldens/LandmineModels"
        ),
        .target(
            name: "LandmineClient",
            dependencies: ["LandmineModels", "GenClientRuntime"],
            path: "Tests/Goldens/LandmineClient"
        ),
        .executableTarget(
            name: "LandmineCLI",
            dependencies: [
                "LandmineClient",
                "GenCLIRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Goldens/LandmineCLI"
        ),
        .target(
            name: "LandmineServer",
            dependencies: [
                "LandmineModels",
                "GenServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/Goldens/LandmineServer"
        ),
        // The landmine server over memory, which its tests serve, and as `landmine-server`, which
        // schemathesis fuzzes (Tests/Conformance/run.sh).
        .target(
            name: "LandmineBackend",
            dependencies: [
                "LandmineModels",
                "LandmineServer",
                "GenRuntime",
                "GenServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/LandmineBackend"
        ),
        .executableTarget(
            name: "LandmineServerCommand",
            dependencies: [
                "LandmineBackend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/LandmineServerCommand"
        ),

        // Output for an API of bearer tokens (Tests/Fixtures/Organizations.yaml), compiled too.
        .target(
            name: "OrganizationsModels",
            dependencies: ["GenRuntime"],
            path: "Tests/Goldens/OrganizationsModels"
        ),
        .target(
            name: "OrganizationsClient",
            dependencies: ["OrganizationsModels", "GenClientRuntime"],
            path: "Tests/Goldens/OrganizationsClient"
        ),
        .executableTarget(
            name: "OrganizationsCLI",
            dependencies: [
                "OrganizationsClient",
                "GenCLIRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Goldens/OrganizationsCLI"
        ),
        .target(
            name: "OrganizationsServer",
            dependencies: [
                "OrganizationsModels",
                "GenServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/Goldens/OrganizationsServer"
        ),
        // Every Swift piece of Organizations in one module, as the build plugin lays them out, with
        // `--access-modifier internal`: internal declarations compile, conformances included.
        .executableTarget(
            name: "OrganizationsInternal",
            dependencies: [
                "GenRuntime",
                "GenClientRuntime",
                "GenServerRuntime",
                "GenCLIRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/Goldens/Internal"
        ),
        // The in-memory handlers gen writes with `--only memory`, compiled from their goldens.
        .target(
            name: "SipDomainMemory",
            dependencies: ["SipDomainModels", "SipDomainServer", "GenRuntime", "GenServerRuntime"],
            path: "Tests/Goldens/Memory/SipDomainMemory"
        ),
        .target(
            name: "LandmineMemory",
            dependencies: ["LandmineModels", "LandmineServer", "GenRuntime", "GenServerRuntime"],
            path: "Tests/Goldens/Memory/LandmineMemory"
        ),
        .target(
            name: "OrganizationsMemory",
            dependencies: ["OrganizationsModels", "OrganizationsServer", "GenRuntime", "GenServerRuntime"],
            path: "Tests/Goldens/Memory/OrganizationsMemory"
        ),

        // `gen` is built so that tests can run it as a process.
        // Yams: the diagnostics tests edit their fixture by key path. GenRuntime: the OpenAPI
        // description's date patterns are checked against the runtime's parsers.
        .testTarget(
            name: "GenCoreTests",
            dependencies: [
                "GenCore", "GenImport", "gen", "GenRuntime", "TestSupport", .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "GenRuntimeTests", dependencies: ["GenRuntime"]),
        .testTarget(name: "GenClientRuntimeTests", dependencies: ["GenClientRuntime", "GenRuntime"]),
        .testTarget(name: "GenAsyncHTTPClientTransportTests", dependencies: ["GenAsyncHTTPClientTransport"]),
        .testTarget(name: "GenServerRuntimeTests", dependencies: ["GenServerRuntime", "GenRuntime"]),
        .testTarget(name: "GenCLIRuntimeTests", dependencies: ["GenCLIRuntime"]),
        // What several test targets share: servers run inside a test process, captured logs, the
        // hostile server of the client and CLI tests, the transports client tests run on.
        .target(
            name: "TestSupport",
            dependencies: [
                "GenClientRuntime",
                "GenAsyncHTTPClientTransport",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "SipDomainServerTests",
            dependencies: [
                "TestSupport",
                "SipDomainLocalServer",
                "SipDomainClient",
                "SipDomainMemory",
                "LandmineMemory",
                "OrganizationsMemory",
                // Built so that the log tests can run it as a process.
                "SipDomainServerCommand",
                "GenClientRuntime",
                "GenAsyncHTTPClientTransport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The generated CLI, built and run as a process against the local server.
        .testTarget(
            name: "SipDomainCLITests",
            dependencies: [
                "TestSupport",
                "SipDomainLocalServer",
                "SipDomainModels",
                "SipDomainCLI",
                "GenClientRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SipDomainClientTests",
            dependencies: [
                "TestSupport",
                "SipDomainClient",
                "GenClientRuntime",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The landmine pieces run: the client against a recording transport and against the
        // landmine server, and the CLI as a process.
        .testTarget(
            name: "LandmineTests",
            dependencies: [
                "TestSupport",
                "LandmineClient",
                "LandmineServer",
                "LandmineBackend",
                "LandmineCLI",
                "OrganizationsClient",
                "OrganizationsServer",
                "OrganizationsCLI",
                "GenClientRuntime",
                "GenAsyncHTTPClientTransport",
                "GenServerRuntime",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "GeneratedModelsTests",
            dependencies: ["SipDomainModels", "LandmineModels", "LandmineClient", "LandmineServer", "GenRuntime"],
            exclude: ["Examples"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
