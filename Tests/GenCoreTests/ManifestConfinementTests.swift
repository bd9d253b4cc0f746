import Foundation
import Testing

@testable import GenCore

/// `gen` only ever creates, rewrites or removes files inside its output folder, whatever its
/// manifest says and whatever symbolic links the folder holds. Each test keeps a victim file
/// outside the output folder and checks that it survives the run with its bytes.
@Suite struct ManifestConfinementTests {
    let folder: TemporaryFolder
    static let victimText = "// precious, and outside the output folder\n"

    init() throws {
        folder = try TemporaryFolder()
        try folder.write(try RepositoryPaths.text("Tests/Fixtures/Minimal.yaml"), to: "Specs/Widget.yaml")
        try folder.write(Self.victimText, to: "Victim.swift")
        try folder.write(Self.victimText, to: "victim.txt")
        try folder.write(Self.victimText, to: "Elsewhere/Widget.swift")
    }

    var generated: String { folder.path("Generated") }
    var manifest: String { folder.path("Generated/.gen-manifest") }

    func run(output: String = "Generated", check: Bool = false, verbose: Bool = false) -> (
        status: Int32, out: [String], err: [String]
    ) {
        let out = OutputLines()
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specsFolder = folder.path("Specs")
        options.output = folder.path(output)
        options.check = check
        options.verbose = verbose
        // The models alone: what these tests pin is where gen writes, not what each emitter adds.
        options.pieces = ["models"]
        let status = GenerateCommand.run(options, console: Console(out: out.append, err: err.append))
        return (status, out.lines, err.lines)
    }

    /// Writes the manifest: gen's heading, then `lines`, so `lines[i]` is line `i + 2`.
    func writeManifest(_ lines: [String]) throws {
        try folder.write(([Manifest.heading] + lines).map { $0 + "\n" }.joined(), to: "Generated/.gen-manifest")
    }

