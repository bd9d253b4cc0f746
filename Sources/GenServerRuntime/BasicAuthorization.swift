import Foundation

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
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8),
            let colon = decoded.firstIndex(of: ":")
        else { return nil }
        username = String(decoded[..<colon])
        password = String(decoded[decoded.index(after: colon)...])
    }

    public var description: String { "BasicAuthorization(username: \(username), password: <redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<redacted>"]) }
}
