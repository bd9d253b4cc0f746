import Foundation

/// A value that writes itself as JSON, fast: generated models do, field by field in the API's
/// own order, so a server answers without a `JSONEncoder`, which costs several times as much.
public protocol JSONWritable {
    func writeJSON(to writer: inout JSONWriter)
}

extension JSONWritable {
    /// The value as JSON bytes.
    public var jsonBytes: [UInt8] {
        var writer = JSONWriter()
        writeJSON(to: &writer)
        return writer.bytes
    }
}

/// Writes compact JSON into bytes. Generated code calls `beginObject()`, `field(_:_:)` for each
/// member (a `nil` writes `null`, as the models' `Codable` encoding does, or nothing at all when
/// the writer omits nil members, as a request's body does) and `endObject()`.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Whether the next member needs a comma before it: false only right after an opening brace.
    @usableFromInline var needsComma = false
    /// Whether a member whose value is nil is left out, rather than written as `null`.
    public let omitsNilMembers: Bool

    public init(capacity: Int = 4096, omitsNilMembers: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.omitsNilMembers = omitsNilMembers
    }

    public mutating func beginObject() {
        bytes.append(.openBrace)
        needsComma = false
    }

    public mutating func endObject() {
        bytes.append(.closeBrace)
        needsComma = true
    }

    /// Writes a member's key, unless its value is nil and nil members are left out: whether it did.
    @usableFromInline mutating func key(_ name: StaticString, hasValue: Bool) -> Bool {
        guard hasValue || !omitsNilMembers else { return false }
        key(name)
        return true
    }

    /// Writes `,"name":`, or `"name":` first in an object. Pieces of a few bytes are appended
    /// through an `OutputSpan`, which checks the array's storage once for all of them rather
    /// than once a byte: the difference is most of the cost of writing them.
    private mutating func key(_ name: StaticString) {
        let comma = needsComma
        needsComma = true
        bytes.append(addingCapacity: name.utf8CodeUnitCount + 4) { text in
            if comma { text.append(.comma) }
            text.append(.quote)
            name.withUTF8Buffer { for byte in $0 { text.append(byte) } }
            text.append(.quote)
            text.append(.colon)
        }
    }

    @usableFromInline mutating func null() {
        literal("null")
    }

    private mutating func literal(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    @usableFromInline mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard key(name, hasValue: value != nil) else { return }
        if let value { string(value) } else { null() }
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard key(name, hasValue: value != nil) else { return }
        guard let value else { return null() }
        // At most 20 bytes: a minus and 19 digits.
        bytes.append(addingCapacity: 20) { text in
            if value < 0 { text.append(.minus) }
            // The magnitude as unsigned, which holds even that of `Int.min`.
            let magnitude = value.magnitude
            var divisor: UInt = 1
            while divisor <= magnitude / 10 { divisor *= 10 }
            while divisor > 0 {
                text.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor % 10))
                divisor /= 10
            }
        }
    }

    public mutating func field(_ name: StaticString, _ value: Bool?) {
        guard key(name, hasValue: value != nil) else { return }
        if let value { literal(value ? "true" : "false") } else { null() }
    }

    /// A date as its RFC 2822 text.
    public mutating func field(_ name: StaticString, rfc2822 value: Date?) {
        guard key(name, hasValue: value != nil) else { return }
        guard let value else { return null() }
        bytes.append(addingCapacity: RFC2822Date.maximumLength + 2) { text in
            text.append(.quote)
            RFC2822Date.write(value, to: &text)
            text.append(.quote)
        }
    }

    public mutating func field(_ name: StaticString, _ value: Double?) {
        guard key(name, hasValue: value != nil) else { return }
        guard let value else { return null() }
        number(value)
    }

    /// A date as its ISO 8601 text.
    public mutating func field(_ name: StaticString, iso8601 value: Date?) {
        field(name, value.map(ISO8601Date.string(from:)))
    }

    /// A day as its `YYYY-MM-DD` text.
    public mutating func field(_ name: StaticString, _ value: CalendarDate?) {
        field(name, value?.description)
    }

    // The fields of generic collections are inlinable, so that they are compiled for each model's
    // own types: unspecialized, every element and every dictionary entry would be copied through
    // the runtime's generic metadata, which costs many times the writing itself.

    /// An array of strings, integers, numbers or booleans.
    @inlinable
    public mutating func field(_ name: StaticString, _ values: [some JSONScalar]?) {
        guard key(name, hasValue: values != nil) else { return }
        guard let values else { return null() }
        append(UInt8(ascii: "["))
        for (index, element) in values.enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            value(element.jsonValue)
        }
        append(UInt8(ascii: "]"))
    }

    /// Any JSON value, objects with their keys sorted.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): literal(flag ? "true" : "false")
        case .integer(let number): bytes.append(contentsOf: String(number).utf8)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let elements):
            bytes.append(.openBracket)
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(.comma) }
                self.value(element)
            }
            bytes.append(.closeBracket)
        case .object(let members):
            bytes.append(.openBrace)
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, member) in sorted.enumerated() {
                if index > 0 { bytes.append(.comma) }
                string(member.key)
                bytes.append(.colon)
                self.value(member.value)
            }
            bytes.append(.closeBrace)
        }
        needsComma = true
    }

    /// A number as JSON writes it: no `nan` or infinity, which JSON has not, so those are `null`.
    private mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 {
            bytes.append(contentsOf: String(Int(value)).utf8)
        } else {
            bytes.append(contentsOf: "\(value)".utf8)
        }
    }

    @inlinable
    public mutating func field(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard key(name, hasValue: value != nil) else { return }
        if let value { value.writeJSON(to: &self) } else { null() }
    }

    /// An object of names to strings, integers, numbers or booleans, keys sorted so the bytes
    /// are always the same.
    @inlinable
    public mutating func field(_ name: StaticString, _ value: [String: some JSONScalar]?) {
        guard key(name, hasValue: value != nil) else { return }
        guard let value else { return null() }
        members(of: value) { writer, element in writer.value(element.jsonValue) }
    }

    /// An object of names to objects or any JSON, keys sorted.
    @inlinable
    public mutating func field(_ name: StaticString, _ value: [String: some JSONWritable]?) {
        guard key(name, hasValue: value != nil) else { return }
        guard let value else { return null() }
        members(of: value) { writer, element in element.writeJSON(to: &writer) }
    }

    @inlinable
    mutating func members<Value>(of map: [String: Value], _ write: (inout JSONWriter, Value) -> Void) {
        append(UInt8(ascii: "{"))
        for (index, entry) in map.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
            if index > 0 { append(UInt8(ascii: ",")) }
            string(entry.key)
            append(UInt8(ascii: ":"))
            write(&self, entry.value)
        }
        append(UInt8(ascii: "}"))
        needsComma = true
    }

    @inlinable
    public mutating func field(_ name: StaticString, _ values: [some JSONWritable]?) {
        guard key(name, hasValue: values != nil) else { return }
        guard let values else { return null() }
        append(UInt8(ascii: "["))
        // By index, so each element writes itself where it is stored: iterating would copy it
        // out, retaining every string it holds and releasing them after.
        for index in values.indices {
            if index > 0 { append(UInt8(ascii: ",")) }
            values[index].writeJSON(to: &self)
        }
        append(UInt8(ascii: "]"))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A string, escaped as JSON requires: quotes, backslashes and control characters. Runs that
    /// need no escape, usually the whole string, are copied at once.
    @usableFromInline mutating func string(_ text: String) {
        bytes.append(.quote)
        // A native string's bytes are read in place; only a bridged one is copied first.
        if text.utf8.withContiguousStorageIfAvailable({ escaped($0) }) == nil {
            var text = text
            text.withUTF8 { escaped($0) }
        }
        bytes.append(.quote)
    }

    /// Appends `utf8`, escaped.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in Self.firstEscapeCandidate(in: utf8)..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == .quote || byte == .backslash else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            bytes.append(.backslash)
            switch byte {
            case .quote, .backslash: bytes.append(byte)
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: "u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    /// Where the first byte that may need an escape is, skipping eight bytes at a time while
    /// none of them is below 0x20, a quote or a backslash; `utf8.count` when there is none.
    private static func firstEscapeCandidate(in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        /// High bit set in each byte of `word` that is zero (exact when no byte is zero).
        func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word & highs
            if control | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C)) != 0 { break }
            index += 8
        }
        return index
    }
}

/// A value an array field holds: a string, an integer, a number or a boolean.
public protocol JSONScalar {
    var jsonValue: JSONValue { get }
}

extension String: JSONScalar {
    public var jsonValue: JSONValue { .string(self) }
}

extension Int: JSONScalar {
    public var jsonValue: JSONValue { .integer(self) }
}

extension Double: JSONScalar {
    public var jsonValue: JSONValue { .number(self) }
}

extension Bool: JSONScalar {
    public var jsonValue: JSONValue { .bool(self) }
}

extension CalendarDate: JSONScalar {
    public var jsonValue: JSONValue { .string(description) }
}

extension UInt8 {
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
    fileprivate static let openBracket = UInt8(ascii: "[")
    fileprivate static let closeBracket = UInt8(ascii: "]")
    fileprivate static let quote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let comma = UInt8(ascii: ",")
    fileprivate static let colon = UInt8(ascii: ":")
    fileprivate static let minus = UInt8(ascii: "-")
}
