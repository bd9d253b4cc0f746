import Foundation

/// Where a command prints: normal output and diagnostics.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    public static let standard = Console(
        out: { print($0) },
        err: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
    )
}

/// What `gen` does, apart from parsing its arguments: regenerate, check, or print the IR.
/// Each returns the process's exit code.
public enum GenerateCommand {
    public struct Options: Sendable {
        /// Spec files; empty means every `.yaml` file in `specsFolder`.
        public var specs: [String] = []
        public var specsFolder = "Specs"
        public var output = "Generated"
        public var templates: String?
        public var check = false
        public var verbose = false
        /// The pieces to generate (`models`, `client`, `server`, `cli`, `openapi`); nil for all.
        public var pieces: Set<String>?
        public var layout = Generator.Layout.modules
        /// A `gen-config.json` choosing pieces (models and client unless it names them), a
        /// template folder (relative to it) and an access modifier; flags win.
        public var config: String?
        /// The access modifier of every generated declaration; nil for the config's, else `public`.
        public var accessModifier: AccessModifier?

        public init() {}
    }

    public static func run(_ options: Options, console: Console = .standard) -> Int32 {
        var options = options
        if let path = options.config {
            do {
                let config = try GenConfig.read(path)
                options.pieces = options.pieces ?? Set(config.pieces)
                options.templates = options.templates ?? config.templatesURL?.path
                options.accessModifier = options.accessModifier ?? config.accessModifier
            } catch {
                let diagnostic = Diagnostic(error.message, at: SourceLocation(file: error.file, line: 1, column: 1))
                return fail(DiagnosticError([diagnostic]), console)
            }
        }
        let sources: [Generator.SpecSource]
        let templates: TemplateSet
        do {
            sources = try readSpecs(options)
            templates = try TemplateSet.load(overrides: options.templates.map { URL(fileURLWithPath: $0) }).get()
        } catch {
            return fail(error, console)
        }
        let emitters =
            options.pieces.map { pieces in Generator.allEmitters.filter { pieces.contains($0.piece) } }
            ?? Generator.defaultEmitters
        if let pieces = options.pieces {
            let known = Generator.allEmitters.map(\.piece)
            for piece in pieces.sorted() where !known.contains(piece) {
                console.err(
                    "gen: error: unknown piece '\(piece)'\(Suggestion.hint(for: piece, in: known)); "
                        + "expected \(known.joined(separator: ", "))"
                )
                return 1
            }
        }
        let access = options.accessModifier ?? .public
        let swiftPieces = emitters.map(\.piece).filter { $0 != "openapi" }
        if access == .internal, options.layout == .modules, swiftPieces.count > 1 {
            // Each piece is a module of its own, and a module cannot see another's internal types.
            console.err(
                "gen: error: the modules layout makes a module of each piece (\(swiftPieces.joined(separator: ", "))), "
                    + "which cannot see another's internal declarations; use --access-modifier package, "
                    + "--layout single, or one piece"
            )
            return 1
        }
        let output: Generator.Output
        let generator = Generator(emitters: emitters)
        switch generator.generate(sources, templates: templates, layout: options.layout, access: access) {
        case .success(let value): output = value
        case .failure(let error): return fail(error, console)
        }

        let writer = OutputWriter(root: URL(fileURLWithPath: options.output), name: options.output)
        let scope = options.specs.isEmpty ? nil : Set(sources.map(\.fileName))
        let plan: OutputWriter.Plan
        let files: [GeneratedFile]
        do {
            (plan, files) = try writer.plan(output.files, specs: output.filesBySpec, scope: scope)
        } catch {
            console.err("gen: error: \(error); nothing was written")
            return 1
        }
        for warning in plan.warnings { console.err(warning.description) }
        let folder = options.output.hasSuffix("/") ? options.output : options.output + "/"

        if options.check {
            guard !plan.isClean else {
                if options.verbose { console.out("gen: \(folder) is up to date (\(plan.unchanged.count) files)") }
                return 0
            }
            console.err("gen: \(folder) does not match the specs; run `swift run gen` and commit the result:")
            for path in plan.updated { console.err("  stale:   \(folder)\(path)") }
            for path in plan.created { console.err("  missing: \(folder)\(path)") }
            for path in plan.removed { console.err("  extra:   \(folder)\(path)") }
            return 1
        }

        do {
            try writer.apply(plan, files: files)
        } catch let error as OutputFolderError {
            console.err("gen: error: \(error); nothing was written")
            return 1
        } catch {
            console.err("gen: error: cannot write \(folder): \(error.localizedDescription); nothing was changed")
            return 1
        }
        if options.verbose {
            for path in plan.created + plan.updated { console.out("wrote     \(folder)\(path)") }
            for path in plan.unchanged { console.out("unchanged \(folder)\(path)") }
            for path in plan.removed { console.out("removed   \(folder)\(path)") }
        }
        let written = plan.created.count + plan.updated.count
        console.out(
            "gen: \(written) written, \(plan.unchanged.count) unchanged, \(plan.removed.count) removed in \(folder)"
        )
        return 0
    }

    /// Prints the IR of the specs as a JSON array.
    public static func printIR(_ options: Options, console: Console = .standard) -> Int32 {
        do {
            let definitions = try Generator.definitions(of: readSpecs(options)).get()
            console.out(try IRJSON.encode(definitions))
            return 0
        } catch {
            return fail(error, console)
        }
    }

    static func readSpecs(_ options: Options) throws(DiagnosticError) -> [Generator.SpecSource] {
        var paths = options.specs
        if paths.isEmpty {
            let folder = URL(fileURLWithPath: options.specsFolder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            paths = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
                options.specsFolder.hasSuffix("/") ? options.specsFolder + $0 : options.specsFolder + "/" + $0
            }
            if paths.isEmpty {
                throw DiagnosticError([
                    Diagnostic(
                        "no specs (*.yaml) found",
                        at: SourceLocation(file: options.specsFolder, line: 1, column: 1)
                    )
                ])
            }
        }
        var log = DiagnosticLog()
        var sources: [Generator.SpecSource] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
            else {
                log.error("cannot read the spec", at: SourceLocation(file: path, line: 1, column: 1))
                continue
            }
            sources.append(Generator.SpecSource(path: path, text: text))
        }
        if !log.isEmpty { throw DiagnosticError(log.diagnostics) }
        return sources
    }

    private static func fail(_ error: any Error, _ console: Console) -> Int32 {
        if let error = error as? DiagnosticError {
            for diagnostic in error.diagnostics { console.err(diagnostic.description) }
            let count = error.diagnostics.count
            console.err("gen: \(count) error\(count == 1 ? "" : "s"); nothing was written")
        } else {
            console.err("gen: error: \(error)")
        }
        return 1
    }
}

/// The IR as stable, pretty JSON: sorted keys, unescaped slashes.
public enum IRJSON {
    public static func encode(_ definitions: [APIDefinition]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(definitions), as: UTF8.self)
    }
}
