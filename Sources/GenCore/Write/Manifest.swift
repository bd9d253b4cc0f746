import Foundation

/// The list of files `gen` generated in an output folder, each with the spec that produced it.
///
/// It is how `gen` knows which files it may remove once no spec produces them; files it did
/// not generate are never touched. Stored as `.gen-manifest` in the output folder: gen's
/// heading, then one `SPEC PATH` line per file, the spec's file name, one space, and the path
/// relative to the output folder:
///
/// ```text
/// # Files gen generated in this folder, by spec. Do not edit.
/// SipDomain.yaml SipDomainModels/SipDomain.swift
/// ```
///
/// Anyone can edit the file, so reading it trusts nothing that gen cannot have written: see
/// ``read(_:file:)``.
public struct Manifest: Equatable, Sendable {
    public static let fileName = ".gen-manifest"
    static let heading = "# Files gen generated in this folder, by spec. Do not edit."

    /// Spec file name to the paths it produced, relative to the output folder.
    public var entries: [String: Set<String>]

    public init(entries: [String: Set<String>] = [:]) {
        self.entries = entries
    }

    public var text: String {
        var lines = [Self.heading]
        for spec in entries.keys.sorted() {
            for path in entries[spec, default: []].sorted() {
                lines.append("\(spec) \(path)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public var allPaths: Set<String> { entries.values.reduce(into: []) { $0.formUnion($1) } }

    /// What reading a manifest found: the entries gen trusts, where each was, what it ignored.
    public struct Reading: Sendable {
        public var manifest = Manifest()
        /// The line each trusted path was first read from, for a warning about it later.
        public var lines: [String: Int] = [:]
        public var warnings: [ManifestWarning] = []
    }

    /// Reads a manifest's bytes; `file` is its path as warnings name it.
    ///
    /// Besides what gen writes, reading accepts `\r\n` line ends, blank lines and `#` comments.
    ///
    /// - A manifest gen cannot have written is *malformed*: it is empty, has a NUL byte or a
    ///   line that is not UTF-8, its first line is not gen's heading, or a line is not
    ///   `SPEC PATH` (no space, or nothing before or after it). One warning names the first such
    ///   line and no entry at all is trusted, so nothing is removed; a run then writes a
    ///   manifest of its own.
    /// - An entry whose path gen cannot have written (absolute, with a `..`, `.` or empty
    ///   component, a backslash or a control character, or not a `.swift` file) is skipped
    ///   with a warning naming its line; the other entries stand.
    public static func read(_ data: Data, file: String) -> Reading {
        func malformed(_ problem: String, line: Int) -> Reading {
            Reading(warnings: [.untrusted(because: problem, file: file, line: line)])
        }
        guard !data.isEmpty else { return malformed("the manifest is empty", line: 1) }
        var reading = Reading()
        for (index, var bytes) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if bytes.last == 0x0D { bytes.removeLast() }
            if bytes.contains(0) { return malformed("the line has a NUL byte", line: number) }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                return malformed("the line is not UTF-8 text", line: number)
            }
            if number == 1 {
                guard line == heading else { return malformed("the first line is not gen's heading", line: 1) }
                continue
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            // At the first space: a path may hold spaces. (A spec named with one is misread,
            // which only leaves its stale files in place.)
            let scalars = line.unicodeScalars
            guard let space = scalars.firstIndex(of: " "), space != scalars.startIndex,
                scalars.index(after: space) != scalars.endIndex
            else {
                return malformed("the line is not 'SPEC PATH'", line: number)
            }
            let spec = String(scalars[..<space])
            let path = String(scalars[scalars.index(after: space)...])
            if let problem = OutputPath.problem(path) {
                reading.warnings.append(.ignoring(path, because: problem, file: file, line: number))
                continue
            }
            reading.manifest.entries[spec, default: []].insert(path)
            if reading.lines[path] == nil { reading.lines[path] = number }
        }
        return reading
    }
}
