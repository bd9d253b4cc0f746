/// Doc comment lines (`/// …`) from a spec's descriptions, each paragraph marked to be filled to
/// the comment width at the column its template gives it (``SwiftLayout``).
enum DocComment {
    /// The lines of a doc comment for `paragraphs`. Empty paragraphs are skipped; paragraphs are
    /// separated by a bare `///`.
    static func lines(_ paragraphs: [String?]) -> [String] {
        joined(
            paragraphs.compactMap { paragraph in
                guard let paragraph, paragraph.contains(where: { $0 != " " && $0 != "\n" }) else { return nil }
                return ["/// " + SwiftLayout.paragraph(paragraph)]
            }
        )
    }

    /// A `- Parameters:` list, each description filled under its name; parameters without a
    /// description are left out, and the list too when none has one.
    static func parameterLines(_ parameters: [(name: String, description: String)]) -> [String] {
        let parameters = parameters.filter { !$0.description.isEmpty }
        guard !parameters.isEmpty else { return [] }
        return ["/// - Parameters:"]
            + parameters.map { name, description in
                "/// " + SwiftLayout.paragraph(description, lead: "  - \(name.trimmingCharacters(in: ["`"])):")
            }
    }

    /// Sections of doc comment lines, a bare `///` between two non-empty ones.
    static func joined(_ sections: [[String]]) -> [String] {
        sections.filter { !$0.isEmpty }.reduce(into: []) { result, section in
            if !result.isEmpty { result.append("///") }
            result += section
        }
    }
}
