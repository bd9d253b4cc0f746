import Foundation
import GenCore
import Yams

/// Where a schema is used, which decides what it may become: a path or a header carries one
/// plain value, a query or a form adds arrays and JSON text, and a property or a member of a
/// JSON body may be anything.
enum TypeContext {
    case path, header, query, form, nested

    var what: String {
        switch self {
        case .path: "a path parameter"
        case .header: "a header parameter"
        case .query: "a query parameter"
        case .form: "a form parameter"
        case .nested: "a property"
        }
    }

    var allowsJSON: Bool { self != .path && self != .header }
    var allowsArrays: Bool { self != .path && self != .header }
    var allowsObjects: Bool { self == .nested }
}

/// A schema as a spec type: `string`, `sid<AC>`, `array<object>` with the object's properties.
struct MappedType {
    var type: String
    var nullable = false
    /// The members of an `object`, `array<object>` or `map<object>`.
    var properties: [(String, SpecValue)]?
    /// The constraints of a scalar schema, which a parameter may carry.
    var schema: Node?

    static var json: MappedType { MappedType(type: "json") }
}

extension ImportContext {
    // MARK: Types

    /// The spec type of `schema`, used as `context` under the wire name `name` of `owner`.
    func type(of schema: Node, at pointer: Pointer, name: String, owner: String, context: TypeContext) -> MappedType {
        let nullable = schema["nullable"]?.boolean ?? false
        var mapped = resolvedType(of: schema, at: pointer, name: name, owner: owner, context: context)
        mapped.nullable = mapped.nullable || nullable
        return mapped
    }

    private func resolvedType(
        of schema: Node,
        at pointer: Pointer,
        name: String,
        owner: String,
        context: TypeContext
    ) -> MappedType {
        if let reference = schema["$ref"]?.text {
            return referencedType(reference, at: pointer, node: schema, name: name, owner: owner, context: context)
        }
        if let all = schema["allOf"]?.items, all.count == 1 {
            return type(of: all[0], at: pointer / "allOf" / "0", name: name, owner: owner, context: context)
        }
        for combinator in ["oneOf", "anyOf", "allOf"] where schema[combinator] != nil {
            return json(
                context,
                because: "'\(combinator)' has no type in a spec, so \(name) is free-form JSON",
                at: schema,
                pointer
            )
        }
        let format = schema["format"]?.text
        switch schema["type"]?.text {
        case "string":
            return stringType(schema, format: format, at: pointer, name: name, owner: owner)
        case "integer":
            return MappedType(type: "integer", schema: schema)
        case "number":
            return MappedType(type: "number", schema: schema)
        case "boolean":
            return MappedType(type: "boolean", schema: schema)
        case "array":
            return arrayType(schema, at: pointer, name: name, owner: owner, context: context)
        case "object", nil:
            return objectType(schema, format: format, at: pointer, name: name, owner: owner, context: context)
        case let other?:
            warn(
                "the type '\(other)' is not an OpenAPI type; \(name) is a string",
                at: schema["type"],
                pointer / "type"
            )
            return MappedType(type: "string")
        }
    }

    private static let stringFormats: [String: String] = [
        "date-time": "datetime", "date-time-rfc-2822": "datetime-rfc2822", "date": "date", "uri": "uri",
        "phone-number": "phone-number", "email": "email", "iso-country-code": "iso-country-code",
        "currency": "currency",
    ]

    private func stringType(_ schema: Node, format: String?, at pointer: Pointer, name: String, owner: String)
        -> MappedType
    {
        if format == "http-method" {
            declareEnum(
                "HttpMethod",
                description: "An HTTP method Twilio uses to request a URL.",
                values: ["HEAD", "GET", "POST", "PATCH", "PUT", "DELETE"]
                    + (schema["enum"]?.items.compactMap(\.text) ?? [])
            )
            return MappedType(type: "enum<HttpMethod>", schema: schema)
        }
        if let values = schema["enum"]?.items.compactMap(\.text), !values.isEmpty {
            let enumName = inlineEnumName(owner: owner, name: name, values: values)
            return MappedType(type: "enum<\(enumName)>", schema: schema)
        }
        if let pattern = schema["pattern"]?.text, let prefix = ImportContext.sidPrefix(pattern) {
            noteSid(prefix: prefix, field: name, owner: owner)
            return MappedType(type: "sid<\(prefix)>")
        }
        return MappedType(type: format.flatMap { ImportContext.stringFormats[$0] } ?? "string", schema: schema)
    }

