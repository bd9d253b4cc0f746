import Foundation
import GenRuntime

/// Readers of numbers, ISO 8601 dates, days and arrays.
extension OperationRequest {
    /// Every value sent for `name`: path parameters have one, a JSON member is an array.
    public func texts(_ name: String, in location: Location) -> [String] {
        switch location {
        case .path: path[name].map { [$0] } ?? []
        case .header: headers[name.lowercased()].map { [$0] } ?? []
        case .query: query.all(name)
        case .form: form.all(name)
        case .json:
            switch json[name] {
            case .array(let elements)?: elements.compactMap(Self.scalarText)
            case let value?: Self.scalarText(value).map { [$0] } ?? []
            case nil: []
            }
        }
    }

    /// The texts of an array parameter: in a JSON body, an array of single values.
    private func scalars(
        _ name: String,
        in location: Location,
        errorCode: Int?,
        kind: JSONKind
    ) throws(APIError) -> [String] {
        guard location == .json, let value = json[name] else { return texts(name, in: location) }
        guard case .array(let elements) = value else {
            if case .null = value { return [] }
            throw invalid("\(name) must be an array", errorCode: errorCode)
        }
        for element in elements {
            if let compound = Self.compoundKind(element) ?? (element == .null ? "null" : nil) {
                throw invalid("\(name) must be an array of single values, not of \(compound)", errorCode: errorCode)
            }
            guard kind.admits(element) else {
                throw invalid("\(name) must be an array of \(kind.plural)", errorCode: errorCode)
            }
        }
        return texts(name, in: location)
    }

    // MARK: Objects

