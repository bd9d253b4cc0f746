import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-code`: regenerates the
/// package's committed `Generated/` from `Specs/` in place, as `swift run gen` does.
///
/// `--target NAME` instead regenerates the specs of one target (the files the build plugin
/// would generate: the pieces of its `gen-config.json`, models and client by default) into that
/// target's `Generated/` folder, to commit them. Other arguments go to `gen` (`--check`,
/// `--verbose`, `--only …`).
@main
struct GenerateCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let targetNames = extractor.extractOption(named: "target")
        let rest = extractor.remainingArguments
        let gen = try context.tool(named: "gen").url
        let root = context.package.directoryURL

        guard !targetNames.isEmpty else {
            try run(
                gen,
                ["--specs", root.appending(path: "Specs").path, "--output", root.appending(path: "Generated").path]
                    + rest
            )
            return
        }
        for target in try context.package.targets(named: targetNames) {
            guard let target = target as? SourceModuleTarget else { continue }
            let specs = target.sourceFiles.map(\.url).filter { ["yaml", "yml"].contains($0.pathExtension) }
            guard !specs.isEmpty else {
                Diagnostics.warning("target '\(target.name)' has no spec")
                continue
            }
            // gen reads the config itself; without one, the pieces are the build plugin's default.
            let config = target.sourceFiles.map(\.url).first { $0.lastPathComponent == "gen-config.json" }
            let pieces =
                config.map { ["--config", $0.path] }
                ?? (rest.contains("--only") ? [] : ["--only", GenConfig.defaultPieces.joined(separator: ",")])
            let arguments =
                specs.flatMap { ["--spec", $0.path] } + [
                    "--output", target.directoryURL.appending(path: "Generated").path, "--layout", "single",
                ] + pieces
            try run(gen, arguments + rest)
        }
    }

    /// Runs `gen`, passing its output through; a failure fails the command.
    private func run(_ gen: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = gen
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenFailure("gen failed with exit code \(process.terminationStatus)")
        }
    }
}

struct GenFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
