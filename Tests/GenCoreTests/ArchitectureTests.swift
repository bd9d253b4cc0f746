import Foundation
import Testing

@testable import GenCore

/// The architecture's rules, checked on the source: emitters project the plan.
@Suite struct ArchitectureTests {
    static func emitSources() throws -> [(String, String)] {
        let folder = RepositoryPaths.url("Sources/GenCore/Emit")
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(!files.isEmpty)
        return try files.map { ($0.lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func emittersNameNothing() throws {
        for (file, text) in try Self.emitSources() {
            #expect(!text.contains("Namer"), "\(file) derives a name: names come from the plan")
        }
    }

    @Test func emittersKeepNoColumns() throws {
        let column = try Regex(#"indent:\s*[0-9]"#)
        for (file, text) in try Self.emitSources() {
            #expect(text.firstMatch(of: column) == nil, "\(file) keeps a column: templates own columns")
        }
    }
}
