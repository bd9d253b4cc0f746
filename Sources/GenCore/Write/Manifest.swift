/// The list of files `gen` generated in an output folder, each with the spec that produced it.
///
/// It is how `gen` knows which files it may remove once no spec produces them; files it did
/// not generate are never touched. Stored as `.gen-manifest` in the output folder.
public struct Manifest: Equatable, Sendable {
    public static let fileName = ".gen-manifest"
    static let heading = "# Files gen generated in this folder, by spec. Do not edit."

    /// Spec file name to the paths it produced, relative to the output folder.
    public var entries: [String: Set<String>]

    public init(entries: [String: Set<String>] = [:]) {
        self.entries = entries
    }

    public init(parsing text: String) {
        var entries: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2 else { continue }
            entries[String(parts[0]), default: []].insert(String(parts[1]))
        }
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
}
