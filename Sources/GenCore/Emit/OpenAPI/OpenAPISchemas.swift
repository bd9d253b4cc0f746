/// The JSON Schemas of the OpenAPI description: of the models' types (`components/schemas`), of
/// each property the API answers with, and of each parameter as the generated server checks it.
///
/// Parameters are described exactly as the server reads them, so that a tool that sends what
/// the description allows (and only that) is never refused: no `format` the server does not
/// check, integers bounded as the server's `Int`, dates by the pattern its parser accepts.
struct OpenAPISchemas {
    let plan: APIPlan
    var api: APIDefinition { plan.api }

    /// A reference to a schema of `components/schemas`.
    static func reference(_ name: String) -> JSONValue {
        ["$ref": .string("#/components/schemas/" + name)]
    }

    // MARK: Parameters and properties

    /// A query, path or form parameter, with every constraint the server checks.
    func parameter(_ parameter: Parameter) -> JSONValue {
        var schema: JSONObject
        switch parameter.type.kind {
        case .sid, .enumeration:
            // The referenced schema holds the pattern or the values.
            schema = JSONObject([("$ref", referenceTarget(parameter.type))])
        case .integer:
            // The server reads an `Int`: a larger number is refused like a word would be.
            schema = JSONObject([
                ("type", "integer"),
                ("format", "int64"),
                ("minimum", .integer(parameter.constraints.minimum ?? Int.min)),
                ("maximum", .integer(parameter.constraints.maximum ?? Int.max)),
            ])
        case .json where parameter.location != .json:
            // Sent as its JSON text.
            schema = JSONObject([("type", "string"), ("contentMediaType", "application/json")])
        default:
            schema = base(parameter.type)
            schema["minimum"] = parameter.constraints.minimum.map(JSONValue.integer)
            schema["maximum"] = parameter.constraints.maximum.map(JSONValue.integer)
            schema["minLength"] = parameter.constraints.minLength.map(JSONValue.integer)
            schema["maxLength"] = parameter.constraints.maxLength.map(JSONValue.integer)
            // A string's own pattern; a date's is its type's.
            if parameter.type.kind.isText, let pattern = parameter.constraints.pattern {
                schema["pattern"] = .string(Self.wholeValuePattern(pattern))
            }
            // A required array sends at least one value: none is the parameter missing.
            if parameter.type.kind == .array, parameter.required { schema["minItems"] = 1 }
        }
        if let value = parameter.defaultValue {
            switch value {
            case .string(let text): schema["default"] = .string(text)
            case .integer(let number): schema["default"] = .integer(number)
            case .number(let number): schema["default"] = .number(number)
            case .boolean(let flag): schema["default"] = .bool(flag)
            }
        }
        return .object(schema)
    }

    /// A parameter's description: the spec's, then what its type means on the wire and the error
    /// code a bad value gets.
    func description(of parameter: Parameter) -> String? {
        Self.sentences([
            parameter.description, note(parameter.type),
            parameter.errorCode.map { "An invalid value is answered with error \($0)." },
        ])
    }

    /// A property of a resource or of its page; `null` is one of its values when it is nullable.
    func property(_ property: Property) -> JSONValue {
        var schema: JSONObject
        switch property.type.kind {
        case .sid, .enumeration:
            let reference = referenceTarget(property.type)
            schema =
                property.nullable
                ? JSONObject([("anyOf", [.object(JSONObject([("$ref", reference)])), ["type": "null"]])])
                : JSONObject([("$ref", reference)])
        default:
            schema = base(property.type)
            if property.nullable, case .string(let type)? = schema["type"] {
                schema["type"] = [.string(type), "null"]
            }
        }
        let description = Self.sentences([property.description, note(property.type)])
        return .object(Self.describing(schema, description))
    }

