/// A file an emitter produced, not yet written: its path relative to the output folder.
public struct GeneratedFile: Equatable, Sendable {
    public var path: String
    public var contents: String
    /// The modules a Swift file rendered for the single layout imports: its `contents` are its
    /// declarations alone, which the layout merges under one header and one list of imports.
    public var imports: [String]

    public init(path: String, contents: String, imports: [String] = []) {
        self.path = path
        self.contents = contents
        self.imports = imports
    }
}

/// Stage 4: turns an ``APIPlan`` into files, by projecting it into view models (strings,
/// booleans and lists the templates iterate over) and rendering templates with them. Templates
/// own the shape and the columns of the code; ``SwiftLayout`` breaks long lines after rendering.
public protocol Emitter: Sendable {
    /// The piece this emitter produces, such as `models`.
    var piece: String { get }
    /// What the piece's module or file name ends in, such as `Models`.
    var moduleSuffix: String { get }
    func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    /// The piece's files in the single layout, named after the spec file's name without its
    /// extension (`stem`), so that a build plugin knows them before generating.
    func singleLayout(_ files: [GeneratedFile], of plan: APIPlan, stem: String, templates: TemplateSet)
        throws(DiagnosticError) -> [GeneratedFile]
}

extension Emitter {
    /// One Swift file, `SipDomain+Models.swift`, holding all of the piece's declarations.
    public func singleLayout(_ files: [GeneratedFile], of plan: APIPlan, stem: String, templates: TemplateSet)
        throws(DiagnosticError) -> [GeneratedFile]
    {
        let header = try render(
            TemplateSet.headerTemplate,
            HeaderView(header: FileHeader(specFile: plan.api.specFile).text),
            with: templates
        )
        return [SingleFileLayout.merge(files, of: plan, header: header, into: stem + "+" + moduleSuffix)]
    }

    /// The file at `path`: `template` rendered with `view`, its declarations of the options'
    /// access. For the single layout, without its header and imports, which the view gives as data.
    func file(
        _ path: String,
        _ template: String,
        _ view: some FileView,
        with templates: TemplateSet,
        options: EmitOptions
    ) throws(DiagnosticError) -> GeneratedFile {
        var view = view
        view.access = options.access.declarationPrefix
        guard options.layout == .single else {
            return GeneratedFile(path: path, contents: try render(template, view, with: templates))
        }
        var declarations = view
        declarations.imports = []
        return GeneratedFile(
            path: path,
            contents: try render(template, declarations, with: templates, withHeader: false),
            imports: view.imports
        )
    }
}

/// How an emitter writes a spec's files: their layout, and the access modifier of the
/// declarations in them.
public struct EmitOptions: Equatable, Sendable {
    public var layout: Generator.Layout
    public var access: AccessModifier

    public init(layout: Generator.Layout = .modules, access: AccessModifier = .public) {
        self.layout = layout
        self.access = access
    }
}

extension AccessModifier {
    /// What a template writes before a declaration (`{{access}}struct`): the keyword and a space,
    /// or nothing for `internal`, which Swift assumes.
    var declarationPrefix: String {
        self == .internal ? "" : rawValue + " "
    }
}

/// The view of a whole Swift file, which starts with the header and the file's imports.
protocol FileView: TemplateView {
    var imports: [String] { get set }
    /// The access modifier of the file's declarations, as ``AccessModifier/declarationPrefix``
    /// writes it; ``Emitter/file(_:_:_:with:options:)`` sets it.
    var access: String { get set }
}

/// What `Shared/header` renders on its own: the header of a merged file.
struct HeaderView: TemplateView {
    let header: String

    static let templateNames: TemplateNames<Self> = ["header": \.header]
}

extension Emitter {
    /// Renders `template` with `context`; a template that is missing is a diagnostic.
    func render(
        _ template: String,
        _ context: some TemplateView,
        with templates: TemplateSet,
        withHeader: Bool = true
    ) throws(DiagnosticError) -> String {
        guard let text = templates.render(template, context, withHeader: withHeader) else {
            throw DiagnosticError([
                Diagnostic(
                    "no template '\(template)' for the \(piece) emitter",
                    at: SourceLocation(file: "Templates/\(template).mustache", line: 1, column: 1)
                )
            ])
        }
        return SwiftSourceText.tidy(SwiftLayout.apply(text))
    }
}

/// The header every generated file starts with.
struct FileHeader {
    let specFile: String

    /// The header as a Swift comment.
    var text: String { "// " + sentence }

    /// The header's words, for a file that has no comments (JSON).
    var sentence: String {
        "Generated by gen from \(specFile). Do not edit: change the spec and run `swift run gen`."
    }
}
