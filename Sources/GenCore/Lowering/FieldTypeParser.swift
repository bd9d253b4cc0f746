import Foundation

/// Reads a field's `type:`, such as `string`, `sid<AC>` or `enum<HttpMethod>`.
enum FieldTypeParser {
    /// The spellings offered when a type is unknown.
    static let names = ["string", "integer", "boolean", "uri", "uri-map", "datetime-rfc2822", "sid<..>", "enum<..>"]

    static let simple: [String: FieldType.Kind] = [
        "string": .string,
        "integer": .integer,
        "boolean": .boolean,
        "uri": .uri,
        "uri-map": .uriMap,
        "datetime-rfc2822": .dateTimeRFC2822,
    ]

    /// Parses `text`, resolving SID prefixes and enum names against the spec's declarations.
    static func parse(
        _ text: Located<String>,
        sids: [String: SidType],
        enums: [String: EnumType],
        log: inout DiagnosticLog
    ) -> FieldType? {
        let spelling = text.value.trimmingCharacters(in: .whitespaces)
        if let kind = simple[spelling] {
            return FieldType(kind: kind, spec: spelling)
        }
        if let argument = argument(of: "sid", in: spelling) {
            guard argument.count == 2, argument.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                log.error("a SID prefix is two capital letters, as in sid<AC>; found '\(argument)'", at: text.location)
                return nil
            }
            guard sids[argument] != nil else {
                log.error(
                    "unknown SID prefix '\(argument)'\(Suggestion.hint(for: argument, in: sids.keys.sorted())); "
                        + "declare it under 'sids'",
                    at: text.location
                )
                return nil
            }
            return FieldType(kind: .sid, spec: spelling, reference: argument)
        }
        if let argument = argument(of: "enum", in: spelling) {
            guard enums[argument] != nil else {
                log.error(
                    "unknown enum '\(argument)'\(Suggestion.hint(for: argument, in: enums.keys.sorted())); "
                        + "declare it under 'enums'",
                    at: text.location
                )
                return nil
            }
            return FieldType(kind: .enumeration, spec: spelling, reference: argument)
        }
        let offered = simple.keys.sorted() + ["sid", "enum"]
        let hint = Suggestion.closest(to: spelling, in: offered).map { " (did you mean '\($0)'?)" } ?? ""
        log.error(
            "unknown type '\(spelling)'\(hint); expected one of \(names.joined(separator: ", "))",
            at: text.location
        )
        return nil
    }

    /// `X` from `name<X>`, or nil when `spelling` is not of that form.
    private static func argument(of name: String, in spelling: String) -> String? {
        guard spelling.hasPrefix(name + "<"), spelling.hasSuffix(">") else { return nil }
        return String(spelling.dropFirst(name.count + 1).dropLast())
    }
}
