import Foundation

/// A target's `gen-config.json`.
struct GenConfig: Decodable {
    var pieces: [String] = ["models", "client"]
    var templates: String?

    /// The pieces the build plugin generates: gen's Swift pieces.
    static let known = ["models", "client", "server", "cli"]

    enum CodingKeys: String, CodingKey {
        case pieces, templates
    }

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pieces = try container.decodeIfPresent([String].self, forKey: .pieces) ?? ["models", "client"]
        templates = try container.decodeIfPresent(String.self, forKey: .templates)
    }

    static func read(_ url: URL) throws -> GenConfig {
        let config: GenConfig
        do {
            config = try JSONDecoder().decode(GenConfig.self, from: Data(contentsOf: url))
        } catch {
            throw ConfigError("\(url.path):1:1: error: gen-config.json is not valid: \(error)")
        }
        for piece in config.pieces where !known.contains(piece) {
            if piece == "openapi" {
                // A build command's output that is not Swift becomes a resource of the target,
                // which would give it a resource bundle it did not ask for.
                throw ConfigError(
                    "\(url.path):1:1: error: the build plugin generates Swift only, not the 'openapi' piece; "
                        + "write the OpenAPI description with `gen --only openapi` or the generate-code "
                        + "command plugin"
                )
            }
            throw ConfigError(
                "\(url.path):1:1: error: unknown piece '\(piece)'; expected \(known.joined(separator: ", "))"
            )
        }
        return config
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

struct ConfigError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