    private func arrayType(_ schema: Node, at pointer: Pointer, name: String, owner: String, context: TypeContext)
        -> MappedType
    {
        guard context.allowsArrays else {
            warn("\(context.what) holds one value, not an array; \(name) is a string", at: schema, pointer)
            return MappedType(type: "string")
        }
        guard let items = schema["items"] else {
            return context.allowsJSON ? MappedType(type: context == .nested ? "array<json>" : "json") : .json
        }
        let element = type(of: items, at: pointer / "items", name: name, owner: owner, context: context)
        switch element.type {
        case "datetime", "datetime-rfc2822":
            warn("a spec has no arrays of date-times; \(name) is an array of strings", at: items, pointer / "items")
            return MappedType(type: "array<string>")
        case "uri-map", "json":
            return context == .nested ? MappedType(type: "array<json>") : .json
        case let type where type.hasPrefix("array<") || type.hasPrefix("map<"):
            return context == .nested ? MappedType(type: "array<json>") : .json
        default:
            return MappedType(type: "array<\(element.type)>", properties: element.properties)
        }
    }

    private func objectType(
        _ schema: Node,
        format: String?,
        at pointer: Pointer,
        name: String,
        owner: String,
        context: TypeContext
    ) -> MappedType {
        let properties = schema["properties"]?.entries ?? []
        guard context.allowsObjects else {
            if !context.allowsJSON {
                warn("\(context.what) holds one plain value, not an object; \(name) is a string", at: schema, pointer)
                return MappedType(type: "string")
            }
            // Twilio's query and form values that hold an object are sent as its JSON text.
            return .json
        }
        if format == "uri-map" { return MappedType(type: "uri-map") }
        if let additional = schema["additionalProperties"], additional.mapping != nil, properties.isEmpty {
            let value = type(
                of: additional,
                at: pointer / "additionalProperties",
                name: name + "_value",
                owner: owner,
                context: .nested
            )
            if value.type.hasPrefix("array<") || value.type.hasPrefix("map<") || value.type == "uri-map"
                || value.type.hasPrefix("enum<") || value.type.hasPrefix("sid<") || value.type.hasPrefix("date")
            {
                return .json
            }
            return MappedType(type: "map<\(value.type)>", properties: value.properties)
        }
        guard !properties.isEmpty else { return .json }
        return MappedType(
            type: "object",
            properties: self.properties(of: schema, at: pointer, owner: owner)
        )
    }

    private func referencedType(
        _ reference: String,
        at pointer: Pointer,
        node: Node,
        name: String,
        owner: String,
        context: TypeContext
    ) -> MappedType {
        guard let target = document.resolve(reference: reference) else {
            warn("'\(reference)' points at nothing in this file; \(name) is free-form JSON", at: node["$ref"], pointer)
            return context.allowsJSON ? .json : MappedType(type: "string")
        }
        let componentName = String(reference.split(separator: "/").last ?? "")
        let targetPointer = ImportContext.pointer(of: reference)
        if target["type"]?.text == "string", let values = target["enum"]?.items.compactMap(\.text), !values.isEmpty {
            let enumName = referencedEnumName(reference, componentName: componentName, target: target, values: values)
            return MappedType(type: "enum<\(enumName)>", nullable: target["nullable"]?.boolean ?? false, schema: target)
        }
        let isObject = (target["type"]?.text == "object" || target["type"] == nil) && target["properties"] != nil
        guard isObject else {
            return type(of: target, at: targetPointer, name: name, owner: owner, context: context)
        }
        guard context.allowsObjects else {
            return objectType(target, format: nil, at: targetPointer, name: name, owner: owner, context: context)
        }
        guard let objectName = declareObject(reference, componentName: componentName, target: target) else {
            warn(
                "'\(reference)' holds itself, which a spec's objects cannot; \(name) is free-form JSON",
                at: node["$ref"],
                pointer
            )
            return .json
        }
        return MappedType(type: "object<\(objectName)>", nullable: target["nullable"]?.boolean ?? false)
    }

