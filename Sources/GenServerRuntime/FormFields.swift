/// The fields of a query string or an `application/x-www-form-urlencoded` body.
///
/// A name sent twice keeps its first value. Names the operation does not know are ignored by
/// the generated routing, as Twilio ignores them.
public struct FormFields: Sendable, Equatable {
    private var values: [String: String] = [:]

    public init() {}

    /// Parses `name=value&…`, with `+` as a space and `%XX` escapes; malformed escapes are a 400.
    public init(encoded text: String) throws(APIError) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw APIError(
                    status: .badRequest,
                    code: nil,
                    message: "The request has a malformed percent-encoding in '\(pair.prefix(64))'"
                )
            }
            if values[name] == nil { values[name] = value }
        }
    }

    public subscript(name: String) -> String? { values[name] }

    public var names: [String] { values.keys.sorted() }

    private static func decode(_ text: Substring) -> String? {
        PercentDecoding.decode(text, plusIsSpace: true)
    }
}
