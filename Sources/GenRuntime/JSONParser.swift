/// Reads JSON text (RFC 8259) into a ``JSONValue`` in one pass, in time linear in its size and
/// with a bound on how deeply arrays and objects nest: text from a request, which anyone may
/// send, costs a server no more than its length.
///
/// Numbers read as ``JSONValue/integer(_:)`` when they have no fraction and no exponent and fit
/// in an `Int`, otherwise as ``JSONValue/number(_:)``; a number too large for a `Double` is an
/// error, as are lone surrogates in `\u` escapes and bytes that are not UTF-8. Of a key given
/// twice in one object, the last value counts.
public struct JSONParser: ~Copyable {
    /// Why text is not JSON, or nests too deeply, with the byte where it was found.
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Reason: Equatable, Sendable {
            /// Not JSON: `expected` says what the byte at `offset` should have begun.
            case syntax(expected: String)
            /// Arrays and objects nest deeper than the parser's `maximumDepth`.
            case tooDeep(maximumDepth: Int)
        }

        public let reason: Reason
        /// The offset of the byte where the text stopped being readable, from 0.
        public let offset: Int

        public var description: String {
            switch reason {
            case .syntax(let expected): "expected \(expected) at byte \(offset)"
            case .tooDeep(let maximumDepth):
                "arrays and objects nest deeper than \(maximumDepth) levels at byte \(offset)"
            }
        }
    }

    /// The depth a server allows its requests' JSON: an object in an object is depth 2.
    public static let requestDepthLimit = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private let maximumDepth: Int
    private var index = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    /// The value of `text`, which holds one JSON value with whitespace around it.
    public static func parse(
        _ text: some Collection<UInt8>,
        maximumDepth: Int = requestDepthLimit
    ) throws(Failure) -> JSONValue {
        let result: Result<JSONValue, Failure> =
            text.withContiguousStorageIfAvailable { parse(buffer: $0, maximumDepth: maximumDepth) }
            ?? Array(text).withUnsafeBufferPointer { parse(buffer: $0, maximumDepth: maximumDepth) }
        return try result.get()
    }

    /// The value of `text`, which holds one JSON value with whitespace around it.
    public static func parse(_ text: String, maximumDepth: Int = requestDepthLimit) throws(Failure) -> JSONValue {
        var text = text
        let result = text.withUTF8 { parse(buffer: $0, maximumDepth: maximumDepth) }
        return try result.get()
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>, maximumDepth: Int) -> Result<JSONValue, Failure> {
        var parser = JSONParser(buffer, maximumDepth: maximumDepth)
        do throws(Failure) {
            parser.skipWhitespace()
            let value = try parser.value()
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw parser.failure("the end of the text") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    // MARK: Values

    private mutating func value() throws(Failure) -> JSONValue {
        guard let byte = peek() else { throw failure("a value") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("a value")
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw failure("a member's name in quotes") }
            let key = try string()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw failure("':' after a member's name") }
            index += 1
            skipWhitespace()
            members[key] = try value()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(members)
            default: throw failure("',' or '}' in an object")
            }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value())
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(elements)
            default: throw failure("',' or ']' in an array")
            }
        }
    }

    /// One more level of nesting, refused past the limit before anything inside it is read.
    private mutating func enter() throws(Failure) {
        depth += 1
        guard depth <= maximumDepth else {
            throw Failure(reason: .tooDeep(maximumDepth: maximumDepth), offset: index)
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        let matches = word.withUTF8Buffer { word in
            index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == word[$0] }
        }
        guard matches else { throw failure("a value") }
        index += count
    }

    // MARK: Numbers

    private mutating func number() throws(Failure) -> JSONValue {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { index += 1 }
        switch peek() ?? 0 {
        case UInt8(ascii: "0"): index += 1
        case UInt8(ascii: "1")...UInt8(ascii: "9"): skipDigits()
        default: throw failure("a digit")
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard skipDigits() > 0 else { throw failure("a digit after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { throw failure("a digit in the exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let integer = Int(text) {
            return .integer(integer)
        }
        guard let number = Double(text), number.isFinite else {
            index = start
            throw failure("a number that fits a Double")
        }
        return .number(number)
    }

    /// Skips decimal digits; how many it skipped.
    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    // MARK: Strings

    /// A string, from its opening quote to its closing one.
    private mutating func string() throws(Failure) -> String {
        index += 1
        let start = index
        // Most strings have no escape: their bytes are the string's.
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
            guard byte >= 0x20 else { throw failure("a character, not a control character, in a string") }
            index += 1
        }
        guard let stop = peek() else { throw failure("'\"' to end the string") }
        if stop == UInt8(ascii: "\"") {
            let text = try utf8(start..<index)
            index += 1
            return text
        }
        var decoded = Array(bytes[start..<index])
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: decoded, as: UTF8.self) else {
                    index = start
                    throw failure("UTF-8 text in a string")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &decoded)
            case ..<0x20:
                throw failure("a character, not a control character, in a string")
            default:
                decoded.append(byte)
                index += 1
            }
        }
        throw failure("'\"' to end the string")
    }

    private func utf8(_ range: Range<Int>) throws(Failure) -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) else {
            throw Failure(reason: .syntax(expected: "UTF-8 text in a string"), offset: range.lowerBound)
        }
        return text
    }

    /// The character of the escape after a backslash, appended as UTF-8.
    private mutating func escape(into decoded: inout [UInt8]) throws(Failure) {
        guard let byte = peek() else { throw failure("an escape after '\\'") }
        index += 1
        let simple: UInt8? =
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            decoded.append(simple)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            index -= 1
            throw failure("one of \" \\ / b f n r t u after '\\'")
        }
        var scalar = try hexQuad()
        if (0xD800..<0xDC00).contains(scalar) {
            guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("the low surrogate of a pair")
            }
            index += 2
            let low = try hexQuad()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("the low surrogate of a pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let character = Unicode.Scalar(scalar) else { throw failure("a Unicode scalar, not a lone surrogate") }
        decoded.append(contentsOf: String(character).utf8)
    }

    private mutating func hexQuad() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = byte.hexDigitValue else { throw failure("four hexadecimal digits") }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: Bytes

    private func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private func failure(_ expected: String) -> Failure {
        Failure(reason: .syntax(expected: expected), offset: index)
    }
}
