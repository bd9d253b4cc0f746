/// A path as the spec writes it, such as `/Accounts/{AccountSid}/Domains/{Sid}.json`, read once
/// into its literal text and its placeholders.
enum PathTemplate {
    enum Segment: Equatable {
        case literal(String)
        case placeholder(String)

        var literal: String? {
            if case .literal(let text) = self { text } else { nil }
        }

        var placeholder: String? {
            if case .placeholder(let name) = self { name } else { nil }
        }
    }

    /// The literal runs and placeholders of `path`, in order; nil when a `{` is not closed.
    static func segments(of path: String) -> [Segment]? {
        var segments: [Segment] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return nil }
            if open > rest.startIndex { segments.append(.literal(String(rest[..<open]))) }
            segments.append(.placeholder(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return segments
    }
}
