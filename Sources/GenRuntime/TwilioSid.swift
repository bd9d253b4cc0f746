/// A Twilio string identifier (SID): a two-letter prefix naming the kind of entity, then 32
/// hexadecimal digits.
///
/// Each kind of SID is its own type, so an `AccountSid` cannot be passed where a `SipDomainSid` is
/// expected. Decoding accepts any string: a server's answer is never rejected for a malformed SID.
/// Use ``isWellFormed`` or ``init(validating:)`` where input must be checked.
public protocol TwilioSid: Codable, Hashable, Comparable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The two-letter prefix of this kind of SID, such as `AC` for an account.
    static var prefix: String { get }

    /// The SID as sent on the wire.
    var rawValue: String { get }

    /// Wraps a string without checking it.
    init(_ rawValue: String)
}

extension TwilioSid {
    /// Wraps `rawValue` only when it is a well-formed SID of this kind.
    public init?(validating rawValue: String) {
        guard Self.isWellFormed(rawValue) else { return nil }
        self.init(rawValue)
    }

    /// Whether `rawValue` is the prefix followed by exactly 32 hexadecimal digits.
    public static func isWellFormed(_ rawValue: String) -> Bool {
        // Byte by byte: a SID is ASCII, so nothing here needs `String`'s Unicode comparison.
        let utf8 = rawValue.utf8
        guard utf8.count == 34, utf8.starts(with: prefix.utf8) else { return false }
        return utf8.dropFirst(2).allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
        }
    }

    /// Whether this SID is the prefix followed by exactly 32 hexadecimal digits.
    public var isWellFormed: Bool { Self.isWellFormed(rawValue) }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
