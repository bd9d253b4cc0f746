import Foundation
import Testing

@testable import GenCore

/// Template overrides, file by file, and template errors as diagnostics.
@Suite struct TemplateOverrideTests {
    @Test func anOverrideReplacesOnlyItsOwnFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(try RepositoryPaths.text("Tests/Fixtures/Minimal.yaml"), to: "Specs/Widget.yaml")
        try folder.write(
            "{{%CONTENT_TYPE:TEXT}}\n{{> Shared/header}}\n// SIDs go here\n",
            to: "Templates/Models/sids.mustache"
        )
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path("Generated")
        options.templates = folder.path("Templates")
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let sids = try String(contentsOfFile: folder.path("Generated/WidgetModels/Sids.swift"), encoding: .utf8)
        #expect(sids.hasSuffix("Do not edit: change the spec and run `swift run gen`.\n// SIDs go here\n"))
        let widget = try String(contentsOfFile: folder.path("Generated/WidgetModels/Widget.swift"), encoding: .utf8)
        #expect(widget.contains("public struct Widget: Codable, Hashable, Sendable, JSONWritable {"))
    }

    /// The diagnostics of loading templates with `files` (relative path → text) as overrides.
    func overrideDiagnostics(_ files: [String: String]) throws -> (folder: String, diagnostics: [String]) {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (path, text) in files { try folder.write(text, to: path) }
        guard case .failure(let error) = TemplateSet.load(overrides: folder.url) else {
            return (folder.url.relativePath, [])
        }
        return (folder.url.relativePath, error.diagnostics.map(\.description))
    }

    @Test func aTemplateThatDoesNotParseIsADiagnosticWithItsPlace() throws {
        let (folder, diagnostics) = try overrideDiagnostics([
            "Models/enum.mustache": "{{%CONTENT_TYPE:TEXT}}\nline two\n{{#cases}}\n  {{name}}\n{{/case}}\n"
        ])
        #expect(
            diagnostics == [
                "\(folder)/Models/enum.mustache:5:4: error: template does not parse: a section is closed with another name than it was opened with"
            ]
        )
    }

    @Test func anOverrideOfNoBundledTemplateIsReported() throws {
        let (folder, diagnostics) = try overrideDiagnostics(["Models/enums.mustache": "{{header}}\n"])
        #expect(
            diagnostics == [
                "\(folder)/Models/enums.mustache:1:1: error: 'Models/enums.mustache' overrides no bundled template (did you mean 'Models/enum.mustache'?)"
            ]
        )
    }

    @Test func everyBundledTemplateDeclaresTextContent() throws {
        let templates = try TemplateSet.load().get()
        #expect(
            templates.sources.keys.sorted() == [
                "CLI/resource", "CLI/root", "Client/client", "Client/resource", "Docs/cli", "Docs/client",
                "Docs/memory", "Docs/models", "Docs/server", "Memory/handler", "Models/enum",
                "Models/sids", "Models/struct", "Server/handler",
                "Server/inputs", "Server/routes", "Shared/header",
            ]
        )
        for (name, _) in templates.sources {
            let text = try RepositoryPaths.text("Templates/\(name).mustache")
            #expect(text.hasPrefix("{{%CONTENT_TYPE:TEXT}}\n"), "\(name) would HTML-escape < > &")
        }
    }
}
