/// Merges the files of one piece into one file for a module that holds every piece: one header,
/// the imports of all files without those of the sibling generated modules, then each file's
/// declarations. The files were rendered without header and imports, which they carry as data.
enum SingleFileLayout {
    static func merge(_ files: [GeneratedFile], of plan: APIPlan, header: String, into name: String) -> GeneratedFile {
        let imports = Set(files.flatMap(\.imports)).subtracting(plan.modules.swiftModules).sorted()
        let importLines = imports.map { "import \($0)" }.joined(separator: "\n")
        let text = ([header, importLines] + files.map(\.contents)).joined(separator: "\n\n")
        return GeneratedFile(path: name + ".swift", contents: SwiftSourceText.tidy(text))
    }
}
