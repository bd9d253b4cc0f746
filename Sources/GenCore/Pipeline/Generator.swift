import Foundation

/// The whole pipeline for a set of specs: load, lower, plan, emit; writing is left to the caller.
///
/// Each spec is parsed, lowered and planned once, and its plan shared by every emitter. Nothing is returned for writing
/// unless every spec and template was free of errors.
public struct Generator: Sendable {
    public var emitters: [any Emitter]

    public static let defaultEmitters: [any Emitter] = [
        ModelsEmitter(), ClientEmitter(), ServerEmitter(), CLIEmitter(), OpenAPIEmitter(),
    ]

    /// Every emitter: the default ones, and those that run only when their piece is asked for
    /// (`memory`, the in-memory handler for tests).
    public static let allEmitters: [any Emitter] = defaultEmitters + [MemoryEmitter()]

    public init(emitters: [any Emitter] = Generator.defaultEmitters) {
        self.emitters = emitters
    }

    /// A spec to generate from: the path shown in diagnostics, and its text.
    public struct SpecSource: Sendable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }

        /// The spec file's name, such as `SipDomain.yaml`, which keys it in the manifest.
        public var fileName: String { URL(fileURLWithPath: path).lastPathComponent }

        /// The file name without its extension, such as `SipDomain`.
        public var stem: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    }

    /// What a successful run produced.
    public struct Output: Sendable {
        public var plans: [APIPlan]
        public var files: [GeneratedFile]
        /// Spec file name to the paths of the files it produced.
        public var filesBySpec: [String: [String]]
    }

    /// Loads, lowers and plans one spec.
    public static func plan(of source: SpecSource) -> Result<APIPlan, DiagnosticError> {
        SpecLoader.load(source.text, file: source.path).flatMap(Planner.plan)
    }

    /// Loads and lowers one spec, checking that it plans too.
    public static func definition(of source: SpecSource) -> Result<APIDefinition, DiagnosticError> {
        plan(of: source).map(\.api)
    }

    /// Plans every spec, reporting the problems of all of them.
    public static func plans(of sources: [SpecSource]) -> Result<[APIPlan], DiagnosticError> {
        var log = DiagnosticLog()
        var plans: [APIPlan] = []
        for source in sources {
            switch plan(of: source) {
            case .success(let plan): plans.append(plan)
            case .failure(let error): log.append(contentsOf: error.diagnostics)
            }
        }
        if !log.isEmpty { return .failure(DiagnosticError(log.diagnostics)) }
        return .success(plans)
    }

    /// The checked form of every spec, as `gen ir` prints it.
    public static func definitions(of sources: [SpecSource]) -> Result<[APIDefinition], DiagnosticError> {
        plans(of: sources).map { $0.map(\.api) }
    }

    /// How generated files are laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// A folder per piece, each a module of its own (`SipDomainModels/SipDomain.swift`, …):
        /// what `Generated/` holds.
        case modules
        /// One file per piece, all for one module (`SipDomain+Models.swift`, …, and
        /// `SipDomain.openapi.json`), named after the spec file so that a build plugin knows
        /// them before generating: what the build plugin uses.
        case single
    }

    /// Generates every spec's files, laid out as `layout`, their declarations of `access`.
    public func generate(
        _ sources: [SpecSource],
        templates: TemplateSet,
        layout: Layout = .modules,
        access: AccessModifier = .public
    ) -> Result<Output, DiagnosticError> {
        let options = EmitOptions(layout: layout, access: access)
        let plans: [APIPlan]
        switch Self.plans(of: sources) {
        case .success(let value): plans = value
        case .failure(let error): return .failure(error)
        }
        var log = DiagnosticLog()
        var output = Output(plans: plans, files: [], filesBySpec: [:])
        var owners: [String: String] = [:]
        for (source, plan) in zip(sources, plans) {
            var paths: [String] = []
            var collided = false
            for emitter in emitters {
                do {
                    var files = try emitter.emit(plan, templates: templates, options: options)
                    if layout == .single {
                        files = try emitter.singleLayout(files, of: plan, stem: source.stem, templates: templates)
                    } else if !files.isEmpty, options.access == .public,
                        let article = try DocumentationArticle.file(for: emitter.piece, of: plan, with: templates)
                    {
                        files.append(article)
                    }
                    for file in files {
                        if let owner = owners[file.path] {
                            // One report per spec is enough: its other files collide likewise.
                            guard !collided else { continue }
                            collided = true
                            log.error(
                                "generates '\(file.path)', which \(owner) generates too; give one spec another name",
                                at: SourceLocation(file: source.path, line: 1, column: 1)
                            )
                            continue
                        }
                        owners[file.path] = source.fileName
                        paths.append(file.path)
                        output.files.append(file)
                    }
                } catch {
                    log.append(contentsOf: error.diagnostics)
                }
            }
            output.filesBySpec[source.fileName] = paths
        }
        if !log.isEmpty { return .failure(DiagnosticError(log.diagnostics)) }
        return .success(output)
    }
}
