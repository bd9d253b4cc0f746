// swift-tools-version:6.1
import PackageDescription

// A package that uses gen's build plugin on its own spec, as a user's package would.
let package = Package(
    name: "PluginConsumer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "gen", path: "../../..")
    ],
    targets: [
        // Widget.yaml and gen-config.json become Widget+Models.swift and Widget+Client.swift at build time.
        .target(
            name: "WidgetAPI",
            dependencies: [
                .product(name: "GenRuntime", package: "gen"),
                .product(name: "GenClientRuntime", package: "gen"),
            ],
            plugins: [.plugin(name: "GenBuildPlugin", package: "gen")]
        ),
        .executableTarget(name: "widget-info", dependencies: ["WidgetAPI"]),
        .testTarget(
            name: "WidgetAPITests",
            dependencies: ["WidgetAPI", .product(name: "GenClientRuntime", package: "gen")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
