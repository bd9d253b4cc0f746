/// The fields of a query string or an `application/x-www-form-urlencoded` body.
///
/// A name sent twice keeps its first value for a parameter of one value, and all of them, in
/// order, for an array. Names the operation does not know are ignored by the generated routing,
/// as Twilio ignores them.
public struct FormFields: Sendable, Equatable {
    private var values: [String: String] = [:]
    /// The names sent more than once, with every value.
    private var repeated: [String: [String]] = [:]

    public init() {}

    /// The most fields a query string or a form body may have: more than any operation takes,
    /// and few enough that reading them costs a few times a plain request at most.
    public static let limit = 1000

    /// Parses `name=value&…`, with `+` as a space and `%XX` escapes; malformed escapes, and more
    /// than `limit` fields, are a 400 (the fields are counted before any is decoded).
    public init(encoded text: String) throws(APIError) {
        var separators = 0
        for byte in text.utf8 where byte == UInt8(ascii: "&") { separators += 1 }
        guard separators < Self.limit else {
            throw APIError(status: .badRequest, code: nil, message: "The request has more than \(Self.limit) fields")
        }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError(
                    status: .badRequest,
                    code: nil,
                    message: "The request has a malformed percent-encoding in '\(pair.prefix(64))'"
                )
            }
            if let first = values[name] {
                repeated[name, default: [first]].append(value)
            } else {
                values[name] = value
            }
        }
    }

    public subscript(name: String) -> String? { values[name] }

    /// Every value sent under `name`, in order; empty when none was.
    public func all(_ name: String) -> [String] {
        repeated[name] ?? values[name].map { [$0] } ?? []
    }

    public var names: [String] { values.keys.sorted() }

    private static func decode(_ text: Substring) -> String? {
        PercentDecoding.decode(text, plusIsSpace: true)
    }
}
