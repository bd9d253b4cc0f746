import Foundation

/// A `gen-config.json`: the pieces to generate, a folder of template overrides relative to the
/// file, and the access modifier of the generated declarations, such as
/// `{"pieces": ["models", "client"], "templates": "Templates", "accessModifier": "internal"}`.
///
/// `accessModifier` is `public` (the default), `package` or `internal`. `internal` suits one
/// module that holds every piece, as the build plugin generates them; in the modules layout each
/// piece is a module of its own, which sees the others' `package` declarations but not their
/// `internal` ones.
///
/// The one reader of the file. `gen --config` compiles it as part of GenCore; the plugins, which
/// cannot import a library target, compile the same file through a symbolic link
/// (`Plugins/GenBuildPlugin/GenConfig.swift`, `Plugins/GenerateCode/GenConfig.swift`). So it
/// uses nothing but Foundation.
struct GenConfig: Equatable {
    /// The pieces of a config that names none, and of a target without a config in the plugins:
    /// what a consumer of an API needs.
    static let defaultPieces = ["models", "client"]
    /// Every piece gen generates, in the order it generates them: `memory`, the in-memory
    /// handler, only when it is named.
    static let knownPieces = ["models", "client", "server", "cli", "openapi", "memory"]
    /// The pieces the build plugin generates: gen's Swift pieces.
    static let swiftPieces = ["models", "client", "server", "cli", "memory"]
    /// The keys of the file.
    static let keys = ["pieces", "templates", "accessModifier"]

    /// The pieces, each once, in the order the file names them.
    var pieces = defaultPieces
    /// The template folder as the file writes it.
    var templates: String?
    /// `templates`, resolved against the folder of the config file.
    var templatesURL: URL?
    /// The access modifier the file names; nil when it names none, which leaves gen's default.
    var accessModifier: AccessModifier?

    init() {}

    /// Reads and checks the config at `path`. With `swiftOnly`, as the build plugin reads it,
    /// the `openapi` piece is an error.
    static func read(_ path: String, swiftOnly: Bool = false) throws(GenConfigError) -> GenConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GenConfigError(path, "cannot read the config")
        }
        return try parse(data, at: path, swiftOnly: swiftOnly)
    }

    /// Checks `data`, the contents of the config at `path`.
    static func parse(_ data: Data, at path: String, swiftOnly: Bool = false) throws(GenConfigError) -> GenConfig {
        func invalid(_ problem: String) -> GenConfigError {
            GenConfigError(path, "the config is not valid: \(problem)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data), let fields = object as? [String: Any] else {
            throw invalid(#"it is not a JSON object such as {"pieces": ["models", "client"]}"#)
        }
        for key in fields.keys.sorted() where !keys.contains(key) {
            throw invalid("unknown key '\(key)'; expected \(keys.joined(separator: ", "))")
        }
        var config = GenConfig()
        if let value = fields["pieces"] {
            guard let pieces = value as? [String] else {
                throw invalid(#"'pieces' must be a list of piece names, such as ["models", "client"]"#)
            }
            guard !pieces.isEmpty else {
                throw invalid("'pieces' is empty; name one or more of \(knownPieces.joined(separator: ", "))")
            }
            config.pieces = []
            for piece in pieces where !config.pieces.contains(piece) {
                config.pieces.append(piece)
            }
        }
        if let value = fields["templates"] {
            guard let templates = value as? String, !templates.isEmpty else {
                throw invalid("'templates' must be the path of a folder, relative to the config")
            }
            config.templates = templates
            config.templatesURL =
                URL(fileURLWithPath: templates, relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent())
                .standardizedFileURL
        }
        if let value = fields["accessModifier"] {
            let names = AccessModifier.allCases.map(\.rawValue).joined(separator: ", ")
            guard let name = value as? String else {
                throw invalid("'accessModifier' must be one of \(names)")
            }
            guard let modifier = AccessModifier(rawValue: name) else {
                throw GenConfigError(path, "unknown access modifier '\(name)'; expected \(names)")
            }
            config.accessModifier = modifier
        }
        let allowed = swiftOnly ? swiftPieces : knownPieces
        for piece in config.pieces where !allowed.contains(piece) {
            if piece == "openapi" {
                // A build command's output that is not Swift becomes a resource of the target,
                // which would give it a resource bundle it did not ask for.
                throw GenConfigError(
                    path,
                    "the build plugin generates Swift only, not the 'openapi' piece; write the OpenAPI "
                        + "description with `gen --only openapi` or the generate-code command plugin"
                )
            }
            throw GenConfigError(path, "unknown piece '\(piece)'; expected \(allowed.joined(separator: ", "))")
        }
        return config
    }
}

/// The access modifier of every declaration gen generates, as `gen --access-modifier` and a
/// config's `accessModifier` name it. Declared here because the plugins read configs too.
public enum AccessModifier: String, CaseIterable, Sendable {
    case `public`
    case `package`
    case `internal`
}

/// A problem with a config file, which belongs to the whole file: `FILE:1:1: error: …`.
struct GenConfigError: Error, Equatable, CustomStringConvertible {
    /// The config file's path, as it was given.
    let file: String
    let message: String

    init(_ file: String, _ message: String) {
        self.file = file
        self.message = message
    }

    var description: String { "\(file):1:1: error: \(message)" }
}
