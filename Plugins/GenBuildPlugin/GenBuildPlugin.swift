import Foundation
import PackagePlugin

/// Generates Swift from the gen specs of a target at build time.
///
/// Every `.yaml` file of the target is a spec. An optional `gen-config.json` chooses the pieces:
/// `{"pieces": ["models", "client"]}` (the default), any of `models`, `client`, `server`, `cli`,
/// `memory` (not `openapi`: a JSON output would become a resource of the target), and may name a
/// folder that overrides templates, relative to the config: `{"templates": "Templates"}`, and the
/// access modifier of the generated declarations: `{"accessModifier": "internal"}`. `GenConfig`
/// reads it, the same source as `gen --config`'s. Each spec `X.yaml` gives one file per piece,
/// `X+Models.swift`, `X+Client.swift`, …, compiled into the target itself.
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
        let config = try configURL.map { try GenConfig.read($0.path, swiftOnly: true) } ?? GenConfig()
        let templates = config.templatesURL
        let gen = try context.tool(named: "gen").url
        let templateFiles = Self.templateFiles(bundledNear: gen) + (templates.map(Self.files) ?? [])
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")

        return specs.map { spec in
            let stem = spec.deletingPathExtension().lastPathComponent
            var arguments = [
                "--spec", spec.path, "--output", output.path, "--layout", "single",
                "--only", config.pieces.joined(separator: ","),
            ]
            if let templates { arguments += ["--templates", templates.path] }
            if let access = config.accessModifier { arguments += ["--access-modifier", access.rawValue] }
            return .buildCommand(
                displayName:
                    "Generating Swift from \(spec.lastPathComponent) (\(config.pieces.joined(separator: ", ")))",
                executable: gen,
                arguments: arguments,
                inputFiles: [spec, gen] + (configURL.map { [$0] } ?? []) + templateFiles,
                outputFiles: config.pieces.map { output.appending(path: "\(stem)+\(Self.suffix($0)).swift") }
            )
        }
    }

    /// The file suffix of a piece, as `gen --layout single` names it.
    static func suffix(_ piece: String) -> String {
        piece == "cli" ? "CLI" : piece.prefix(1).uppercased() + piece.dropFirst()
    }

    /// Every file below `folder`.
    static func files(_ folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !$0.hasDirectoryPath }.sorted { $0.path < $1.path }
    }

    /// The templates bundled with `gen`, so that a change to them reruns it: the package's own
    /// `Templates/`, which the bundle is copied from, else the resource bundle beside the tool.
    /// The same files every time, whether the tool is built yet or not.
    static func templateFiles(bundledNear gen: URL) -> [URL] {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Templates")
        let sourceFiles = files(source).filter { $0.pathExtension == "mustache" }
        if !sourceFiles.isEmpty { return sourceFiles }
        let folder = gen.deletingLastPathComponent()
        let bundles = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        guard let bundle = bundles.first(where: { $0.lastPathComponent.hasPrefix("gen_GenTemplates") }) else {
            return []
        }
        return files(bundle).filter { $0.pathExtension == "mustache" }
    }
}
