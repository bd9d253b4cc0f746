import Foundation

/// Reads a field's `type:`, such as `string`, `sid<AC>` or `enum<HttpMethod>`.
enum FieldTypeParser {
    /// The spellings offered when a type is unknown.
    static let names = [
        "string", "integer", "number", "boolean", "uri", "uri-map", "datetime", "datetime-rfc2822", "date",
        "phone-number", "email", "iso-country-code", "currency", "json", "object", "sid<..>", "enum<..>", "array<..>",
        "map<..>", "object<..>",
    ]

    static let simple: [String: FieldType.Kind] = [
        "string": .string,
        "integer": .integer,
        "boolean": .boolean,
        "uri": .uri,
        "uri-map": .uriMap,
        "datetime-rfc2822": .dateTimeRFC2822,
        "number": .number,
        "datetime": .dateTime,
        "date": .date,
        "json": .json,
        "object": .object,
    ]

    /// Parses `text`, resolving SID prefixes and enum names against the spec's declarations.
    static func parse(
        _ text: Located<String>,
        sids: [String: SidType],
        enums: [String: EnumType],
        objects: [String: ObjectType] = [:],
        log: inout DiagnosticLog
    ) -> FieldType? {
        let spelling = text.value.trimmingCharacters(in: .whitespaces)
        if let kind = simple[spelling] {
            return FieldType(kind: kind, spec: spelling)
        }
        if StringFormat.all[spelling] != nil {
            return FieldType(kind: .formatted, spec: spelling, reference: spelling)
        }
        // A container of values of one type: `array<T>`, `map<T>`.
        let containers: [(String, FieldType.Kind, Set<FieldType.Kind>, String)] = [
            (
                "array", .array, arrayElements,
                "an array holds strings, numbers, booleans, days, SIDs, enum values, objects or json"
            ),
            ("map", .map, mapValues, "a map holds strings, numbers, booleans, objects or json"),
        ]
        for (name, kind, allowed, holds) in containers {
            guard let argument = argument(of: name, in: spelling) else { continue }
            let located = Located(argument, at: text.location)
            guard let element = parse(located, sids: sids, enums: enums, objects: objects, log: &log)
            else { return nil }
            guard allowed.contains(element.kind) else {
                log.error("\(holds), not \(element.spec)", at: text.location)
                return nil
            }
            return FieldType(kind: kind, spec: spelling, elements: [element])
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
        if let argument = argument(of: "object", in: spelling) {
            guard let object = objects[argument] else {
                log.error(
                    "unknown object '\(argument)'\(Suggestion.hint(for: argument, in: objects.keys.sorted())); "
                        + "declare it under 'objects', before any object that uses it",
                    at: text.location
                )
                return nil
            }
            return FieldType(kind: .object, spec: spelling, reference: argument, properties: object.properties)
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
        let offered = simple.keys.sorted() + StringFormat.all.keys.sorted() + ["sid", "enum", "array", "map", "object"]
        let hint = Suggestion.closest(to: spelling, in: offered).map { " (did you mean '\($0)'?)" } ?? ""
        log.error(
            "unknown type '\(spelling)'\(hint); expected one of \(names.joined(separator: ", "))",
            at: text.location
        )
        return nil
    }

    /// The kinds an array may hold.
    static let arrayElements: Set<FieldType.Kind> = [
        .string, .uri, .formatted, .integer, .number, .boolean, .date, .sid, .enumeration, .object, .json,
    ]

    /// The kinds a map's values may be.
    static let mapValues: Set<FieldType.Kind> = [
        .string, .uri, .formatted, .integer, .number, .boolean, .object, .json,
    ]

    /// `X` from `name<X>`, or nil when `spelling` is not of that form.
    private static func argument(of name: String, in spelling: String) -> String? {
        guard spelling.hasPrefix(name + "<"), spelling.hasSuffix(">") else { return nil }
        return String(spelling.dropFirst(name.count + 1).dropLast())
    }
}
