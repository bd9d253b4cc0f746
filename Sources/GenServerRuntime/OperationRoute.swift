import Hummingbird

/// The method and path template of one operation, such as `POST /Accounts/{AccountSid}/SIP/Domains.json`.
///
/// Generated routing lists every operation's route, so that ``TwilioErrorMiddleware`` can tell a
/// path that exists, asked with a method it does not have (405, with an `Allow` header), from a
/// path that does not (404).
public struct OperationRoute: Sendable, Equatable {
    public let method: HTTPRequest.Method
    public let path: String
    /// The template's segments; each is literal text, or one `{Name}` placeholder with literal
    /// text around it (`{Sid}.json`).
    private let segments: [Segment]

    private struct Segment: Sendable, Equatable {
        var prefix: Substring
        /// Whether a placeholder follows `prefix`; then `suffix` ends the segment.
        var isPlaceholder: Bool
        var suffix: Substring

        /// As Hummingbird's trie ranks its nodes: literal text, then a placeholder with text
        /// around it (`{Sid}.json`), then a bare one.
        var specificity: Int {
            guard isPlaceholder else { return 2 }
            return prefix.isEmpty && suffix.isEmpty ? 0 : 1
        }
    }

    public init(_ method: HTTPRequest.Method, _ path: String) {
        self.method = method
        self.path = path
        segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            guard let open = segment.firstIndex(of: "{"), let close = segment[open...].firstIndex(of: "}") else {
                return Segment(prefix: segment, isPlaceholder: false, suffix: "")
            }
            return Segment(
                prefix: segment[..<open],
                isPlaceholder: true,
                suffix: segment[segment.index(after: close)...]
            )
        }
    }

    /// Whether `path`, a request's path, fits the template: the same number of segments, each
    /// literal one equal, each placeholder standing for at least one character.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == segments.count && Self.fits(segments[...], parts)
    }

    /// The methods `Allow` lists for `path`: those of the routes Hummingbird's router resolves
    /// the path to, in the order of `routes`.
    ///
    /// The router resolves a path to one node of its trie and only then looks at the method, so
    /// where templates overlap (`/classes/{in}/{self}` and `/classes/{where}/replacement`) only
    /// the most specific one counts: at the first segment where they differ, literal text wins
    /// over a placeholder with text around it, which wins over a bare placeholder. A path whose
    /// most specific fit is only the beginning of a longer template resolves to no route, and
    /// has no methods.
    static func allowedMethods(for path: String, in routes: [OperationRoute]) -> [HTTPRequest.Method] {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        var resolved: ArraySlice<Segment>?
        for route in routes where route.segments.count >= parts.count {
            let node = route.segments.prefix(parts.count)
            guard Self.fits(node, parts) else { continue }
            if let best = resolved, !Self.isMoreSpecific(node, than: best) { continue }
            resolved = node
        }
        guard let resolved else { return [] }
        var methods: [HTTPRequest.Method] = []
        for route in routes
        where route.segments.count == parts.count && route.segments[...] == resolved && !methods.contains(route.method)
        {
            methods.append(route.method)
        }
        return methods
    }

    private static func fits(_ segments: ArraySlice<Segment>, _ parts: [Substring]) -> Bool {
        zip(segments, parts).allSatisfy { segment, part in
            guard segment.isPlaceholder else { return part == segment.prefix }
            return part.count > segment.prefix.count + segment.suffix.count && part.hasPrefix(segment.prefix)
                && part.hasSuffix(segment.suffix)
        }
    }

    /// Whether the router tries `node` before `other`: by the first segment whose specificity
    /// differs.
    private static func isMoreSpecific(_ node: ArraySlice<Segment>, than other: ArraySlice<Segment>) -> Bool {
        for (segment, otherSegment) in zip(node, other) where segment.specificity != otherSegment.specificity {
            return segment.specificity > otherSegment.specificity
        }
        return false
    }
}
