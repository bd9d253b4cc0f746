/// Merges the files of one piece into one file for a module that holds every piece: one header,
/// the imports of all files without those of the sibling generated modules, then each file's
/// declarations.
enum SingleFileLayout {
    static func merge(_ files: [GeneratedFile], of plan: APIPlan, into name: String) -> GeneratedFile {
        let siblings = plan.modules.swiftModules
        var header: [String]?
        var imports = Set<String>()
        var bodies: [String] = []
        for file in files {
            var lines = file.contents.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The header is every comment line before the imports: an overridden header
            // template may write more than one.
            let comments = lines.prefix { $0.hasPrefix("//") }
            header = header ?? Array(comments)
            lines.removeFirst(comments.count)
            while let line = lines.first, line.isEmpty || line.hasPrefix("import ") {
                if line.hasPrefix("import ") { imports.insert(String(line.dropFirst("import ".count))) }
                lines.removeFirst()
            }
            bodies.append(lines.joined(separator: "\n"))
        }
        let importLines = imports.subtracting(siblings).sorted().map { "import \($0)" }
        let merged = (header ?? []) + [""] + importLines + [""] + bodies.flatMap { [$0, ""] }
        let text = merged.joined(separator: "\n")
        return GeneratedFile(path: name + ".swift", contents: SwiftSourceText.tidy(text))
    }
}