    /// What a type is on the wire, without its constraints or nullability.
    private func base(_ type: FieldType) -> JSONObject {
        switch type.kind {
        case .string, .uri: JSONObject([("type", "string")])
        case .integer: JSONObject([("type", "integer"), ("format", "int64")])
        case .boolean: JSONObject([("type", "boolean")])
        case .uriMap: JSONObject([("type", "object"), ("additionalProperties", ["type": "string"])])
        case .dateTimeRFC2822: JSONObject([("type", "string"), ("pattern", .string(Self.rfc2822Pattern))])
        case .sid, .enumeration: JSONObject([("$ref", referenceTarget(type))])
        case .number: JSONObject([("type", "number")])
        // `format` is an annotation in OpenAPI 3.1; the pattern is what the server's parser reads.
        case .dateTime:
            JSONObject([("type", "string"), ("format", "date-time"), ("pattern", .string(Self.iso8601Pattern))])
        case .date: JSONObject([("type", "string"), ("format", "date"), ("pattern", .string(Self.dayPattern))])
        case .formatted:
            JSONObject([("type", "string"), ("format", .string(StringFormat.all[type.reference ?? ""]?.openAPI ?? ""))])
        case .json: JSONObject()
        case .object:
            JSONObject([
                ("type", "object"),
                ("properties", .object(JSONObject((type.properties ?? []).map { ($0.wireName, property($0)) }))),
                ("required", .array((type.properties ?? []).filter { !$0.nullable }.map { .string($0.wireName) })),
            ])
        case .array: JSONObject([("type", "array"), ("items", .object(type.element.map(base) ?? JSONObject()))])
        case .map:
            JSONObject([
                ("type", "object"), ("additionalProperties", .object(type.element.map(base) ?? JSONObject())),
            ])
        }
    }

    /// What a description adds for a type whose JSON type says too little.
    private func note(_ type: FieldType) -> String? {
        switch type.kind {
        // Not `format: uri`: Twilio answers with URIs relative to the base URL, and accepts an
        // empty value to clear a URL; the server checks nothing.
        case .uri: "A URI, absolute or relative to \(api.baseURL); not checked to be one."
        case .uriMap: "Names mapped to URIs relative to \(api.baseURL)."
        // Not `format: date-time`, which is ISO 8601.
        case .dateTimeRFC2822: "An RFC 2822 date, such as `Mon, 20 Jul 2015 17:27:10 +0000`."
        case .formatted: StringFormat.all[type.reference ?? ""]?.meaning
        case .json: "Any JSON value."
        default: nil
        }
    }

    /// The schema of a SID or enum type, named after its Swift type.
    private func referenceTarget(_ type: FieldType) -> JSONValue {
        let name =
            type.kind == .sid
            ? plan.sids.first { $0.sid.prefix == type.reference }?.typeName
            : plan.enums.first { $0.enumeration.name == type.reference }?.typeName
        return .string("#/components/schemas/" + (name ?? ""))
    }

    /// `schema` that also admits `null`: its type with `null` beside it, or any of it and `null`.
    static func nullable(_ schema: JSONObject) -> JSONObject {
        if case .string(let type)? = schema["type"] {
            var result = schema
            result["type"] = [.string(type), "null"]
            return result
        }
        // Any JSON already admits null.
        if schema.members.isEmpty { return schema }
        return JSONObject([("anyOf", [.object(schema), ["type": "null"]])])
    }

    /// `schema` with a description put first, where a reader looks for it.
    static func describing(_ schema: JSONObject, _ description: String?) -> JSONObject {
        guard let description else { return schema }
        var result = JSONObject([("description", .string(description))])
        for (key, value) in schema.members { result[key] = value }
        return result
    }

    private static func sentences(_ parts: [String?]) -> String? {
        let present = parts.compactMap { $0 }.filter { !$0.isEmpty }
        return present.isEmpty ? nil : present.joined(separator: " ")
    }

    // MARK: Components

    /// The schemas of `components/schemas`: each resource and its page, the enums, the SID
    /// kinds, then the error JSON; named after the models' types.
    func components() -> JSONObject {
        var schemas = JSONObject()
        for planned in plan.resources {
            let resource = planned.resource
            schemas[planned.typeName] = object(
                description: resource.description,
                properties: resource.properties.map { ($0.wireName, property($0)) },
                required: resource.properties.filter { !$0.nullable }.map(\.wireName)
            )
            if let page = resource.page, let pageName = planned.page?.typeName {
                let items = JSONObject([
                    ("description", .string("The \(planned.typeName) resources on this page.")),
                    ("type", "array"),
                    ("items", Self.reference(planned.typeName)),
                ])
                schemas[pageName] = object(
                    description: "One page of \(planned.typeName) resources: the items under `\(page.itemsKey)`, "
                        + "then the paging fields.",
                    properties: [(page.itemsKey, .object(items))] + page.fields.map { ($0.wireName, property($0)) },
                    required: [page.itemsKey] + page.fields.filter { !$0.nullable }.map(\.wireName)
                )
            }
        }
        for planned in plan.enums {
            let enumeration = planned.enumeration
            schemas[planned.typeName] = .object(
                Self.describing(
                    JSONObject([("type", "string"), ("enum", .array(enumeration.values.map { .string($0.value) }))]),
                    enumeration.description
                )
            )
        }
        for planned in plan.sids {
            let sid = planned.sid
            schemas[planned.typeName] = [
                "description": .string(
                    "The SID of \(article(sid.entity)) \(sid.entity): `\(sid.prefix)` followed by 32 hexadecimal digits."
                ),
                "type": "string",
                "pattern": .string(sid.pattern),
            ]
        }
        schemas[plan.errorSchemaName] = errorSchema()
        return schemas
    }

