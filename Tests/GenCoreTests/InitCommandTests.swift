import Foundation
import TestSupport
import Testing
import Yams

@testable import GenCore

/// `gen init NAME`, run as a person runs it: the starter spec it writes, which gen generates
/// from, and what it refuses.
@Suite struct InitCommandTests {
    let folder: TemporaryFolder

    init() throws { folder = try TemporaryFolder() }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built `gen` with `arguments` in the test's folder, its output through files.
    func gen(_ arguments: [String]) throws -> Run {
        let out = folder.url.appendingPathComponent("stdout-\(UUID().uuidString)")
        let err = folder.url.appendingPathComponent("stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = builtExecutable("gen")
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            stdout: try String(contentsOf: out, encoding: .utf8),
            stderr: try String(contentsOf: err, encoding: .utf8)
        )
    }

    func source(_ relative: String) throws -> Generator.SpecSource {
        Generator.SpecSource(
            path: folder.path(relative),
            text: try String(contentsOfFile: folder.path(relative), encoding: .utf8)
        )
    }

    @Test func writesTheStarterSpecIntoTheCurrentFolder() throws {
        defer { folder.remove() }
        let run = try gen(["init", "Notebook"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout
                == "wrote Notebook.yaml: the Notebook API, one resource (Note) and its five operations, to edit\n"
        )
        #expect(run.stderr == "")
        let text = try String(contentsOfFile: folder.path("Notebook.yaml"), encoding: .utf8)
        #expect(text == StarterSpec.text(name: "Notebook"))
        #expect(text.contains("\nname: Notebook\n"))
    }

    @Test func writesIntoTheOutputFolderMakingIt() throws {
        defer { folder.remove() }
        let run = try gen(["init", "PetStore", "--output", "Sources/App"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("wrote Sources/App/PetStore.yaml: "))
        #expect(FileManager.default.fileExists(atPath: folder.path("Sources/App/PetStore.yaml")))
    }

    /// The starter is a real API: it plans, and every piece generates from it, the in-memory
    /// handler too, in both layouts.
    @Test func theStarterSpecGeneratesEveryPiece() throws {
        defer { folder.remove() }
        #expect(try gen(["init", "Notebook"]).status == 0)
        let spec = try source("Notebook.yaml")
        let plan = try Generator.plan(of: spec).get()
        #expect(plan.clientTypeName == "NotebookAPI")
        #expect(plan.resources.map(\.typeName) == ["Note"])
        #expect(plan.resources[0].operations.map(\.operation.name) == ["create", "fetch", "list", "update", "delete"])
        #expect(MemoryPlan(plan).unserved.isEmpty)
        let templates = try TemplateSet.load(overrides: nil).get()
        for layout in Generator.Layout.allCases {
            let output = try Generator(emitters: Generator.allEmitters).generate(
                [spec],
                templates: templates,
                layout: layout
            )
            .get()
            #expect(output.files.count >= Generator.allEmitters.count, "\(layout)")
        }
    }

    /// `gen` itself, run on the written file, generates from it.
    @Test func genGeneratesFromTheWrittenSpec() throws {
        defer { folder.remove() }
        #expect(try gen(["init", "Notebook"]).status == 0)
        let run = try gen(["--spec", "Notebook.yaml", "--output", "Generated", "--only", "models,client,server,memory"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path("Generated/NotebookMemory/InMemoryNotebook.swift")))
    }

    @Test func refusesToReplaceAFile() throws {
        defer { folder.remove() }
        try folder.write("name: Mine\n", to: "Notebook.yaml")
        let run = try gen(["init", "Notebook"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(
            run.stderr
                == "gen: error: Notebook.yaml already exists, and gen init never replaces a file; "
                + "give another name, or another folder with --output\n"
        )
        #expect(try String(contentsOfFile: folder.path("Notebook.yaml"), encoding: .utf8) == "name: Mine\n")
    }

    /// A symbolic link at the name, even one that leads nowhere, is a file that exists: nothing
    /// is written through it.
    @Test func refusesASymbolicLink() throws {
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("Notebook.yaml"),
            withDestinationPath: "elsewhere.yaml"
        )
        let run = try gen(["init", "Notebook"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("Notebook.yaml already exists"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("elsewhere.yaml")))
    }

    /// Two runs write the same bytes, whatever the folder: the starter depends on nothing else.
    @Test func theSpecIsTheSameBytesEveryTime() throws {
        defer { folder.remove() }
        #expect(try gen(["init", "Notebook", "--output", "first"]).status == 0)
        #expect(try gen(["init", "Notebook", "--output", "second"]).status == 0)
        let first = try Data(contentsOf: folder.url.appendingPathComponent("first/Notebook.yaml"))
        let second = try Data(contentsOf: folder.url.appendingPathComponent("second/Notebook.yaml"))
        #expect(first == second)
        #expect(first == Data(StarterSpec.text(name: "Notebook").utf8))
    }

    @Test(arguments: [
        (
            "notes",
            "gen: error: 'notes' cannot name an API: an API's name is UpperCamelCase: a capital letter (A-Z), "
                + "then letters and digits, such as Notebook"
        ),
        (
            "notebook",
            "gen: error: 'notebook' cannot name an API: an API's name is UpperCamelCase: a capital letter (A-Z), "
                + "then letters and digits, such as Notebook; did you mean 'Notebook'?"
        ),
        (
            "pet-store",
            "gen: error: 'pet-store' cannot name an API: an API's name is UpperCamelCase: a capital letter (A-Z), "
                + "then letters and digits, such as Notebook; did you mean 'PetStore'?"
        ),
        (
            "2Fast",
            "gen: error: '2Fast' cannot name an API: an API's name is UpperCamelCase: a capital letter (A-Z), "
                + "then letters and digits, such as Notebook"
        ),
        ("", "gen: error: the name is empty; give the API's name, such as Notebook"),
    ])
    func refusesANameThatCannotNameAnAPI(name: String, message: String) throws {
        defer { folder.remove() }
        let run = try gen(["init", name])
        #expect(run.status == 1)
        #expect(run.stderr == message + "\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).allSatisfy { !$0.hasSuffix(".yaml") }
        )
    }

    /// Every name `problem(withName:)` accepts gives a spec gen generates from, or is refused
    /// saying what it clashes with.
    @Test(arguments: ["Notebook", "Note", "NoteColor", "Notes", "Swift", "Foundation", "API", "X"])
    func aNameEitherGeneratesOrIsRefusedWithItsClash(name: String) throws {
        defer { folder.remove() }
        let run = try gen(["init", name])
        if run.status == 0 {
            _ = try Generator.plan(of: try source("\(name).yaml")).get()
        } else {
            #expect(
                run.stderr.hasPrefix("gen: error: an API named '\(name)' clashes with the starter's resource, Note: ")
            )
            #expect(!FileManager.default.fileExists(atPath: folder.path("\(name).yaml")))
        }
    }

    /// `Notes`, the plural of the starter's resource, would give its resource's command type to the
    /// API's CLI: refused, saying so, and nothing is written.
    @Test func refusesTheNameOfTheStartersResources() throws {
        defer { folder.remove() }
        let run = try gen(["init", "Notes"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("gen: error: an API named 'Notes' clashes with the starter's resource, Note: "))
        #expect(run.stderr.contains("'NotesCommand'"))
        #expect(run.stderr.hasSuffix("; give the API another name\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("Notes.yaml")))
    }

    /// Each key the starter writes is one `Specs/README.md` documents.
    @Test func everyKeyOfTheStarterIsDocumented() throws {
        let reference = try RepositoryPaths.text("Specs/README.md")
        let node = try #require(try Yams.compose(yaml: StarterSpec.text(name: "Notebook")))
        let keys = Self.keys(of: node)
        #expect(keys.count > 30)
        for key in Set(keys).sorted() {
            #expect(reference.contains("`\(key)`"), "Specs/README.md does not document the key '\(key)'")
        }
    }

    /// Each key the loader reads is documented in `Specs/README.md`.
    @Test func everyKeyOfTheFormatIsDocumented() throws {
        let reference = try RepositoryPaths.text("Specs/README.md")
        let keys =
            SpecLoader.Keys.document + SpecLoader.Keys.errors + SpecLoader.Keys.auth + SpecLoader.Keys.credential
            + SpecLoader.Keys.enumeration + SpecLoader.Keys.object + SpecLoader.Keys.resource
            + SpecLoader.Keys.page + SpecLoader.Keys.paging + SpecLoader.Keys.property + SpecLoader.Keys.pii
            + SpecLoader.Keys.operation + SpecLoader.Keys.parameter
        for key in Set(keys).sorted() {
            #expect(reference.contains("`\(key)`"), "Specs/README.md does not document the key '\(key)'")
        }
    }

    /// The keys of the format in `node`, leaving out the names a spec gives (of resources,
    /// properties, parameters, …), which are the values of these keys.
    static let namedMembers: Set<String> = [
        "sids", "enums", "objects", "resources", "properties", "fields", "operations",
        "pathParameters", "queryParameters", "headerParameters", "formParameters", "jsonParameters",
    ]

    static func keys(of node: Node, namesOnly: Bool = false) -> [String] {
        guard let mapping = node.mapping else {
            return node.sequence.map { $0.flatMap { keys(of: $0) } } ?? []
        }
        return mapping.flatMap { key, value -> [String] in
            let name = key.string ?? ""
            if namesOnly { return keys(of: value) }
            return [name] + keys(of: value, namesOnly: namedMembers.contains(name))
        }
    }
}
