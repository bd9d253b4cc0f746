import Foundation
import GenRuntime

/// A request's parameters, read and validated for the generated routing: each reader names the
/// parameter, where it is sent, and its constraints, and throws a 400 ``APIError`` naming the
/// parameter when the value breaks one.
public struct OperationRequest: Sendable {
    /// Where a parameter is sent.
    public enum Location: String, Sendable {
        case path, query, form, header
        /// A member of the JSON object that is the request's body.
        case json

        var noun: String {
            switch self {
            case .path: "path"
            case .query: "query string"
            case .form: "request body"
            case .header: "headers"
            case .json: "JSON body"
            }
        }
    }

    /// The body an operation declares, the only one its route reads.
    public enum Body: Sendable {
        /// No body: a request that sends one is refused.
        case none
        /// `application/x-www-form-urlencoded` fields.
        case form
        /// A JSON object: `application/json`, or a media type of JSON's syntax (`application/scim+json`).
        case json

        var mediaType: String {
            switch self {
            case .none: "nothing"
            case .form: "application/x-www-form-urlencoded"
            case .json: "application/json"
            }
        }

        /// Whether a `Content-Type` names this body's media type, in any case and with any parameters.
        func accepts(_ contentType: String) -> Bool {
            let media = (contentType.split(separator: ";", maxSplits: 1).first ?? "")
                .trimmingCharacters(in: .whitespaces).lowercased()
            switch self {
            case .none: return false
            case .form: return media == mediaType
            case .json: return media == mediaType || (media.hasPrefix("application/") && media.hasSuffix("+json"))
            }
        }
    }

    public let path: [String: String]
    public let query: FormFields
    public let form: FormFields
    /// The members of a JSON body, by name; empty for any other body.
    public let json: [String: JSONValue]
    /// The request's headers by their lower-case names, each with its first value.
    public let headers: [String: String]
    public let codes: ErrorCodes

    public init(
        path: [String: String],
        query: FormFields,
        form: FormFields,
        json: [String: JSONValue] = [:],
        headers: [String: String] = [:],
        codes: ErrorCodes
    ) {
        self.path = path
        self.query = query
        self.form = form
        self.json = json
        self.headers = headers
        self.codes = codes
    }

    /// The raw text of a parameter, or nil when it was not sent. A JSON member's text is its
    /// string, or its number or boolean as JSON writes it; `null` is as if it were not sent.
    public func text(_ name: String, in location: Location) -> String? {
        switch location {
        case .path: path[name]
        case .query: query[name]
        case .form: form[name]
        case .header: headers[name.lowercased()]
        case .json: json[name].flatMap(Self.scalarText)
        }
    }

    /// The text of a parameter that holds one value. A JSON member must be of `kind` (or `null`,
    /// which is as if it were not sent): an array, an object or another kind of value is refused.
    func scalar(_ name: String, in location: Location, errorCode: Int?, kind: JSONKind) throws(APIError) -> String? {
        if location == .json, let value = json[name] {
            if let compound = Self.compoundKind(value) {
                throw invalid("\(name) must be one value, not \(compound)", errorCode: errorCode)
            }
            guard kind.admits(value) else {
                throw invalid("\(name) must be \(kind.noun) in the JSON body", errorCode: errorCode)
            }
        }
        return text(name, in: location)
    }

    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .integer(let number): String(number)
        // A whole number reads as one, as JSON Schema counts `1.0` an integer.
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// `an array` or `an object`, for a message; nil for a single value.
    static func compoundKind(_ value: JSONValue) -> String? {
        switch value {
        case .array: "an array"
        case .object: "an object"
        default: nil
        }
    }

    /// A 400 with `message`, which names the parameter, and the parameter's own code or the
    /// API's code for invalid parameters.
    public func invalid(_ message: String, errorCode: Int? = nil) -> APIError {
        codes.completing(APIError(status: .badRequest, code: errorCode ?? codes.invalidParameter, message: message))
    }

    func required<Value>(_ value: Value?, _ name: String, in location: Location, errorCode: Int?) throws(APIError)
        -> Value
    {
        guard let value else {
            throw invalid("Required parameter \(name) is missing from the \(location.noun)", errorCode: errorCode)
        }
        return value
    }

    // MARK: Strings