    /// What the first run writes into the manifest for `Specs/Widget.yaml` (lines 2 to 5).
    static let widgetEntries = [
        "Widget.yaml WidgetModels/Color.swift", "Widget.yaml WidgetModels/Sids.swift",
        "Widget.yaml WidgetModels/Widget.swift", "Widget.yaml WidgetModels/WidgetModels.docc/WidgetModels.md",
        "Widget.yaml WidgetModels/WidgetPage.swift",
    ]

    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: folder.path(relative), withDestinationPath: destination)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: folder.path(relative))
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.path(relative))
    }

    func text(_ relative: String) -> String? {
        try? String(contentsOfFile: folder.path(relative), encoding: .utf8)
    }

    func isLink(_ relative: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: folder.path(relative))) != nil
    }

    /// Every victim outside the output folder is still there with its bytes.
    func expectVictimsIntact(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for victim in ["Victim.swift", "victim.txt", "Elsewhere/Widget.swift"] {
            #expect(text(victim) == Self.victimText, "\(victim) was changed", sourceLocation: sourceLocation)
        }
    }

    /// Drops the resource's page (and returns nothing from `list`), so `WidgetPage.swift` goes.
    func dropPage() throws {
        let spec = try #require(text("Specs/Widget.yaml"))
        try folder.write(
            spec.replacingOccurrences(
                of:
                    "    page:\n      items: widgets\n      fields:\n        next_page_uri: { type: string, nullable: true }\n",
                with: ""
            )
            .replacingOccurrences(of: "returns: page", with: "returns: nothing"),
            to: "Specs/Widget.yaml"
        )
    }

    // MARK: Entries that lead out of the output folder

    @Test func anEntryWithDotDotForTheCurrentSpecRemovesNothingOutside() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try writeManifest(Self.widgetEntries + ["Widget.yaml ../Victim.swift"])
        let result = run(verbose: true)
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):7: warning: ignoring '../Victim.swift', which gen cannot have written: "
                    + "it has a '..' component"
            ]
        )
        #expect(!result.out.contains { $0.hasPrefix("removed") })
        expectVictimsIntact()
        #expect(!(text("Generated/.gen-manifest") ?? "").contains("Victim"), "the entry is dropped from the manifest")
    }

    @Test func anEntryWithDotDotForASpecThatIsGoneRemovesNothingOutside() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try writeManifest(
            ["Gone.yaml ../Victim.swift", "Gone.yaml GoneModels/../../victim.txt"] + Self.widgetEntries
        )
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):2: warning: ignoring '../Victim.swift', which gen cannot have written: "
                    + "it has a '..' component",
                "\(manifest):3: warning: ignoring 'GoneModels/../../victim.txt', which gen cannot have written: "
                    + "it has a '..' component",
            ]
        )
        expectVictimsIntact()
    }

    @Test func anAbsoluteEntryRemovesNothing() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        let victim = folder.path("Victim.swift")
        try writeManifest(Self.widgetEntries + ["Gone.yaml \(victim)"])
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):7: warning: ignoring '\(victim)', which gen cannot have written: it is absolute"
            ]
        )
        expectVictimsIntact()
    }

    @Test func theCheckWarnsAboutSuchEntriesAndRemovesNothing() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try writeManifest(Self.widgetEntries + ["Gone.yaml ../Victim.swift"])
        let result = run(check: true)
        #expect(result.status == 1, "the manifest itself is stale")
        #expect(
            result.err.first
                == "\(manifest):7: warning: ignoring '../Victim.swift', which gen cannot have written: "
                + "it has a '..' component"
        )
        #expect(!result.err.contains { $0.hasPrefix("  extra:") })
        expectVictimsIntact()
    }

    // MARK: Entries that name what gen never writes

    @Test func anEntryNamingAFolderIsIgnored() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("// mine\n", to: "Generated/Notes.swift/Keep.swift")
        try writeManifest(Self.widgetEntries + ["Gone.yaml Notes.swift"])
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):7: warning: ignoring 'Notes.swift', which gen cannot have written: it is a folder"
            ]
        )
        #expect(text("Generated/Notes.swift/Keep.swift") == "// mine\n")
        expectVictimsIntact()
    }

    @Test func anEntryNamingAFileGenDoesNotWriteIsIgnored() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("mine\n", to: "Generated/notes.txt")
        try writeManifest(Self.widgetEntries + ["Gone.yaml notes.txt"])
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):7: warning: ignoring 'notes.txt', which gen cannot have written: "
                    + "gen writes only .json, .swift files, and .md articles in a .docc catalog"
            ]
        )
        #expect(text("Generated/notes.txt") == "mine\n")
        expectVictimsIntact()
    }

    @Test func warningsNameTheLineOfEachIgnoredEntry() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try writeManifest([
            Self.widgetEntries[0], "Gone.yaml ./Gone.swift", Self.widgetEntries[1], "# a comment", "",
            "Gone.yaml Gone\\..\\Victim.swift", "Gone.yaml Gone//Gone.swift", "Gone.yaml Gone/\u{1B}[2J.swift",
        ])
        let result = run()
        #expect(result.status == 0)
        let warning = "warning: ignoring"
        #expect(
            result.err == [
                "\(manifest):3: \(warning) './Gone.swift', which gen cannot have written: it has a '.' component",
                "\(manifest):7: \(warning) 'Gone\\..\\Victim.swift', which gen cannot have written: it has a backslash",
                "\(manifest):8: \(warning) 'Gone//Gone.swift', which gen cannot have written: it has an empty component",
                "\(manifest):9: \(warning) 'Gone/\\u{1B}[2J.swift', which gen cannot have written: "
                    + "it has a control character",
            ]
        )
        expectVictimsIntact()
    }

    // MARK: Manifests that are not gen's

    @Test func aGarbageManifestIsAWarningAndPrunesNothing() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("// mine\n", to: "Generated/WidgetModels/Extra.swift")
        try folder.write("<<: *a\nWidget.yaml WidgetModels/Extra.swift\n", to: "Generated/.gen-manifest")
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):1: warning: the first line is not gen's heading; "
                    + "gen ignores it and removes no file"
            ]
        )
        #expect(text("Generated/WidgetModels/Extra.swift") == "// mine\n")
        #expect(
            text("Generated/.gen-manifest") == ([Manifest.heading] + Self.widgetEntries).joined(separator: "\n") + "\n"
        )
        expectVictimsIntact()
    }

    @Test func aLineWithoutASpecMakesGenIgnoreTheManifest() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("// mine\n", to: "Generated/WidgetModels/Extra.swift")
        try writeManifest(Self.widgetEntries + ["Widget.yaml WidgetModels/Extra.swift", "WidgetModels/Sids.swift"])
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):8: warning: the line is not 'SPEC PATH'; gen ignores it and removes no file"
            ]
        )
        #expect(text("Generated/WidgetModels/Extra.swift") == "// mine\n", "no entry of the manifest is trusted")
        expectVictimsIntact()
    }

    @Test func aManifestThatIsNotUTF8IsAWarningNamingItsLine() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("// mine\n", to: "Generated/WidgetModels/Extra.swift")
        var bytes = Data(([Manifest.heading, "Widget.yaml WidgetModels/Extra.swift", ""]).joined(separator: "\n").utf8)
        bytes.append(contentsOf: [0x57, 0xFF, 0xFE, 0x0A])
        try bytes.write(to: URL(fileURLWithPath: manifest))
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):3: warning: the line is not UTF-8 text; gen ignores it and removes no file"
            ]
        )
        #expect(text("Generated/WidgetModels/Extra.swift") == "// mine\n")
        expectVictimsIntact()
    }

    @Test func aBinaryManifestIsAWarning() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        var bytes = Data((Manifest.heading + "\nGone.yaml ../Victim.swift").utf8)
        bytes.append(contentsOf: [0x00, 0x0A] + (0...255).map { UInt8($0) })
        try bytes.write(to: URL(fileURLWithPath: manifest))
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):2: warning: the line has a NUL byte; gen ignores it and removes no file"
            ]
        )
        expectVictimsIntact()
    }

    @Test func anEmptyManifestIsAWarningAndPrunesNothing() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try folder.write("", to: "Generated/.gen-manifest")
        let result = run(verbose: true)
        #expect(result.status == 0)
        #expect(result.err == ["\(manifest):1: warning: the manifest is empty; gen ignores it and removes no file"])
        #expect(result.out.filter { $0.hasPrefix("wrote") } == ["wrote     \(generated)/.gen-manifest"])
        expectVictimsIntact()
    }

    @Test func aManifestThatIsALinkIsNotReadAndIsReplaced() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try remove("Generated/.gen-manifest")
        try link("Generated/.gen-manifest", to: folder.path("Victim.swift"))
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):1: warning: the manifest is a symbolic link; gen ignores it and removes no file"
            ]
        )
        #expect(!isLink("Generated/.gen-manifest"))
        expectVictimsIntact()
    }

    // MARK: Symbolic links in the output folder

    @Test func aModuleFolderLinkedOutsideIsAnErrorAndNothingIsWritten() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try remove("Generated/WidgetModels")
        try link("Generated/WidgetModels", to: folder.path("Elsewhere"))
        let before = try folder.snapshot()
        let result = run()
        #expect(result.status == 1)
        #expect(
            result.err == [
                "gen: error: \(generated)/WidgetModels leads outside \(generated)/ through a symbolic link "
                    + "(to \(folder.url.resolvingSymlinksInPath().path)/Elsewhere), "
                    + "and gen writes only inside its output folder; nothing was written"
            ]
        )
        #expect(try folder.snapshot() == before)
        #expect(!exists("Elsewhere/Color.swift"))
        expectVictimsIntact()
    }

    @Test func theCheckReportsAModuleFolderLinkedOutside() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try remove("Generated/WidgetModels")
        try link("Generated/WidgetModels", to: folder.path("Elsewhere"))
        let result = run(check: true)
        #expect(result.status == 1)
        #expect(result.err.first?.hasPrefix("gen: error: \(generated)/WidgetModels leads outside") == true)
        expectVictimsIntact()
    }

    @Test func staleFilesInAModuleFolderLinkedOutsideAreNotRemoved() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        // A second spec whose module folder is then moved out and linked back in.
        try folder.write(
            try #require(text("Specs/Widget.yaml")).replacingOccurrences(of: "name: Widget\n", with: "name: Gadget\n"),
            to: "Specs/Gadget.yaml"
        )
        #expect(run().status == 0)
        try FileManager.default.moveItem(atPath: folder.path("Generated/GadgetModels"), toPath: folder.path("Outside"))
        try link("Generated/GadgetModels", to: folder.path("Outside"))
        try remove("Specs/Gadget.yaml")
        let before = try String(contentsOfFile: folder.path("Outside/Widget.swift"), encoding: .utf8)
        let result = run()
        #expect(result.status == 0)
        #expect(result.err.count == 5)
        #expect(
            result.err.first
                == "\(manifest):2: warning: ignoring 'GadgetModels/Color.swift', which gen cannot have written: "
                + "it leads outside the output folder through a symbolic link"
        )
        #expect(text("Outside/Widget.swift") == before)
        // Four Swift files and the documentation catalog.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("Outside")).count == 5)
        #expect(isLink("Generated/GadgetModels"))
        expectVictimsIntact()
    }

    @Test func aGeneratedFileThatIsALinkIsReplacedAndItsTargetKept() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        let generatedText = try #require(text("Generated/WidgetModels/Widget.swift"))
        try remove("Generated/WidgetModels/Widget.swift")
        try link("Generated/WidgetModels/Widget.swift", to: folder.path("Elsewhere/Widget.swift"))
        let result = run(verbose: true)
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(result.out.contains("wrote     \(generated)/WidgetModels/Widget.swift"))
        #expect(!isLink("Generated/WidgetModels/Widget.swift"))
        #expect(text("Generated/WidgetModels/Widget.swift") == generatedText)
        expectVictimsIntact()
    }

    @Test func aLinkWithTheGeneratedBytesIsReplacedToo() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try FileManager.default.moveItem(
            atPath: folder.path("Generated/WidgetModels/Widget.swift"),
            toPath: folder.path("Outside.swift")
        )
        let outside = try #require(text("Outside.swift"))
        try link("Generated/WidgetModels/Widget.swift", to: folder.path("Outside.swift"))
        #expect(run(check: true).status == 1, "a link is not what gen writes")
        let result = run()
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(!isLink("Generated/WidgetModels/Widget.swift"))
        #expect(text("Outside.swift") == outside)
        expectVictimsIntact()
    }

    @Test func aStaleFileThatIsALinkIsKeptWithItsTarget() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try remove("Generated/WidgetModels/WidgetPage.swift")
        try link("Generated/WidgetModels/WidgetPage.swift", to: folder.path("Victim.swift"))
        try dropPage()
        let result = run()
        #expect(result.status == 0)
        #expect(
            result.err == [
                "\(manifest):6: warning: ignoring 'WidgetModels/WidgetPage.swift', which gen cannot have written: "
                    + "it is a symbolic link"
            ]
        )
        #expect(isLink("Generated/WidgetModels/WidgetPage.swift"))
        expectVictimsIntact()
    }

    @Test func aLinkWhereTheTemporaryFileGoesIsNotFollowed() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        let pid = ProcessInfo.processInfo.processIdentifier
        try link("Generated/WidgetModels/.Color.swift.gen-\(pid)", to: folder.path("Victim.swift"))
        let spec = try #require(text("Specs/Widget.yaml"))
        try folder.write(
            spec.replacingOccurrences(of: "[RED, GREEN]", with: "[RED, GREEN, BLUE]"),
            to: "Specs/Widget.yaml"
        )
        let result = run()
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(!isLink("Generated/WidgetModels/Color.swift"))
        #expect(text("Generated/WidgetModels/Color.swift")?.contains("case blue") == true)
        #expect(!exists("Generated/WidgetModels/.Color.swift.gen-\(pid)"))
        expectVictimsIntact()
    }

    @Test func theOutputFolderItselfMayBeALink() throws {
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("Real"), withIntermediateDirectories: true)
        try link("Generated", to: folder.path("Real"))
        #expect(run().status == 0)
        #expect(exists("Real/WidgetModels/WidgetPage.swift"))
        try dropPage()
        let result = run()
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(!exists("Real/WidgetModels/WidgetPage.swift"))
        #expect(isLink("Generated"))
        expectVictimsIntact()
    }

    @Test func aModuleFolderLinkedInsideTheOutputFolderIsFollowed() throws {
        defer { folder.remove() }
        #expect(run().status == 0)
        try FileManager.default.moveItem(
            atPath: folder.path("Generated/WidgetModels"),
            toPath: folder.path("Generated/Models")
        )
        try link("Generated/WidgetModels", to: "Models")
        try dropPage()
        let result = run()
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(!exists("Generated/Models/WidgetPage.swift"))
        #expect(exists("Generated/Models/Widget.swift"))
        #expect(isLink("Generated/WidgetModels"))
        expectVictimsIntact()
    }

    @Test func removingTheLastFileOfALinkedFolderKeepsTheLink() throws {
        defer { folder.remove() }
        try folder.write(
            try #require(text("Specs/Widget.yaml")).replacingOccurrences(of: "name: Widget\n", with: "name: Gadget\n"),
            to: "Specs/Gadget.yaml"
        )
        #expect(run().status == 0)
        try FileManager.default.moveItem(
            atPath: folder.path("Generated/GadgetModels"),
            toPath: folder.path("Generated/Gadgets")
        )
        try link("Generated/GadgetModels", to: "Gadgets")
        try remove("Specs/Gadget.yaml")
        let result = run()
        #expect(result.status == 0)
        #expect(result.err.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("Generated/Gadgets")).isEmpty)
        #expect(isLink("Generated/GadgetModels"), "an empty folder is removed, a link never")
        expectVictimsIntact()
    }

    // MARK: Paths gen generates

    @Test func aGeneratedPathGenCouldNotPruneLaterIsAnError() throws {
        defer { folder.remove() }
        try folder.write(try #require(text("Specs/Widget.yaml")), to: "Specs/Wid\\get.yaml")
        let err = OutputLines()
        var options = GenerateCommand.Options()
        options.specs = [folder.path("Specs/Wid\\get.yaml")]
        options.output = folder.path("Out")
        options.pieces = ["models"]
        options.layout = .single
        #expect(GenerateCommand.run(options, console: Console(out: { _ in }, err: err.append)) == 1)
        #expect(
            err.lines == [
                "gen: error: \(folder.path("Out"))/Wid\\get+Models.swift cannot be written: it has a backslash; "
                    + "nothing was written"
            ]
        )
        #expect(!exists("Out"))
        expectVictimsIntact()
    }
}
