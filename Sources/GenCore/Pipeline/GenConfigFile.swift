import Foundation

/// A `gen-config.json`: which pieces to generate, and a folder of template overrides relative
/// to the file. The build plugin reads the same file.
struct GenConfigFile: Decodable {
    var pieces: [String]?
    var templates: String?
    /// `templates`, resolved against the config file's folder.
    var templatesPath: String?

    enum CodingKeys: String, CodingKey {
        case pieces, templates
    }

    static func read(_ path: String) throws(DiagnosticError) -> GenConfigFile {
        let at = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError([Diagnostic("cannot read the config", at: at)])
        }
        var config: GenConfigFile
        do {
            config = try JSONDecoder().decode(GenConfigFile.self, from: data)
        } catch {
            throw DiagnosticError([Diagnostic("the config is not valid: \(error)", at: at)])
        }
        config.templatesPath = config.templates.map {
            URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent($0).path
        }
        return config
    }
}
