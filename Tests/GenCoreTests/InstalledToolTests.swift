import Foundation
import GenRuntime
import TestSupport
import Testing

/// `gen` as an installed tool, run as a process: its version, and shell completion scripts that
/// know its commands, options and the values they take.
@Suite struct InstalledToolTests {
    @Test(arguments: [["--version"], ["generate", "--version"]])
    func versionIsTheOneOfGenAndItsRuntimes(arguments: [String]) async throws {
        let run = try await runBuiltExecutable("gen", arguments)
        #expect(run.status == 0)
        #expect(run.stdout == GenVersion.current + "\n")
    }

    /// Whether `script` names `word` on its own: not as part of a longer name (`spec` in `specs`).
    static func names(_ script: String, _ word: String) throws -> Bool {
        let pattern = try Regex("(?:^|[^A-Za-z0-9_])\(word)(?![A-Za-z0-9_-])")
        return script.contains(pattern)
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptNamesEveryCommandAndOption(shell: String) async throws {
        let run = try await runBuiltExecutable("gen", ["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let commands = ["generate", "ir", "import", "openapi"]
        let options = [
            "spec", "specs", "output", "templates", "check", "verbose", "only", "layout", "config", "access-modifier",
            "name", "version",
        ]
        let values = ["models", "memory", "modules", "single", "public", "package", "internal"]
        for word in commands + options + values {
            #expect(try Self.names(run.stdout, word), "the \(shell) script names \(word)")
        }
    }

    /// What bash offers for the words typed so far (the last one being completed), through the
    /// script gen generates.
    static func bashCompletions(_ words: [String]) async throws -> [String] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try await runBuiltExecutable("gen", ["--generate-completion-script", "bash"]).stdout
        try folder.write(script, to: "gen.bash")
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let line = words.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [
            "-c",
            """
            source '\(folder.path("gen.bash"))'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _gen gen '\(words[words.count - 1])' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesSubcommandsOptionsAndValues() async throws {
        let root = try await Self.bashCompletions(["gen", ""])
        #expect(Set(["generate", "ir", "import", "--version"]).isSubset(of: root))
        #expect(try await Self.bashCompletions(["gen", "import", ""]).contains("openapi"))
        let generate = try await Self.bashCompletions(["gen", "generate", "--"])
        for option in ["--spec", "--output", "--only", "--layout", "--config", "--access-modifier", "--check"] {
            #expect(generate.contains(option), "gen generate --\(option)")
        }
        let modifiers = try await Self.bashCompletions(["gen", "generate", "--access-modifier", ""])
        #expect(modifiers == ["public", "package", "internal"])
        #expect(try await Self.bashCompletions(["gen", "generate", "--layout", ""]) == ["modules", "single"])
        #expect(try await Self.bashCompletions(["gen", "generate", "--only", "me"]) == ["memory"])
    }
}
