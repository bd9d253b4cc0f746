/// What a `DecodingError` found and where, for a message a person reads.
extension DecodingError {
    /// Such as `at rules[0]: the member name is missing`; without `at` for the top level.
    public var summary: String {
        func place(_ path: [any CodingKey]) -> String {
            let place = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return place.isEmpty ? "" : "at \(place.hasPrefix(".") ? String(place.dropFirst()) : place): "
        }
        switch self {
        case .keyNotFound(let key, let context):
            return place(context.codingPath) + "the member \(key.stringValue) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return place(context.codingPath) + context.debugDescription
        @unknown default:
            return "\(self)"
        }
    }
}
