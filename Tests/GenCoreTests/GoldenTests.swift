import Foundation
import TestSupport
import Testing

@testable import GenCore

/// Regenerates in memory and compares byte for byte with what is committed. On a mismatch the
/// failure shows a unified diff and the one command that refreshes the golden files.
@Suite struct GoldenTests {
    static func templates() throws -> TemplateSet {
        try TemplateSet.load().get()
    }

    /// Compares the files `specs` generate with those committed below `output`.
    func expectGoldens(
        specs: [String],
        output: String,
        refresh: String,
        generator: Generator = Generator(),
        layout: Generator.Layout = .modules,
        access: AccessModifier = .public
    ) throws {
        let sources = try specs.map { Generator.SpecSource(path: $0, text: try RepositoryPaths.text($0)) }
        let generated = try generator.generate(sources, templates: Self.templates(), layout: layout, access: access)
            .get()
        let writer = OutputWriter(root: RepositoryPaths.url(output))
        let (plan, files) = try writer.plan(
            generated.files,
            specs: generated.filesBySpec,
            scope: Set(sources.map(\.fileName))
        )
        for path in plan.updated {
            let committed = try RepositoryPaths.text("\(output)/\(path)")
            let current = try #require(files.first { $0.path == path }).contents
            Issue.record(
                """
                \(output)/\(path) differs from what gen generates. Review, then refresh with:
                    \(refresh)
                \(UnifiedDiff.of(expected: committed, actual: current, name: "\(output)/\(path)"))
                """
            )
        }
        for path in plan.created {
            Issue.record("\(output)/\(path) is generated but not committed; refresh with:\n    \(refresh)")
        }
        for path in plan.removed {
            Issue.record("\(output)/\(path) is committed but no longer generated; refresh with:\n    \(refresh)")
        }
        #expect(!plan.unchanged.isEmpty)
    }

    @Test func generatedFolderMatchesTheSpecs() throws {
        try expectGoldens(specs: ["Specs/SipDomain.yaml"], output: "Generated", refresh: "swift run gen")
    }

    @Test func landmineOutputMatchesItsSpec() throws {
        try expectGoldens(
            specs: ["Tests/Fixtures/Landmine.yaml"],
            output: "Tests/Goldens",
            refresh: "swift run gen --spec Tests/Fixtures/Landmine.yaml --output Tests/Goldens"
        )
    }

    /// The in-memory handlers (`--only memory`), which only a run that asks for them writes.
    @Test func inMemoryHandlersMatchTheirSpecs() throws {
        try expectGoldens(
            specs: ["Specs/SipDomain.yaml", "Tests/Fixtures/Landmine.yaml", "Tests/Fixtures/Organizations.yaml"],
            output: "Tests/Goldens/Memory",
            refresh: "for spec in Specs/SipDomain.yaml Tests/Fixtures/{Landmine,Organizations}.yaml; "
                + "do swift run gen --spec $spec --output Tests/Goldens/Memory --only memory; done",
            generator: Generator(emitters: [MemoryEmitter()])
        )
    }

    @Test func organizationsOutputMatchesItsSpec() throws {
        try expectGoldens(
            specs: ["Tests/Fixtures/Organizations.yaml"],
            output: "Tests/Goldens",
            refresh: "swift run gen --spec Tests/Fixtures/Organizations.yaml --output Tests/Goldens"
        )
    }

    /// Every Swift piece in one module with internal declarations (target `OrganizationsInternal`).
    @Test func internalOutputMatchesItsSpec() throws {
        try expectGoldens(
            specs: ["Tests/Fixtures/Organizations.yaml"],
            output: "Tests/Goldens/Internal",
            refresh: "swift run gen --spec Tests/Fixtures/Organizations.yaml --output Tests/Goldens/Internal "
                + "--layout single --access-modifier internal --only models,client,server,cli,memory",
            generator: Generator(emitters: Generator.allEmitters.filter { $0.piece != "openapi" }),
            layout: .single,
            access: .internal
        )
    }

    @Test func intermediateRepresentationMatchesItsGolden() throws {
        let path = "Specs/SipDomain.yaml"
        let definition = try Generator.definition(of: .init(path: path, text: RepositoryPaths.text(path))).get()
        let current = try IRJSON.encode([definition]) + "\n"
        let committed = try RepositoryPaths.text("Tests/Goldens/SipDomain.ir.json")
        if current != committed {
            Issue.record(
                """
                The IR of \(path) differs from Tests/Goldens/SipDomain.ir.json. Review, then refresh with:
                    swift run gen ir --spec Specs/SipDomain.yaml > Tests/Goldens/SipDomain.ir.json
                \(UnifiedDiff.of(expected: committed, actual: current, name: "Tests/Goldens/SipDomain.ir.json"))
                """
            )
        }
    }

    /// Two `gen` processes, each with its own random hash seed, write the same bytes: no output
    /// depends on the order of a dictionary or a set.
    @Test func outputIsDeterministicAcrossProcesses() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var outputs: [[String: FileState]] = []
        for run in ["first", "second"] {
            let process = Process()
            process.executableURL = builtExecutable("gen")
            process.arguments = [
                "--specs", RepositoryPaths.url("Specs").path, "--output", folder.path(run),
            ]
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_DETERMINISTIC_HASHING"] = nil
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            outputs.append(try TemporaryFolder.snapshot(of: folder.url.appendingPathComponent(run)))
        }
        #expect(outputs[0].count > 10)
        #expect(outputs[0].mapValues(\.contents) == outputs[1].mapValues(\.contents))
    }

    @Test func everyGeneratedFileStartsWithTheHeader() throws {
        let path = "Specs/SipDomain.yaml"
        let source = Generator.SpecSource(path: path, text: try RepositoryPaths.text(path))
        let header = "Generated by gen from SipDomain.yaml. Do not edit: change the spec and run `swift run gen`."
        for file in try Generator().generate([source], templates: Self.templates()).get().files {
            // A DocC article starts with its title: there the header is a comment at the end.
            if file.path.hasSuffix(".md") {
                #expect(file.contents.hasSuffix("\n<!-- \(header) -->\n"), "\(file.path)")
                continue
            }
            // JSON has no comments: there the header is the member after `openapi`.
            let start =
                file.path.hasSuffix(".json")
                ? "{\n  \"openapi\": \"3.1.0\",\n  \"x-generated-by\": \"\(header)\",\n" : "// \(header)\n"
            #expect(file.contents.hasPrefix(start), "\(file.path)")
        }
    }
}
