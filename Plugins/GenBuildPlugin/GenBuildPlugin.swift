import Foundation
import PackagePlugin

/// Generates Swift from the gen specs of a target at build time.
///
/// Every `.yaml` file of the target except `gen-config.yaml` is a spec. An optional
/// `gen-config.json` chooses the pieces: `{"pieces": ["models", "client"]}` (the default),
/// any of `models`, `client`, `server`, `cli` (not `openapi`: a JSON output would become a
/// resource of the target), and may name a folder of the target's that
/// overrides templates: `{"templates": "Templates"}`. Each spec `X.yaml` gives one file per
/// piece, `X+Models.swift`, `X+Client.swift`, …, compiled into the target itself.
///
/// The command's inputs are the spec, the config, the templates and the `gen` tool, and its
/// outputs are fixed names, so a build with nothing changed does not run `gen` again.
@main
struct GenBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
        let specs = files.filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
        guard !specs.isEmpty else { return [] }
        let configURL = files.first { $0.lastPathComponent == "gen-config.json" }
        let config = try configURL.map(GenConfig.read) ?? GenConfig()
        let templates = config.templates.map { target.directoryURL.appending(path: $0) }
        let gen = try context.tool(named: "gen").url
        let templateFiles = GenConfig.templateFiles(bundledNear: gen) + (templates.map(GenConfig.files) ?? [])
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")

        return specs.map { spec in
            let stem = spec.deletingPathExtension().lastPathComponent
            var arguments = [
                "--spec", spec.path, "--output", output.path, "--layout", "single",
                "--only", config.pieces.joined(separator: ","),
            ]
            if let templates { arguments += ["--templates", templates.path] }
            return .buildCommand(
                displayName:
                    "Generating Swift from \(spec.lastPathComponent) (\(config.pieces.joined(separator: ", ")))",
                executable: gen,
                arguments: arguments,
                inputFiles: [spec, gen] + (configURL.map { [$0] } ?? []) + templateFiles,
                outputFiles: config.pieces.map { output.appending(path: "\(stem)+\(GenConfig.suffix($0)).swift") }
            )
        }
    }
}
