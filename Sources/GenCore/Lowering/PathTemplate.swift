/// A path as the spec writes it, such as `/Accounts/{AccountSid}/Domains/{Sid}.json`, read once
/// into its literal text and its placeholders.
public enum PathTemplate {
    public enum Segment: Equatable, Sendable {
        case literal(String)
        case placeholder(String)

        public var literal: String? {
            if case .literal(let text) = self { text } else { nil }
        }

        public var placeholder: String? {
            if case .placeholder(let name) = self { name } else { nil }
        }
    }

    /// The literal runs and placeholders of `path`, in order; nil when a `{` is not closed.
    public static func segments(of path: String) -> [Segment]? {
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

    /// The collection an instance path is in, and the placeholder naming the instance: `/v1/Services`
    /// and `Sid` for `/v1/Services/{Sid}`, `/Domains.json` and `Sid` for `/Domains/{Sid}.json`; nil
    /// for a path whose last segment is not a placeholder.
    public static func collection(of path: String) -> (path: String, placeholder: String)? {
        guard let segments = segments(of: path), let index = segments.lastIndex(where: { $0.placeholder != nil }),
            let placeholder = segments[index].placeholder, index > 0,
            let before = segments[index - 1].literal, before.hasSuffix("/")
        else { return nil }
        let after = index + 1 < segments.count ? segments[index + 1].literal ?? "" : ""
        guard !after.contains("/") else { return nil }
        let head = segments[..<(index - 1)].map { $0.literal ?? "{\($0.placeholder!)}" }.joined()
        return (head + before.dropLast() + after, placeholder)
    }
}