    /// A JSON member decoded as `Value`: an object's struct, an array of them, or any JSON. In
    /// a query or a form, the value is JSON text.
    public func optionalDecoded<Value: Decodable>(
        _ name: String,
        in location: Location,
        as type: Value.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> Value? {
        let parsed: JSONValue
        if location == .json {
            guard let value = json[name], value != .null else { return nil }
            parsed = value
        } else {
            guard let text = text(name, in: location) else { return nil }
            // Read by the bounded parser, so that no text costs more than its length.
            do {
                parsed = try JSONParser.parse(text)
            } catch {
                throw invalid("\(name) is not valid JSON: \(error)", errorCode: errorCode)
            }
        }
        // JSON of any shape is the value already read: no decoder, no enum to check.
        if let value = Self.untyped(parsed, as: Value.self) { return value }
        let data = Data(parsed.jsonBytes)
        let value: Value
        do {
            value = try JSONDecoder().decode(Value.self, from: data)
        } catch let error as DecodingError {
            throw invalid("\(name) is not valid: \(error.summary)", errorCode: errorCode)
        } catch {
            throw invalid("\(name) is not valid", errorCode: errorCode)
        }
        // Generated enums take any value, as a client must; a request may send only known ones.
        if let unknown = KnownValues.firstUnknown(in: value) {
            throw invalid(
                "\(name) is not valid: '\(unknown.value)' is not one of \(unknown.allowed)",
                errorCode: errorCode
            )
        }
        return value
    }

    /// `value` as `Value` when `Value` is JSON of any shape (`JSONValue`, or an array or a map
    /// of them) and `value` has that shape; nil otherwise, for the decoder to read or refuse.
    private static func untyped<Value>(_ value: JSONValue, as type: Value.Type) -> Value? {
        switch value {
        case _ where Value.self == JSONValue.self: value as? Value
        case .array(let elements) where Value.self == [JSONValue].self: elements as? Value
        case .object(let members) where Value.self == [String: JSONValue].self: members as? Value
        default: nil
        }
    }

    public func decoded<Value: Decodable>(
        _ name: String,
        in location: Location,
        as type: Value.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> Value {
        try required(
            optionalDecoded(name, in: location, as: type, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    // MARK: Numbers

    /// A finite decimal number, such as `-0.25` or `3e2`, within the bounds given.
    public func optionalDouble(
        _ name: String,
        in location: Location,
        minimum: Double? = nil,
        maximum: Double? = nil,
        errorCode: Int? = nil
    ) throws(APIError) -> Double? {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .number) else { return nil }
        let value = try Self.parse(text, as: Double.self, name: name, errorCode: errorCode, invalid: invalid)
        if let minimum, value < minimum {
            throw invalid("\(name) must be at least \(Self.number(minimum)), not \(text)", errorCode: errorCode)
        }
        if let maximum, value > maximum {
            throw invalid("\(name) must be at most \(Self.number(maximum)), not \(text)", errorCode: errorCode)
        }
        return value
    }

    public func double(
        _ name: String,
        in location: Location,
        minimum: Double? = nil,
        maximum: Double? = nil,
        errorCode: Int? = nil
    ) throws(APIError) -> Double {
        try required(
            optionalDouble(name, in: location, minimum: minimum, maximum: maximum, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    /// A bound as a person writes it: `1`, not `1.0`.
    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: Dates

    /// An ISO 8601 date and time, such as `2024-05-01T12:30:00Z`.
    public func optionalDateTime(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError)
        -> Date?
    {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .string) else { return nil }
        guard let date = ISO8601Date.date(from: text) else {
            throw invalid(
                "\(name) '\(text)' is not an ISO 8601 date and time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                errorCode: errorCode
            )
        }
        return date
    }

    public func dateTime(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError) -> Date {
        try required(
            optionalDateTime(name, in: location, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    /// A day, `YYYY-MM-DD`.
    public func optionalCalendarDate(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError)
        -> CalendarDate?
    {
        guard let text = try scalar(name, in: location, errorCode: errorCode, kind: .string) else { return nil }
        return try Self.parse(text, as: CalendarDate.self, name: name, errorCode: errorCode, invalid: invalid)
    }

    public func calendarDate(_ name: String, in location: Location, errorCode: Int? = nil) throws(APIError)
        -> CalendarDate
    {
        try required(
            optionalCalendarDate(name, in: location, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    // MARK: Arrays

    /// Every value sent under `name` (`Event=a&Event=b`), each read as `Element`; nil when
    /// none was sent.
    public func optionalArray<Element: ParameterValue>(
        _ name: String,
        in location: Location,
        of element: Element.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> [Element]? {
        try values(name, in: location, errorCode: errorCode, kind: Element.jsonKind, expected: Element.expected) {
            Element(parameter: $0)
        }
    }

    public func array<Element: ParameterValue>(
        _ name: String,
        in location: Location,
        of element: Element.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> [Element] {
        try required(
            optionalArray(name, in: location, of: element, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    /// Every value sent under `name`, each a SID of kind `Sid`.
    public func optionalArray<Sid: TwilioSid>(
        _ name: String,
        in location: Location,
        of element: Sid.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> [Sid]? {
        try values(name, in: location, errorCode: errorCode, expected: Sid.expected) { Sid(validating: $0) }
    }

    public func array<Sid: TwilioSid>(
        _ name: String,
        in location: Location,
        of element: Sid.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> [Sid] {
        try required(
            optionalArray(name, in: location, of: element, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    /// Every value sent under `name`, each one of the enum's known values.
    public func optionalArray<Value: CaseIterable & RawRepresentable>(
        _ name: String,
        in location: Location,
        of element: Value.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> [Value]? where Value.RawValue == String {
        let allowed = "one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")
        return try values(name, in: location, errorCode: errorCode, expected: allowed) { text in
            Value.allCases.first { $0.rawValue == text }
        }
    }

    public func array<Value: CaseIterable & RawRepresentable>(
        _ name: String,
        in location: Location,
        of element: Value.Type,
        errorCode: Int? = nil
    ) throws(APIError) -> [Value] where Value.RawValue == String {
        try required(
            optionalArray(name, in: location, of: element, errorCode: errorCode),
            name,
            in: location,
            errorCode: errorCode
        )
    }

    private func values<Element>(
        _ name: String,
        in location: Location,
        errorCode: Int?,
        kind: JSONKind = .string,
        expected: String,
        parse: (String) -> Element?
    ) throws(APIError) -> [Element]? {
        let texts = try scalars(name, in: location, errorCode: errorCode, kind: kind)
        guard !texts.isEmpty else { return nil }
        var values: [Element] = []
        values.reserveCapacity(texts.count)
        for text in texts {
            guard let value = parse(text) else {
                throw invalid("\(name) '\(text)' is not valid: it must be \(expected)", errorCode: errorCode)
            }
            values.append(value)
        }
        return values
    }

    static func parse<Value: ParameterValue>(
        _ text: String,
        as type: Value.Type,
        name: String,
        errorCode: Int?,
        invalid: (String, Int?) -> APIError
    ) throws(APIError) -> Value {
        guard let value = Value(parameter: text) else {
            throw invalid("\(name) '\(text)' is not valid: it must be \(Value.expected)", errorCode)
        }
        return value
    }
}

/// A value a request's parameter can hold, read from its text.
public protocol ParameterValue {
    init?(parameter text: String)
    /// What a valid text is, for the message of a 400: `a whole number`.
    static var expected: String { get }
    /// What a JSON body sends it as.
    static var jsonKind: JSONKind { get }
}

extension String: ParameterValue {
    public init?(parameter text: String) { self = text }
    public static var expected: String { "text" }
    public static var jsonKind: JSONKind { .string }
}

extension Int: ParameterValue {
    public init?(parameter text: String) { self.init(text) }
    public static var expected: String { "a whole number" }
    public static var jsonKind: JSONKind { .number }
}

extension Double: ParameterValue {
    /// A finite decimal number: a sign, digits with a fraction or without, and an exponent, each
    /// but the digits optional (`-0.25`, `3e2`, `.5`). Not what `Double(_:)` reads besides:
    /// hexadecimal (`0x10` is 16), `nan` or `inf`.
    public init?(parameter text: String) {
        guard Self.isDecimal(text.utf8), let value = Double(text), value.isFinite else { return nil }
        self = value
    }
    public static var expected: String { "a number" }
    public static var jsonKind: JSONKind { .number }

    static func isDecimal(_ text: String.UTF8View) -> Bool {
        var index = text.startIndex
        func skip(_ accepts: (UInt8) -> Bool) -> Int {
            var count = 0
            while index != text.endIndex, accepts(text[index]) {
                text.formIndex(after: &index)
                count += 1
            }
            return count
        }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let isSign = { (byte: UInt8) in byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
        guard skip(isSign) <= 1 else { return false }
        var digits = skip(isDigit)
        if skip({ $0 == UInt8(ascii: ".") }) == 1 {
            digits += skip(isDigit)
        }
        guard digits > 0 else { return false }
        if skip({ $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) == 1 {
            guard skip(isSign) <= 1, skip(isDigit) > 0 else { return false }
        }
        return index == text.endIndex
    }
}

extension Bool: ParameterValue {
    public init?(parameter text: String) {
        switch text.lowercased() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
    public static var expected: String { "true or false" }
    public static var jsonKind: JSONKind { .boolean }
}

extension CalendarDate: ParameterValue {
    public init?(parameter text: String) { self.init(text) }
    public static var expected: String { "a day as YYYY-MM-DD" }
    public static var jsonKind: JSONKind { .string }
}

extension TwilioSid {
    /// What a SID of this kind is: its prefix and 32 hexadecimal digits.
    static var expected: String { "\(prefix) followed by 32 hexadecimal digits" }
}

/// Finds enum values a generated enum holds without knowing them, anywhere inside a decoded value.
enum KnownValues {
    /// The first unknown value inside `value`, and the values its enum knows.
    static func firstUnknown(in value: Any) -> (value: String, allowed: String)? {
        // What holds no enum, without a walk through it.
        if value is JSONValue || value is String || value is Int || value is Double || value is Bool
            || value is [JSONValue] || value is [String: JSONValue] || value is [String] || value is Date
        {
            return nil
        }
        if let enumeration = value as? any (CaseIterable & RawRepresentable<String>) {
            return unknown(enumeration)
        }
        for child in Mirror(reflecting: value).children {
            if let found = firstUnknown(in: child.value) { return found }
        }
        return nil
    }

    private static func unknown<Value: CaseIterable & RawRepresentable<String>>(
        _ value: Value
    ) -> (value: String, allowed: String)? {
        guard !Value.allCases.contains(where: { $0.rawValue == value.rawValue }) else { return nil }
        return (value.rawValue, Value.allCases.map(\.rawValue).joined(separator: ", "))
    }
}
