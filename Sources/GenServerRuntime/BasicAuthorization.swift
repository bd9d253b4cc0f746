import Foundation

/// The credentials of a request's `Authorization` header, as the API's scheme reads them.
public protocol RequestAuthorization: Sendable {
    /// Parses the header's value; nil for a missing header or one of another scheme.
    init?(header: String?)
}

/// A bearer token, `Authorization: Bearer …`. The token never appears in a description or a mirror.
public struct BearerAuthorization: RequestAuthorization, Equatable, CustomStringConvertible, CustomReflectable {
    public let token: String

    public init(token: String) {
        self.token = token
    }

    /// Parses `Bearer TOKEN` (the scheme in any case); nil for anything else or an empty token.
    public init?(header: String?) {
        guard let header, let space = header.firstIndex(of: " "),
            header[..<space].lowercased() == "bearer"
        else { return nil }
        let token = header[header.index(after: space)...].trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return nil }
        self.token = token
    }

    public var description: String { "BearerAuthorization(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: ["token": "<redacted>"]) }
}

/// The credentials of an HTTP Basic `Authorization` header. The password never appears in a
/// description or a mirror.
public struct BasicAuthorization: RequestAuthorization, Equatable, CustomStringConvertible, CustomReflectable {
    public let username: String
    public let password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// Parses `Basic base64(username:password)`; nil for anything else, and for an empty
    /// username or password, which no API's credentials have (`Basic Og==` is no credentials).
    public init?(header: String?) {
        guard let utf8 = header?.utf8, let space = utf8.firstIndex(of: UInt8(ascii: " ")),
            utf8[..<space].elementsEqual("basic".utf8, by: { $0 | 0x20 == $1 }),
            let bytes = Base64.decode(utf8[utf8.index(after: space)...].trimmingSpaces()),
            let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
            let username = String(validating: bytes[..<colon], as: UTF8.self),
            let password = String(validating: bytes[(colon + 1)...], as: UTF8.self),
            !username.isEmpty, !password.isEmpty
        else { return nil }
        self.username = username
        self.password = password
    }

    public var description: String { "BasicAuthorization(username: \(username), password: <redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
}

/// Standard Base64 with padding, as RFC 7617 sends credentials.
enum Base64 {
    static func decode(_ text: Substring.UTF8View) -> [UInt8]? {
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
    fileprivate func trimmingSpaces() -> Substring.UTF8View {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
