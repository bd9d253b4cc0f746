import Foundation
import Testing

@testable import GenCore

/// `gen` against a scratch folder: what it writes, leaves alone, removes and reports.
@Suite struct GenerateCommandTests {
    let folder: TemporaryFolder

    init() throws {
        folder = try TemporaryFolder()
        try folder.write(try RepositoryPaths.text("Tests/Fixtures/Minimal.yaml"), to: "Specs/Widget.yaml")
    }

    func run(check: Bool = false, specs: [String] = [], templates: String? = nil, verbose: Bool = false) -> (
        status: Int32, out: [String], err: [String]
    ) {
        let out = OutputLines()
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.specs = specs.map { folder.path($0) }
        options.output = folder.path("Generated")
        options.templates = templates.map { folder.path($0) }
        options.check = check
        options.verbose = verbose
        // The models alone: what these tests pin is how gen writes, not what each emitter adds.
        options.pieces = ["models"]
        let status = GenerateCommand.run(options, console: Console(out: out.append, err: err.append))
        return (status, out.lines, err.lines)
    }

    /// Rewrites the scratch spec with `edit` applied.
    func editSpec(_ edit: (String) -> String) throws {
        let spec = try String(contentsOfFile: folder.path("Specs/Widget.yaml"), encoding: .utf8)
        try folder.write(edit(spec), to: "Specs/Widget.yaml")
    }

    /// A second spec, `Specs/Gadget.yaml`, generating `GadgetModels`.
    func addGadgetSpec() throws {
        let spec = try String(contentsOfFile: folder.path("Specs/Widget.yaml"), encoding: .utf8)
        try folder.write(
            spec.replacingOccurrences(of: "name: Widget\n", with: "name: Gadget\n"),
            to: "Specs/Gadget.yaml"
        )
    }

    /// Drops the resource's page (and returns nothing from `list`), so `WidgetPage.swift` goes.
    func dropPage(_ spec: String) -> String {
        spec.replacingOccurrences(
            of:
                "    page:\n      items: widgets\n      fields:\n        next_page_uri: { type: string, nullable: true }\n",
            with: ""
        )
        .replacingOccurrences(of: "returns: page", with: "returns: nothing")
    }

