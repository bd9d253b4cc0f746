import Foundation

/// Doc comment lines (`/// …`) from a spec description, wrapped to fit the line width.
enum DocComment {
    static let lineWidth = 100

    /// The lines of a doc comment for `paragraphs`, for code indented by `indent` spaces.
    /// Empty paragraphs are skipped; paragraphs are separated by a bare `///`.
    static func lines(_ paragraphs: [String?], indent: Int) -> [String] {
        let width = lineWidth - indent - 4
        var result: [String] = []
        for paragraph in paragraphs.compactMap({ $0 }) {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard !words.isEmpty else { continue }
            if !result.isEmpty { result.append("///") }
            var line = ""
            var length = 0  // line.count, kept rather than counted again for every word
            for word in words {
                let wordLength = word.count
                if !line.isEmpty, length + 1 + wordLength > width {
                    result.append("/// " + line)
                    line = ""
                    length = 0
                }
                if line.isEmpty {
                    line = String(word)
                    length = wordLength
                } else {
                    line += " " + word
                    length += 1 + wordLength
                }
            }
            result.append("/// " + line)
        }
        return result
    }

    /// A `- Parameters:` list, each description wrapped under its name; parameters without a
    /// description are left out, and the list too when none has one.
    static func parameterLines(_ parameters: [(name: String, description: String)], indent: Int) -> [String] {
        let parameters = parameters.filter { !$0.description.isEmpty }
        guard !parameters.isEmpty else { return [] }
        let width = lineWidth - indent - 4
        var result = ["/// - Parameters:"]
        for (name, description) in parameters {
            var line = "  - \(name.trimmingCharacters(in: ["`"])):"
            var length = line.count
            for word in description.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                let wordLength = word.count
                if length + 1 + wordLength > width {
                    result.append("/// " + line)
                    line = "    "
                    length = 4
                }
                let separator = line.hasSuffix(" ") ? "" : " "
                line += separator + word
                length += separator.count + wordLength
            }
            result.append("/// " + line)
        }
        return result
    }

    /// Sections of doc comment lines, a bare `///` between two non-empty ones.
    static func joined(_ sections: [[String]]) -> [String] {
        sections.filter { !$0.isEmpty }.reduce(into: []) { result, section in
            if !result.isEmpty { result.append("///") }
            result += section
        }
    }
}