    /// The error JSON every error answer carries, as `GenServerRuntime`'s `APIError` writes it:
    /// all four members, `null` where there is no value.
    private func errorSchema() -> JSONValue {
        [
            "description":
                "An error, as Twilio's error JSON: its code, a message, a page that explains the code, and the HTTP status.",
            "type": "object",
            "properties": [
                "code": [
                    "description": "The error code, such as 20404; null when the error has none.",
                    "type": ["integer", "null"],
                ],
                "message": ["description": "What went wrong, naming the parameter at fault.", "type": "string"],
                "more_info": [
                    "description": "A URL of the page that explains the code; null when there is no code.",
                    "type": ["string", "null"],
                ],
                "status": ["description": "The HTTP status code of the answer.", "type": "integer"],
            ],
            "required": ["code", "message", "more_info", "status"],
        ]
    }

    private func object(description: String?, properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        var schema = JSONObject([("type", "object"), ("properties", .object(JSONObject(properties)))])
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return .object(Self.describing(schema, description))
    }

    // MARK: Patterns

    /// `pattern` as a regular expression that only a whole value matches. A JSON Schema pattern
    /// matches anywhere in a value, while the server matches the whole value; one already
    /// anchored at both ends (with no `|` outside a group) is kept as written.
    static func wholeValuePattern(_ pattern: String) -> String {
        isAnchored(pattern) ? pattern : "^(?:" + pattern + ")$"
    }

    private static func isAnchored(_ pattern: String) -> Bool {
        let characters = Array(pattern)
        guard characters.first == "^", characters.last == "$" else { return false }
        var depth = 0
        var inClass = false
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                // An escaped last `$` is a dollar sign, not an anchor.
                if index + 1 == characters.count - 1 { return false }
                index += 2
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
            } else {
                switch character {
                case "[": inClass = true
                case "(": depth += 1
                case ")": depth -= 1
                case "|" where depth == 0: return false
                default: break
                }
            }
            index += 1
        }
        return !inClass && depth == 0
    }

    /// A year from 0001 to 9999, as `CalendarDate` reads one, and the leap years among them.
    private static let year = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"
    private static let leapYear = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
    /// The years after the first and before the last.
    private static let yearAfterFirst = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[2-9])"
    private static let yearBeforeLast =
        "(?:[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8]|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"

    /// A day that exists, `YYYY-MM-DD`: February 29th in leap years only.
    private static let day =
        "(?:\(year)-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|\(year)-(?:0[13-9]|1[0-2])-(?:29|30)"
        + "|\(year)-(?:0[13578]|1[02])-31|\(leapYear)-02-29)"

    /// A day that exists other than 0001-01-01 and 9999-12-31, the first and the last.
    private static let innerDay =
        "(?:\(year)-(?:0[1-9]|1[0-2])-(?:0[2-9]|1[0-9]|2[0-8])|\(year)-(?:0[2-9]|1[0-2])-01|\(yearAfterFirst)-01-01"
        + "|\(year)-(?:0[13-9]|1[0-2])-(?:29|30)|\(year)-(?:0[13578]|10)-31|\(yearBeforeLast)-12-31"
        + "|\(leapYear)-02-29)"

    /// What `CalendarDate` reads.
    static let dayPattern = "^\(day)$"

    /// A time of day to the second (no leap second), with any fraction.
    private static let time = "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?"

    /// What `ISO8601Date` reads: a day, a time and `Z` or an offset; on the first and the last
    /// day, 0001-01-01 and 9999-12-31, an offset of zero only, which keeps every date in the years
    /// the format writes.
    static let iso8601Pattern =
        "^(?:\(innerDay)\(time)(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
        + "|(?:0001-01-01|9999-12-31)\(time)(?:[Zz]|[+-]00:00))$"

    /// The dates `RFC2822Date.date(from:)` reads, which is what the server accepts: an optional
    /// weekday, a day, month, year, hours, minutes, optional seconds and a zone, with spaces
    /// optional between them.
    static let rfc2822Pattern =
        "^ *(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) *, *)?(?:0?[1-9]|[12][0-9]|3[01]) *"
        + "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) *[1-9][0-9]{3} *(?:[01]?[0-9]|2[0-3]) *: *"
        + "[0-5]?[0-9](?: *: *(?:[0-5]?[0-9]|60))? *(?:[+-][0-9]{2}[0-5][0-9]|GMT|UTC|UT|Z) *$"
}
