import GenRuntime

/// Named values sent as a query string or an `application/x-www-form-urlencoded` body, in order.
///
/// A `nil` value sends nothing, which is how an optional parameter says "not sent". Generated
/// code writes them as literals: `["DomainName": domainName, "Secure": secure]`.
public struct FormParameters: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public struct Pair: Sendable, Equatable {
        public var name: String
        public var value: String
    }

    public private(set) var pairs: [Pair] = []

    public init() {}

    /// The pairs in the order written; `nil` values are left out.
    public init(dictionaryLiteral elements: (String, (any FormValue)?)...) {
        for (name, value) in elements {
            append(name, value)
        }
    }

    public var isEmpty: Bool { pairs.isEmpty }

    /// Appends a pair for each of the value's texts (an array sends one a element, under the
    /// same name), unless `value` is nil.
    public mutating func append(_ name: String, _ value: (any FormValue)?) {
        guard let value else { return }
        for text in value.formValues { pairs.append(Pair(name: name, value: text)) }
    }

    /// `name=value&…`, encoded as HTML forms are: letters, digits and `*-._` as they are, a space
    /// as `+`, every other byte of the UTF-8 as `%XX`.
    public var encoded: String {
        pairs.map { FormEncoding.encode($0.name) + "=" + FormEncoding.encode($0.value) }.joined(separator: "&")
    }
}

/// Percent-encoding for form values and URL path segments.
public enum FormEncoding {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `application/x-www-form-urlencoded` encoding of one name or value.
    public static func encode(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isAlphanumeric(byte) || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            {
                bytes.append(byte)
            } else if byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One path segment, percent-encoded so that it cannot add segments or a query: only
    /// letters, digits and `-._~` stay as they are.
    public static func pathSegment(_ text: String) -> String {
        // `.` and `..` would be dot segments, which clients and servers resolve away (RFC 3986
        // 5.2.4): a value made only of dots keeps them as escapes.
        let onlyDots = !text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: ".") }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if isAlphanumeric(byte) || byte == UInt8(ascii: "-") || (byte == UInt8(ascii: ".") && !onlyDots)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

/// A value that can be sent as a form or query value.
public protocol FormValue {
    var formValue: String { get }
    /// The texts sent for the value: itself, or each element of an array as a repeated key
    /// (`StatusCallbackEvent=initiated&StatusCallbackEvent=ringing`).
    var formValues: [String] { get }
}

extension FormValue {
    public var formValues: [String] { [formValue] }
}

extension Double: FormValue {
    /// Whole numbers without a fraction, others as Swift prints them, which reads back exactly.
    public var formValue: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : "\(self)"
    }
}

extension CalendarDate: FormValue {
    public var formValue: String { description }
}

/// An array is sent as its elements, each under the parameter's name.
extension Array: FormValue where Element: FormValue {
    public var formValue: String { map(\.formValue).joined(separator: ",") }
    public var formValues: [String] { map(\.formValue) }
}

extension String: FormValue {
    public var formValue: String { self }
}

extension Int: FormValue {
    public var formValue: String { String(self) }
}

/// Free-form JSON goes as its JSON text, as Twilio's form fields that hold JSON expect.
extension JSONValue: FormValue {
    public var formValue: String { String(decoding: jsonBytes, as: UTF8.self) }
}

/// Booleans go as `true` or `false`, as Twilio expects.
extension Bool: FormValue {
    public var formValue: String { self ? "true" : "false" }
}

/// A request path whose interpolated values are each percent-encoded as one path segment:
/// `"/Accounts/\(segment: accountSid)/SIP/Domains.json"`.
public struct URLPath: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var description: String

    public init(stringLiteral value: String) {
        description = value
    }

    public init(stringInterpolation: StringInterpolation) {
        description = stringInterpolation.text
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 34)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        /// Appends `value`'s text, percent-encoded so that it stays one segment.
        public mutating func appendInterpolation(segment value: some CustomStringConvertible) {
            text += FormEncoding.pathSegment(value.description)
        }
    }
}
