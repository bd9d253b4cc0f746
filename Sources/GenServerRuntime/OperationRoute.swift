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
        guard parts.count == segments.count else { return false }
        return zip(segments, parts).allSatisfy { segment, part in
            guard segment.isPlaceholder else { return part == segment.prefix }
            return part.count > segment.prefix.count + segment.suffix.count && part.hasPrefix(segment.prefix)
                && part.hasSuffix(segment.suffix)
        }
    }

    /// The methods of `routes` whose template fits `path`, in the order `Allow` lists them.
    static func allowedMethods(for path: String, in routes: [OperationRoute]) -> [HTTPRequest.Method] {
        var methods: [HTTPRequest.Method] = []
        for route in routes where route.matches(path) && !methods.contains(route.method) {
            methods.append(route.method)
        }
        return methods
    }
}
