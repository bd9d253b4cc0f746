import Foundation
import Testing

@testable import GenCore

/// Reading `.gen-manifest`: what gen trusts, and the warning, with its line, for what it does not.
@Suite struct ManifestTests {
    static let file = "Generated/.gen-manifest"

    /// Reads gen's heading followed by `lines`, so `lines[i]` is line `i + 2`.
    func read(_ lines: [String]) -> Manifest.Reading {
        Manifest.read(Data(([Manifest.heading] + lines).map { $0 + "\n" }.joined().utf8), file: Self.file)
    }

    @Test func whatGenWritesReadsBackUnchanged() {
        let manifest = Manifest(entries: [
            "SipDomain.yaml": ["SipDomainModels/SipDomain.swift", "SipDomainModels/Sids.swift"],
            "Widget.yml": ["Widget+Models.swift", "Widget+Client.swift"],
        ])
        let reading = Manifest.read(Data(manifest.text.utf8), file: Self.file)
        #expect(reading.manifest == manifest)
        #expect(reading.warnings.isEmpty)
    }

    @Test func linesAreNumberedFromTheHeading() {
        let reading = read(["A.yaml A/One.swift", "", "# a comment", "A.yaml A/Two.swift", "B.yaml A/One.swift"])
        #expect(reading.lines == ["A/One.swift": 2, "A/Two.swift": 5])
        #expect(reading.manifest.entries == ["A.yaml": ["A/One.swift", "A/Two.swift"], "B.yaml": ["A/One.swift"]])
    }

    @Test func windowsLineEndsAreAccepted() {
        let text = Manifest.heading + "\r\nA.yaml A/One.swift\r\n"
        let reading = Manifest.read(Data(text.utf8), file: Self.file)
        #expect(reading.warnings.isEmpty)
        #expect(reading.manifest.entries == ["A.yaml": ["A/One.swift"]])
    }

    struct UnsafePath: CustomTestStringConvertible, Sendable {
        let path: String
        let problem: String
        var testDescription: String { path.debugDescription }
    }

    static let otherKind = "gen writes only .json, .swift files, and .md articles in a .docc catalog"

    static let unsafePaths: [UnsafePath] = [
        .init(path: "../Victim.swift", problem: "it has a '..' component"),
        .init(path: "A/../../Victim.swift", problem: "it has a '..' component"),
        .init(path: "A/..", problem: "it has a '..' component"),
        // A combining mark makes `/\u{301}` one Character, but the file system still splits there.
        .init(path: "../\u{301}Victim.swift", problem: "it has a '..' component"),
        .init(path: "A/.\u{301}/../Victim.swift", problem: "it has a '..' component"),
        .init(path: "/etc/passwd.swift", problem: "it is absolute"),
        .init(path: "//host/share/A.swift", problem: "it is absolute"),
        .init(path: "./A.swift", problem: "it has a '.' component"),
        .init(path: "A//B.swift", problem: "it has an empty component"),
        .init(path: "A/B.swift/", problem: "it has an empty component"),
        .init(path: "..\\Victim.swift", problem: "it has a backslash"),
        .init(path: "A/B\t.swift", problem: "it has a control character"),
        .init(path: "A/B\u{85}.swift", problem: "it has a control character"),
        .init(path: "A/B.txt", problem: otherKind),
        .init(path: "A/B.swift.bak", problem: otherKind),
        .init(path: "A/B", problem: otherKind),
        .init(path: "A/.swift", problem: otherKind),
        .init(path: ".gen-manifest", problem: otherKind),
        .init(path: "A/README.md", problem: otherKind),
        .init(path: "A.docc", problem: otherKind),
    ]

    @Test(arguments: unsafePaths) func anEntryGenCannotHaveWrittenIsIgnoredWithAWarning(_ unsafe: UnsafePath) {
        let reading = read(["A.yaml A/Kept.swift", "A.yaml \(unsafe.path)", "A.yaml A/AlsoKept.swift"])
        #expect(reading.manifest.entries == ["A.yaml": ["A/Kept.swift", "A/AlsoKept.swift"]])
        #expect(reading.warnings.count == 1)
        #expect(reading.warnings.first?.line == 3)
        #expect(reading.warnings.first?.message.hasSuffix(", which gen cannot have written: \(unsafe.problem)") == true)
    }

    @Test(arguments: ["A/B.swift", "A+Models.swift", "Über/Straße.swift", "A/B C.swift", "A/...swift"])
    func aPlainRelativeSwiftPathIsTrusted(_ path: String) {
        let reading = read(["A.yaml \(path)"])
        #expect(reading.warnings.isEmpty)
        #expect(reading.manifest.allPaths == [path])
    }

    @Test func aWarningShowsControlCharactersEscapedAndLongPathsShortened() {
        let long = String(repeating: "A/", count: 300) + "B.txt"
        let reading = read(["A.yaml \u{1B}[31mRed.swift", "A.yaml \(long)"])
        #expect(
            reading.warnings.map(\.description) == [
                "Generated/.gen-manifest:2: warning: ignoring '\\u{1B}[31mRed.swift', which gen cannot have written: "
                    + "it has a control character",
                "Generated/.gen-manifest:3: warning: ignoring '\(long.prefix(200))…', which gen cannot have written: "
                    + Self.otherKind,
            ]
        )
    }

    struct MalformedManifest: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let line: Int
        let problem: String
        var testDescription: String { name }

        init(_ name: String, _ text: String, line: Int, _ problem: String) {
            self.init(name, Array(text.utf8), line: line, problem)
        }

        init(_ name: String, _ bytes: [UInt8], line: Int, _ problem: String) {
            self.name = name
            self.bytes = bytes
            self.line = line
            self.problem = problem
        }
    }

    static let heading = Manifest.heading + "\n"

    static let malformedManifests: [MalformedManifest] = [
        .init("empty", "", line: 1, "the manifest is empty"),
        .init("another heading", "# Files\nA.yaml A/B.swift\n", line: 1, "the first line is not gen's heading"),
        .init("no heading", "A.yaml A/B.swift\n", line: 1, "the first line is not gen's heading"),
        .init("YAML", "---\n<<: *a\nkey: !!binary AAAA\n", line: 1, "the first line is not gen's heading"),
        .init(
            "a path without a spec",
            heading + "A.yaml A/B.swift\nA/C.swift\n",
            line: 3,
            "the line is not 'SPEC PATH'"
        ),
        .init("a leading space", heading + " A/C.swift\n", line: 2, "the line is not 'SPEC PATH'"),
        .init("a trailing space", heading + "A.yaml \n", line: 2, "the line is not 'SPEC PATH'"),
        .init(
            "not UTF-8",
            Array(heading.utf8) + [0x41, 0x20, 0xC3, 0x28, 0x0A],
            line: 2,
            "the line is not UTF-8 text"
        ),
        .init(
            "a NUL byte",
            Array(heading.utf8) + Array("A.yaml A.swift".utf8) + [0, 0x0A],
            line: 2,
            "the line has a NUL byte"
        ),
        .init("binary", (0...255).map { UInt8($0) }, line: 1, "the line has a NUL byte"),
    ]

    @Test(arguments: malformedManifests) func aMalformedManifestIsIgnoredWholeWithOneWarning(
        _ malformed: MalformedManifest
    ) {
        let reading = Manifest.read(Data(malformed.bytes), file: Self.file)
        #expect(reading.manifest == Manifest())
        #expect(
            reading.warnings.map(\.description) == [
                "Generated/.gen-manifest:\(malformed.line): warning: \(malformed.problem); gen ignores it and removes no file"
            ]
        )
    }
}
