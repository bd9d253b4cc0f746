/// A manifest line that gen did not trust, and why, printed as
/// `Generated/.gen-manifest:3: warning: MESSAGE`.
///
/// A warning never stops a run: gen goes on without the entry (or without the whole manifest)
/// and so removes nothing that the line names.
public struct ManifestWarning: Hashable, Sendable, CustomStringConvertible {
    /// The manifest's path, as the user named the output folder.
    public var file: String
    /// The 1-based line the warning is about.
    public var line: Int
    public var message: String

    public init(_ message: String, file: String, line: Int) {
        self.message = message
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line): warning: \(message)" }

    /// An entry skipped because gen cannot have written what it names.
    static func ignoring(_ path: String, because problem: String, file: String, line: Int) -> ManifestWarning {
        ManifestWarning(
            "ignoring '\(OutputPath.shown(path))', which gen cannot have written: \(problem)",
            file: file,
            line: line
        )
    }

    /// A manifest gen did not write, so none of its entries is trusted.
    static func untrusted(because problem: String, file: String, line: Int) -> ManifestWarning {
        ManifestWarning("\(problem); gen ignores it and removes no file", file: file, line: line)
    }
}
