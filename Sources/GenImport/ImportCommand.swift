import Foundation
import GenCore

/// What `gen import openapi` does apart from parsing its arguments. Returns the exit code.
public enum ImportCommand {
    /// Imports each file into `output/<Name>.yaml`, checks that gen can generate from it, and
    /// prints one line per file, and each warning on the error stream. A file that cannot be read
    /// leaves nothing behind; the others are still imported.
    public static func run(files: [String], output: String, name: String?, console: Console = .standard) -> Int32 {
        if name != nil, files.count > 1 {
            console.err("gen: error: --name names one spec; give one file with it")
            return 1
        }
        var failed = false
        var written: [String: String] = [:]
        for file in files {
            do {
                let spec = try OpenAPIImporter.importFile(file, name: name)
                for warning in spec.warnings { console.err(warning.description) }
                let path = (output as NSString).appendingPathComponent(spec.name + ".yaml")
                if let earlier = written[path] {
                    console.err(
                        "\(file):1:1: error: the spec \(spec.name) was already imported from \(earlier); give one of them another --name"
                    )
                    failed = true
                    continue
                }
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                try Data(spec.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                // The spec is written either way, for a person to carry on from; one that gen
                // refuses is a fault of the importer, reported as an error.
                if case .failure(let error) = Generator.plan(of: .init(path: path, text: spec.text)) {
                    console.err(error.description)
                    console.err("\(file):1:1: error: the spec imported into \(path) does not generate yet")
                    failed = true
                }
                written[path] = file
                console.out(
                    "imported \(file) -> \(path): \(spec.operations - spec.skipped) operations, "
                        + "\(spec.skipped) skipped, \(spec.warnings.count) warnings"
                )
            } catch {
                console.err(String(describing: error))
                failed = true
            }
        }
        return failed ? 1 : 0
    }
}
