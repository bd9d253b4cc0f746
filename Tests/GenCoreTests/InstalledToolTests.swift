import Foundation
import GenRuntime
import TestSupport
import Testing

/// `gen` as an installed tool, run as a process.
@Suite struct InstalledToolTests {
    @Test(arguments: [["--version"], ["generate", "--version"]])
    func versionIsTheOneOfGenAndItsRuntimes(arguments: [String]) async throws {
        let run = try await runBuiltExecutable("gen", arguments)
        #expect(run.status == 0)
        #expect(run.stdout == GenVersion.current + "\n")
    }
}