    @Test func firstRunWritesEveryFileAndTheManifest() throws {
        defer { folder.remove() }
        let result = run()
        #expect(result.status == 0)
        #expect(
            try folder.snapshot().keys.sorted() == [
                "Generated/.gen-manifest", "Generated/WidgetModels/Color.swift", "Generated/WidgetModels/Sids.swift",
                "Generated/WidgetModels/Widget.swift", "Generated/WidgetModels/WidgetModels.docc/WidgetModels.md",
                "Generated/WidgetModels/WidgetPage.swift", "Specs/Widget.yaml",
            ]
        )
        #expect(result.out == ["gen: 6 written, 0 unchanged, 0 removed in \(folder.path("Generated"))/"])
    }

    @Test func aSecondRunTouchesNothing() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        let before = try folder.snapshot()
        Thread.sleep(forTimeInterval: 0.01)
        let result = run(verbose: true)
        #expect(result.status == 0)
        #expect(try folder.snapshot() == before)
        #expect(result.out.filter { $0.hasPrefix("wrote") }.isEmpty)
        #expect(result.out.filter { $0.hasPrefix("unchanged") }.count == 6)
    }

    @Test func onlyChangedFilesAreRewritten() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        let before = try folder.snapshot()
        try editSpec { $0.replacingOccurrences(of: "[RED, GREEN]", with: "[RED, GREEN, BLUE]") }
        let result = run(verbose: true)
        #expect(result.status == 0)
        let after = try folder.snapshot()
        let changed = after.keys.filter { after[$0] != before[$0] }.sorted()
        #expect(changed == ["Generated/WidgetModels/Color.swift", "Specs/Widget.yaml"])
    }

    @Test func checkPassesWhenUpToDateAndWritesNothing() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        let before = try folder.snapshot()
        let result = run(check: true)
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(try folder.snapshot() == before)
    }

    @Test func checkNamesStaleMissingAndExtraFiles() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("// edited by hand\n", to: "Generated/WidgetModels/Widget.swift")
        try FileManager.default.removeItem(atPath: folder.path("Generated/WidgetModels/Color.swift"))
        let before = try folder.snapshot()
        try editSpec(dropPage)
        let result = run(check: true)
        let generated = folder.path("Generated")
        #expect(result.status == 1)
        #expect(
            result.err == [
                "gen: \(generated)/ does not match the specs; run `swift run gen` and commit the result:",
                "  stale:   \(generated)/WidgetModels/Widget.swift",
                "  stale:   \(generated)/WidgetModels/WidgetModels.docc/WidgetModels.md",
                "  stale:   \(generated)/.gen-manifest",
                "  missing: \(generated)/WidgetModels/Color.swift",
                "  extra:   \(generated)/WidgetModels/WidgetPage.swift",
            ]
        )
        let after = try folder.snapshot()
        #expect(after.filter { $0.key.hasPrefix("Generated/") } == before.filter { $0.key.hasPrefix("Generated/") })
    }

    @Test func filesNoSpecProducesAnyMoreAreRemovedButOthersAreKept() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("// mine\n", to: "Generated/WidgetModels/Extensions.swift")
        try editSpec(dropPage)
        let result = run(verbose: true)
        #expect(result.status == 0)
        #expect(result.out.contains("removed   \(folder.path("Generated"))/WidgetModels/WidgetPage.swift"))
        let files = try folder.snapshot().keys
        #expect(!files.contains("Generated/WidgetModels/WidgetPage.swift"))
        #expect(files.contains("Generated/WidgetModels/Extensions.swift"))
    }

    @Test func aDeletedSpecTakesItsFilesAlong() throws {
        defer { folder.remove() }
        try addGadgetSpec()
        #expect(run().status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.path("Generated/GadgetModels/Widget.swift")))
        try FileManager.default.removeItem(atPath: folder.path("Specs/Gadget.yaml"))
        #expect(run().status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("Generated/GadgetModels")))
        #expect(FileManager.default.fileExists(atPath: folder.path("Generated/WidgetModels/Widget.swift")))
    }

    @Test func oneSpecRunLeavesTheOtherSpecsFilesAlone() throws {
        defer { folder.remove() }
        try addGadgetSpec()
        #expect(run().status == 0)
        let before = try folder.snapshot()
        #expect(run(specs: ["Specs/Widget.yaml"]).status == 0)
        #expect(try folder.snapshot() == before)
    }

    @Test func anUnknownPieceIsAnError() throws {
        defer { folder.remove() }
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path("Generated")
        options.pieces = ["models", "clinet"]
        let status = GenerateCommand.run(options, console: Console(out: { _ in }, err: err.append))
        #expect(status == 1)
        #expect(
            err.lines == [
                "gen: error: unknown piece 'clinet' (did you mean 'client'?); "
                    + "expected models, client, server, cli, openapi, memory"
            ]
        )
        #expect(!FileManager.default.fileExists(atPath: folder.path("Generated")))
    }

    @Test func everyPieceIsGeneratedByDefault() throws {
        defer { folder.remove() }
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path("Generated")
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: folder.path("Generated")).sorted()
        #expect(
            folders == [".gen-manifest", "WidgetCLI", "WidgetClient", "WidgetModels", "WidgetOpenAPI", "WidgetServer"]
        )
    }

    @Test func theSingleLayoutWritesTheOpenAPIDescriptionBesideTheSwiftFiles() throws {
        defer { folder.remove() }
        var options = GenerateCommand.Options()
        options.specs = [folder.path("Specs/Widget.yaml")]
        options.output = folder.path("Out")
        options.pieces = ["models", "openapi"]
        options.layout = .single
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("Out")).sorted()
        #expect(files == [".gen-manifest", "Widget+Models.swift", "Widget.openapi.json"])
        let description = try String(contentsOfFile: folder.path("Out/Widget.openapi.json"), encoding: .utf8)
        #expect(description.hasPrefix("{\n  \"openapi\": \"3.1.0\",\n"))
    }

    /// Options that generate `Specs/Widget.yaml` into `Out/` in the single layout, with `config`
    /// written to `Specs/gen-config.json`.
    func singleLayoutOptions(config: String) throws -> GenerateCommand.Options {
        try folder.write(config, to: "Specs/gen-config.json")
        var options = GenerateCommand.Options()
        options.specs = [folder.path("Specs/Widget.yaml")]
        options.output = folder.path("Out")
        options.config = folder.path("Specs/gen-config.json")
        options.layout = .single
        return options
    }

    @Test func aConfigFileChoosesThePiecesAndTheLayout() throws {
        defer { folder.remove() }
        let options = try singleLayoutOptions(config: #"{"pieces": ["client"]}"#)
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("Out")).sorted()
        #expect(files == [".gen-manifest", "Widget+Client.swift"])
        let client = try String(contentsOfFile: folder.path("Out/Widget+Client.swift"), encoding: .utf8)
        #expect(!client.contains("import WidgetModels"), "one module holds every piece")
        #expect(client.contains("public struct WidgetAPI: Sendable {"))
        #expect(client.contains("public struct Widgets: Sendable {"))
    }

    @Test func aConfigWithoutPiecesGeneratesModelsAndClient() throws {
        defer { folder.remove() }
        try folder.write(
            "{{%CONTENT_TYPE:TEXT}}\n{{header}}\n// Part of WidgetAPI.\n",
            to: "Specs/T/Shared/header.mustache"
        )
        let options = try singleLayoutOptions(config: #"{"templates": "T"}"#)
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("Out")).sorted()
        #expect(files == [".gen-manifest", "Widget+Client.swift", "Widget+Models.swift"])
        let models = try String(contentsOfFile: folder.path("Out/Widget+Models.swift"), encoding: .utf8)
        #expect(models.contains("// Part of WidgetAPI."), "the templates, relative to the config")
    }

    @Test func theConfigNamesTheAccessModifierAndTheFlagWins() throws {
        defer { folder.remove() }
        var options = try singleLayoutOptions(config: #"{"pieces": ["models"], "accessModifier": "package"}"#)
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        var models = try String(contentsOfFile: folder.path("Out/Widget+Models.swift"), encoding: .utf8)
        #expect(models.contains("\npackage struct Widget: Codable, Hashable, Sendable, JSONWritable {\n"))
        options.accessModifier = .internal
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        models = try String(contentsOfFile: folder.path("Out/Widget+Models.swift"), encoding: .utf8)
        #expect(models.contains("\nstruct Widget: Codable, Hashable, Sendable, JSONWritable {\n"))
        #expect(!models.contains("package "))
    }

    /// In the modules layout each piece is a module, which cannot see another's internal types:
    /// the run is refused rather than leaving code that does not compile.
    @Test func internalDeclarationsInSeveralModulesAreRefused() throws {
        defer { folder.remove() }
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path("Generated")
        options.pieces = ["models", "client", "openapi"]
        options.accessModifier = .internal
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: err.append)) == 1)
        #expect(
            err.lines == [
                "gen: error: the modules layout makes a module of each piece (models, client), which cannot see "
                    + "another's internal declarations; use --access-modifier package, --layout single, or one piece"
            ]
        )
        #expect(!FileManager.default.fileExists(atPath: folder.path("Generated")))
        options.pieces = ["models", "openapi"]
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let models = try String(contentsOfFile: folder.path("Generated/WidgetModels/Widget.swift"), encoding: .utf8)
        #expect(models.contains("\nstruct Widget: Codable, Hashable, Sendable, JSONWritable {\n"))
    }

    @Test func anUnknownPieceInAConfigIsADiagnostic() throws {
        defer { folder.remove() }
        try folder.write(#"{"pieces": ["models", "modles"]}"#, to: "gen-config.json")
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path("Generated")
        options.config = folder.path("gen-config.json")
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: err.append)) == 1)
        #expect(
            err.lines == [
                "\(folder.path("gen-config.json")):1:1: error: unknown piece 'modles'; expected models, client, server, cli, openapi, memory",
                "gen: 1 error; nothing was written",
            ]
        )
        #expect(!FileManager.default.fileExists(atPath: folder.path("Generated")))
    }

    /// A header template that writes more than one comment line still leaves one header, and
    /// the sibling modules' imports out of the merged file.
    @Test func theSingleLayoutKeepsAHeaderOverrideOfSeveralLines() throws {
        defer { folder.remove() }
        try folder.write("{{%CONTENT_TYPE:TEXT}}\n{{header}}\n// Part of WidgetAPI.\n", to: "T/Shared/header.mustache")
        var options = GenerateCommand.Options()
        options.specs = [folder.path("Specs/Widget.yaml")]
        options.output = folder.path("Out")
        options.templates = folder.path("T")
        options.pieces = ["models", "client"]
        options.layout = .single
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: { _ in })) == 0)
        let client = try String(contentsOfFile: folder.path("Out/Widget+Client.swift"), encoding: .utf8)
        #expect(!client.contains("import WidgetModels"))
        #expect(client.components(separatedBy: "// Part of WidgetAPI.").count == 2)
        #expect(client.hasPrefix("// Generated by gen from Widget.yaml."))
    }

    @Test func aBrokenConfigFileIsADiagnostic() throws {
        defer { folder.remove() }
        try folder.write(#"{"pieces": "models"}"#, to: "gen-config.json")
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path("Generated")
        options.config = folder.path("gen-config.json")
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: err.append)) == 1)
        #expect(
            err.lines.first?.hasPrefix("\(folder.path("gen-config.json")):1:1: error: the config is not valid") == true
        )
    }

    @Test func twoSpecsWithTheSameNameAreAnError() throws {
        defer { folder.remove() }
        try folder.write(try RepositoryPaths.text("Tests/Fixtures/Minimal.yaml"), to: "Specs/Widget2.yaml")
        let result = run()
        #expect(result.status == 1)
        #expect(result.err.count == 2)
        #expect(
            result.err.first
                == "\(folder.path("Specs/Widget2.yaml")):1:1: error: generates 'WidgetModels/Widget.swift', which Widget.yaml generates too; give one spec another name"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.path("Generated")))
    }

    @Test func anEmptySpecsFolderIsAnError() throws {
        defer { folder.remove() }
        try FileManager.default.removeItem(atPath: folder.path("Specs/Widget.yaml"))
        let result = run()
        #expect(result.status == 1)
        #expect(result.err.first == "\(folder.path("Specs")):1:1: error: no specs (*.yaml) found")
    }

    @Test func irIsPrintedAsJSON() throws {
        defer { folder.remove() }
        let out = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        #expect(GenerateCommand.printIR(options, console: Console(out: out.append, err: { _ in })) == 0)
        let json = try #require(out.lines.first)
        let decoded = try JSONDecoder().decode([APIDefinition].self, from: Data(json.utf8))
        #expect(decoded.map(\.name) == ["Widget"])
        #expect(decoded[0].resources[0].operations[0].parameters.map(\.wireName) == ["AccountSid", "PageSize"])
    }
}
