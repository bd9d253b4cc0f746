/// The credentials of an HTTP Basic `Authorization` header. The password never appears in a
/// description or a mirror.
public struct BasicAuthorization: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    public let username: String
    public let password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// Parses `Basic base64(username:password)`; nil for anything else.
    public init?(header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].utf8.elementsEqual("basic".utf8, by: { $0 | 0x20 == $1 }),
            let bytes = Base64.decode(parts[1].utf8.trimmingSpaces()),
            let decoded = String(validating: bytes, as: UTF8.self),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        username = String(decoded[..<colon])
        password = String(decoded[decoded.index(after: colon)...])
    }

    public var description: String { "BasicAuthorization(username: \(username), password: <redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
}

/// Standard Base64 with padding, as RFC 7617 sends credentials.
enum Base64 {
    static func decode(_ text: Substring.UTF8View.SubSequence) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 4 * 3)
        var group: UInt32 = 0
        var count = 0
        var padding = 0
        for character in text {
            let value: UInt32
            if character == UInt8(ascii: "=") {
                padding += 1
                value = 0
            } else {
                guard padding == 0, let digit = digit(character) else { return nil }
                value = UInt32(digit)
            }
            group = group << 6 | value
            count += 1
            if count == 4 {
                bytes.append(UInt8(truncatingIfNeeded: group >> 16))
                bytes.append(UInt8(truncatingIfNeeded: group >> 8))
                bytes.append(UInt8(truncatingIfNeeded: group))
                group = 0
                count = 0
            }
        }
        guard padding <= 2 else { return nil }
        bytes.removeLast(padding)
        return bytes
    }

    private static func digit(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}

extension Substring.UTF8View {
    fileprivate func trimmingSpaces() -> SubSequence {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