    public func optionalString(
        _ name: String,
        in location: Location,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        pattern: String? = nil,
        errorCode: Int? = nil
    ) throws(APIError) -> String? {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .string) else { return nil }
        // Unicode code points, as JSON Schema's minLength and maxLength count them (and the
        // OpenAPI description says): not characters, of which "กำ" or a letter with a combining
        // accent is one.
        let length = text.unicodeScalars.count
        if let minLength, length < minLength {
            throw invalid("\(name) must be at least \(minLength) characters long", errorCode: errorCode)
        }
        if let maxLength, length > maxLength {
            throw invalid("\(name) must be at most \(maxLength) characters long", errorCode: errorCode)
        }
        if let pattern, !PatternCache.matches(text, pattern) {
            throw invalid("\(name) '\(text)' is not valid: it must match \(pattern)", errorCode: errorCode)
        }
        return text
    }

    public func string(
        _ name: String,
        in location: Location,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        pattern: String? = nil,
        errorCode: Int? = nil
    ) throws(APIError) -> String {
        try required(
            optionalString(
                name,
                in: location,
                minLength: minLength,
                maxLength: maxLength,
                pattern: pattern,
                errorCode: errorCode
            ),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    // MARK: Integers

    public func optionalInt(
        _ name: String,
        in location: Location,
        minimum: Int? = nil,
        maximum: Int? = nil,
        errorCode: Int? = nil
    ) throws(APIError) -> Int? {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .number) else { return nil }
        guard let value = Int(text) else {
            throw invalid("\(name) must be a whole number, not '\(text)'", errorCode: errorCode)
        }
        if let minimum, let maximum, !(minimum...maximum).contains(value) {
            throw invalid("\(name) must be from \(minimum) to \(maximum), not \(value)", errorCode: errorCode)
        }
        if let minimum, value < minimum {
            throw invalid("\(name) must be at least \(minimum), not \(value)", errorCode: errorCode)
        }
        if let maximum, value > maximum {
            throw invalid("\(name) must be at most \(maximum), not \(value)", errorCode: errorCode)
        }
        return value
    }

    public func int(
        _ name: String,
        in location: Location,
        minimum: Int? = nil,
        maximum: Int? = nil,
        errorCode: Int? = nil
    ) throws(APIError) -> Int {
        try required(
            optionalInt(name, in: location, minimum: minimum, maximum: maximum, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    // MARK: Booleans

    /// `true` or `false`, in any case.
    public func optionalBool(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError) -> Bool? {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .boolean) else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw invalid("\(name) must be true or false, not '\(text)'", errorCode: errorCode)
        }
    }

    public func bool(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError) -> Bool {
        try required(optionalBool(name, in: location, errorCode: errorCode), name, in: location, errorCode: errorCode)
    }

    // MARK: SIDs, enums, dates

    /// A SID of kind `Sid`: its prefix and 32 hexadecimal digits.
    public func optionalSid<Sid: TwilioSid>(
        _ name: String,
        in location: Location,
        as type: Sid.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> Sid? {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .string) else { return nil }
        guard let sid = Sid(validating: text) else {
            throw invalid(
                "\(name) '\(text)' is not valid: it must be \(Sid.prefix) followed by 32 hexadecimal digits",
                errorCode: errorCode
            )
        }
        return sid
    }

    public func sid<Sid: TwilioSid>(
        _ name: String,
        in location: Location,
        as type: Sid.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> Sid {
        try required(
            optionalSid(name, in: location, as: type, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    /// One of the enum's known values; generated enums would accept any, so this checks.
    public func optionalEnum<Value: CaseIterable & RawRepresentable>(
        _ name: String,
        in location: Location,
        as type: Value.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> Value? where Value.RawValue == String {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .string) else { return nil }
        guard let value = Value.allCases.first(where: { $0.rawValue == text }) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw invalid("\(name) '\(text)' is not one of \(allowed)", errorCode: errorCode)
        }
        return value
    }

    public func requiredEnum<Value: CaseIterable & RawRepresentable>(
        _ name: String,
        in location: Location,
        as type: Value.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> Value where Value.RawValue == String {
        try required(
            optionalEnum(name, in: location, as: type, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    /// An RFC 2822 date.
    public func optionalDate(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError) -> Date? {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .string) else { return nil }
        guard let date = RFC2822Date.date(from: text) else {
            throw invalid("\(name) '\(text)' is not an RFC 2822 date", errorCode: errorCode)
        }
        return date
    }

    public func date(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError) -> Date {
        try required(optionalDate(name, in: location, errorCode: errorCode), name, in: location, errorCode: errorCode)
    }
}

/// Compiled patterns, so each is compiled once per process rather than once per request.
enum PatternCache {
    private static let compiled = Locked<[String: NSRegularExpression]>([:])

    /// Whether `pattern` matches all of `text`: it is anchored at both ends, so that an
    /// alternation (`a|ab`) is tried for the whole value, not only for its first match. gen
    /// checks a spec's defaults the same way.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        let expression: NSRegularExpression? = compiled.withLock { compiled in
            if let cached = compiled[pattern] { return cached }
            let expression = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z")
            compiled[pattern] = expression
            return expression
        }
        guard let expression else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }
}

/// The kind of JSON value a reader takes from a JSON body: a day, a date or a SID is a string.
public enum JSONKind: Sendable {
    case string, number, boolean

    /// Whether `value` is of this kind; `null` is of every kind, as a value not sent.
    func admits(_ value: JSONValue) -> Bool {
        switch (self, value) {
        case (_, .null), (.string, .string), (.number, .integer), (.number, .number), (.boolean, .bool): true
        default: false
        }
    }

    var noun: String {
        switch self {
        case .string: "a string"
        case .number: "a number"
        case .boolean: "true or false"
        }
    }

    var plural: String {
        switch self {
        case .string: "strings"
        case .number: "numbers"
        case .boolean: "booleans"
        }
    }
}
