/// What each piece writes for a value of a type: the one place that says how a type is held in
/// JSON, sent by the client, given to the CLI and which modules it needs. Emitters ask; they do
/// not look at the type's kind themselves.
extension TypePlan {
    /// The type of an array's elements, or of a map's values.
    var element: TypePlan? {
        guard let element = type.element else { return nil }
        // `[Element]`, or `[String: Value]`.
        let prefix = kind == .map ? "[String: ".count : 1
        return TypePlan(type: element, swiftName: String(swiftName.dropFirst(prefix).dropLast()))
    }

    /// Whether code that holds a value of this type imports Foundation (for `Date`).
    public var needsFoundation: Bool { kind == .dateTimeRFC2822 || kind == .dateTime }

    /// What a file that names `Date` beside the models module imports: Foundation's `Date`
    /// alone, so that a model named like another of Foundation's types (Twilio's `Bundle`,
    /// `Notification`, `Stream`) is not ambiguous there.
    public static let dateImport = "struct Foundation.Date"

    /// Whether the Swift type is one of `GenRuntime`'s, which code naming it imports.
    public var isRuntimeType: Bool {
        kind == .date || kind == .json || element?.isRuntimeType == true
    }

    /// Whether the client names the type or sends a value through a function of `GenRuntime`.
    public var clientNeedsRuntime: Bool { isRuntimeType || needsFoundation }

    /// Whether values are SIDs or enum values, which are sent and written as their raw value.
    private var isRawRepresentable: Bool { kind == .sid || kind == .enumeration }

    // MARK: Models

    /// The decoding method of a model's `init(from:)`, such as `decodeIfPresent`, and whether
    /// it takes the type as its first argument.
    public func decodeMethod(optional: Bool) -> (name: String, takesType: Bool) {
        let ifPresent = optional ? "IfPresent" : ""
        return switch kind {
        case .dateTimeRFC2822: ("decodeRFC2822Date" + ifPresent, false)
        case .dateTime: ("decodeISO8601Date" + ifPresent, false)
        default: ("decode" + ifPresent, true)
        }
    }

    /// The encoding method of a model's `encode(to:)`.
    public var encodeMethod: String {
        switch kind {
        case .dateTimeRFC2822: "encodeRFC2822Date"
        case .dateTime: "encodeISO8601Date"
        default: "encode"
        }
    }

    /// What `writeJSON(to:)` passes to `JSONWriter.field` for `expression`, such as
    /// `self.sid?.rawValue` or `rfc2822: self.dateCreated`.
    public func jsonArgument(_ expression: String, optional: Bool) -> String {
        let chain = optional ? "?" : ""
        return switch kind {
        case .sid, .enumeration: "\(expression)\(chain).rawValue"
        case .dateTimeRFC2822: "rfc2822: \(expression)"
        case .dateTime: "iso8601: \(expression)"
        case .array where element?.isRawRepresentable == true: "\(expression)\(chain).map(\\.rawValue)"
        default: expression
        }
    }

    // MARK: Client

    /// The text a client sends for the value of `name`, as an expression of a `FormValue` type.
    public func wireValue(_ name: String, optional: Bool) -> String {
        let chain = optional ? "?" : ""
        return switch kind {
        case .sid, .enumeration: "\(name)\(chain).rawValue"
        case .dateTimeRFC2822:
            optional ? "\(name).map(RFC2822Date.string(from:))" : "RFC2822Date.string(from: \(name))"
        case .dateTime: optional ? "\(name).map(ISO8601Date.string(from:))" : "ISO8601Date.string(from: \(name))"
        case .array where element?.isRawRepresentable == true: "\(name)\(chain).map(\\.rawValue)"
        default: name
        }
    }

    // MARK: CLI

    /// Whether the type is an object or any JSON, which only a JSON body holds in an array.
    var holdsJSON: Bool { kind == .object || kind == .json }

    /// Whether the CLI takes the option any number of times, once for each value.
    public var isRepeated: Bool { kind == .array && !isJSONText }

    /// Whether the CLI takes the value as JSON text (or `@FILE`): objects, maps, arrays of objects,
    /// any JSON.
    var isJSONText: Bool {
        kind == .object || kind == .json || kind == .uriMap || kind == .map
            || (kind == .array && element?.holdsJSON == true)
    }

    /// The type of a CLI option holding a value: the type itself, or the text it is read from.
    public var optionType: String {
        if isJSONText { return "String" }
        return switch kind {
        case .dateTimeRFC2822, .dateTime, .uri, .string, .formatted: "String"
        case .array: "[" + (element?.optionType ?? "String") + "]"
        default: swiftName
        }
    }

    /// The value the CLI passes for the option `property` (`--option`), converting its text when
    /// the option holds text; nil when the option holds the value itself.
    public func optionConversion(_ property: String, option: String, required: Bool) -> String? {
        let optionLiteral = SwiftLiteral.string(option)
        if isJSONText {
            return "try CommandSupport.json(\(property), as: \(swiftName).self, option: \(optionLiteral))"
                + (required ? "!" : "")
        }
        switch kind {
        case .dateTimeRFC2822:
            return "try CommandSupport.date(\(property), option: \(optionLiteral))" + (required ? "!" : "")
        case .dateTime:
            return "try CommandSupport.dateTime(\(property), option: \(optionLiteral))" + (required ? "!" : "")
        case .array where !required:
            // No value given sends nothing, as a missing optional does.
            return "CommandSupport.values(\(property))"
        default:
            return nil
        }
    }

    // MARK: Server

    /// How the generated server reads a parameter of this type: the `OperationRequest` method
    /// and the arguments after the name and location that the type itself needs.
    func reader(optional: Bool) -> (method: String, arguments: [String]) {
        func named(_ required: String, _ optionalName: String) -> String { optional ? optionalName : required }
        return switch kind {
        case .string, .uri, .formatted: (named("string", "optionalString"), [])
        case .integer: (named("int", "optionalInt"), [])
        case .number: (named("double", "optionalDouble"), [])
        case .boolean: (named("bool", "optionalBool"), [])
        case .sid: (named("sid", "optionalSid"), ["as: \(swiftName).self"])
        case .enumeration: (named("requiredEnum", "optionalEnum"), ["as: \(swiftName).self"])
        case .dateTimeRFC2822: (named("date", "optionalDate"), [])
        case .dateTime: (named("dateTime", "optionalDateTime"), [])
        case .date: (named("calendarDate", "optionalCalendarDate"), [])
        case .array where element?.holdsJSON == true: (named("decoded", "optionalDecoded"), ["as: \(swiftName).self"])
        case .array: (named("array", "optionalArray"), ["of: \(element?.swiftName ?? "String").self"])
        // Lowering allows these in a JSON body only.
        case .uriMap, .json, .object, .map: (named("decoded", "optionalDecoded"), ["as: \(swiftName).self"])
        }
    }
}
