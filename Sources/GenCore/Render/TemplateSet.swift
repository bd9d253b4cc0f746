import Foundation
import GenTemplates
import Mustache

/// The templates a run renders with: the bundled ones, each replaced by the file of the same
/// relative path in an override folder when there is one (`gen --templates DIR`).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The same templates with an empty `Shared/header`: for the declarations of a file that
    /// the single layout merges under one header.
    let headerless: MustacheLibrary
    /// Template name (relative path without `.mustache`) to the file it was read from.
    public let sources: [String: String]

    static let fileExtension = ".mustache"

    /// Loads and parses every template, reporting all parse errors and unknown override files
    /// as diagnostics at `FILE:LINE:COL`.
    public static func load(overrides: URL? = nil, bundled: URL = BundledTemplates.directory) -> Result<
        TemplateSet, DiagnosticError
    > {
        var log = DiagnosticLog()
        let bundledNames = templateFiles(in: bundled)
        var texts: [String: (display: String, text: String)] = [:]
        for relative in bundledNames {
            let url = bundled.appendingPathComponent(relative)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                log.error("cannot read bundled template", at: SourceLocation(file: url.path, line: 1, column: 1))
                continue
            }
            texts[relative] = ("Templates/" + relative, text)
        }
        if let overrides {
            for relative in templateFiles(in: overrides) {
                let url = overrides.appendingPathComponent(relative)
                let display = overrides.relativePath + "/" + relative
                guard bundledNames.contains(relative) else {
                    log.error(
                        "'\(relative)' overrides no bundled template"
                            + Suggestion.hint(for: relative, in: bundledNames),
                        at: SourceLocation(file: display, line: 1, column: 1)
                    )
                    continue
                }
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    log.error("cannot read template", at: SourceLocation(file: display, line: 1, column: 1))
                    continue
                }
                texts[relative] = (display, text)
            }
        }

        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: String] = [:]
        for (relative, source) in texts.sorted(by: { $0.key < $1.key }) {
            let name = String(relative.dropLast(fileExtension.count))
            do {
                templates[name] = try MustacheTemplate(string: source.text)
                sources[name] = source.display
            } catch let error as MustacheTemplate.ParserError {
                log.error(
                    "template does not parse: \(describe(error.error))",
                    at: SourceLocation(
                        file: source.display,
                        line: error.context.lineNumber,
                        column: error.context.columnNumber
                    )
                )
            } catch {
                log.error(
                    "template does not parse: \(error)",
                    at: SourceLocation(file: source.display, line: 1, column: 1)
                )
            }
        }
        if !log.isEmpty { return .failure(DiagnosticError(log.diagnostics)) }
        var headerless = templates
        headerless[Self.headerTemplate] = try? MustacheTemplate(string: "")
        return .success(
            TemplateSet(
                library: MustacheLibrary(templates: templates),
                headerless: MustacheLibrary(templates: headerless),
                sources: sources
            )
        )
    }

    /// The partial every file starts with.
    static let headerTemplate = "Shared/header"

    /// Renders the template `name` (such as `Models/struct`) with `context`; without the header
    /// when `withHeader` is false.
    func render(_ name: String, _ context: Any, withHeader: Bool = true) -> String? {
        (withHeader ? library : headerless).render(context, withTemplate: name)
    }

    /// Every `.mustache` file below `directory`, as sorted relative paths.
    private static func templateFiles(in directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(fileExtension) }.sorted()
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case .unfinishedName: "a tag is not closed"
        case .expectedSectionEnd: "a section is not closed"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inheritance section"
        case .illegalTokenInsideInheritSection: "an inherited partial holds something other than blocks"
        case .textInsideInheritSection: "an inherited partial holds text outside blocks"
        case .invalidConfigVariableSyntax: "a configuration tag is malformed"
        case .unrecognisedConfigVariable: "a configuration tag is not recognised"
        case nil: "\(error)"
        }
    }
}