    /// The members of an object schema as spec properties. A member is optional (`nullable`)
    /// when the schema says so, or when it lists the members it requires and leaves it out. A
    /// schema that is one of several objects (`oneOf`, `anyOf`) has the members of them all, each
    /// optional; one made of several (`allOf`), the members of each.
    func properties(
        of schema: Node,
        at pointer: Pointer,
        owner: String,
        excluding excluded: Set<String> = []
    ) -> [(String, SpecValue)] {
        var result: [(String, SpecValue)] = []
        var seen = excluded
        for shape in shapes(of: schema, at: pointer, isAlternative: false) {
            let required = shape.node["required"].map { Set($0.items.compactMap(\.text)) }
            for (key, value) in shape.node["properties"]?.entries ?? [] where !seen.contains(key) {
                seen.insert(key)
                let memberPointer = shape.pointer / "properties" / key
                guard ImportContext.isWireName(key) else {
                    warn("'\(key)' cannot be a wire name in a spec; the member is skipped", at: value, memberPointer)
                    continue
                }
                var mapped = type(of: value, at: memberPointer, name: key, owner: owner, context: .nested)
                if shape.isAlternative { mapped.nullable = true }
                if let required, !required.contains(key) { mapped.nullable = true }
                result.append((key, field(mapped, value, at: memberPointer)))
            }
        }
        return result
    }

    /// The object schemas that make `schema`: itself, or the parts of `allOf`, `oneOf` and
    /// `anyOf`, with `$ref`s followed. A part of `oneOf` or `anyOf` is an alternative.
    func shapes(of schema: Node, at pointer: Pointer, isAlternative: Bool, depth: Int = 0)
        -> [(node: Node, pointer: Pointer, isAlternative: Bool)]
    {
        guard depth < 8 else { return [] }
        if let reference = schema["$ref"]?.text, let target = document.resolve(reference: reference) {
            return shapes(
                of: target,
                at: ImportContext.pointer(of: reference),
                isAlternative: isAlternative,
                depth: depth + 1
            )
        }
        var result: [(node: Node, pointer: Pointer, isAlternative: Bool)] = []
        if schema["properties"] != nil { result.append((schema, pointer, isAlternative)) }
        for combinator in ["allOf", "oneOf", "anyOf"] {
            for (index, part) in (schema[combinator]?.items ?? []).enumerated() {
                result += shapes(
                    of: part,
                    at: pointer / combinator / String(index),
                    isAlternative: isAlternative || combinator != "allOf",
                    depth: depth + 1
                )
            }
        }
        return result
    }

    /// A property: its type, whether it may be null, its members, PII and description.
    func field(_ mapped: MappedType, _ schema: Node, at pointer: Pointer) -> SpecValue {
        .entries([
            "type": .plain(mapped.type),
            "nullable": mapped.nullable ? .plain("true") : nil,
            "pii": pii(schema, at: pointer),
            "properties": mapped.properties.map { .mapping($0) },
            "description": ImportContext.prose(schema["description"]?.text),
        ])
    }

    /// `x-twilio.pii`: how personal data is handled, and how many days it is kept (`deleteSla`,
    /// which a spec takes when it is a positive number of days).
    func pii(_ schema: Node, at pointer: Pointer) -> SpecValue? {
        guard let pii = schema["x-twilio"]?["pii"], let handling = pii["handling"]?.text else { return nil }
        var days = pii["deleteSla"]?.scalar.flatMap { Int($0.string) }
        if let value = days, value <= 0 {
            warn(
                "a spec keeps personal data a positive number of days; the deleteSla \(value) is left out",
                at: pii["deleteSla"],
                pointer / "x-twilio" / "pii" / "deleteSla"
            )
            days = nil
        }
        return .entries(["handling": .string(handling), "retentionDays": days.map { .plain(String($0)) }])
    }

    /// Text as spec prose: whitespace runs become one space; nil when nothing is left.
    /// `VoiceUrl` and `voice_url` both give `voiceurl`.
    static func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    static func prose(_ text: String?) -> SpecValue? {
        guard let text else { return nil }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.value < 0x20 } })
        return words.isEmpty ? nil : .prose(words.joined(separator: " "))
    }

    private func json(_ context: TypeContext, because message: String, at node: Node, _ pointer: Pointer) -> MappedType
    {
        if context.allowsJSON {
            warn(message, at: node, pointer)
            return .json
        }
        warn(message.replacingOccurrences(of: "free-form JSON", with: "a string"), at: node, pointer)
        return MappedType(type: "string")
    }
}

extension SpecValue {
    var text: String? {
        switch self {
        case .plain(let text), .string(let text), .prose(let text): text
        default: nil
        }
    }
}
