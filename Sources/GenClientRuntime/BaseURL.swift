import Foundation

/// Where a client's requests go, parsed and checked once: `http` or `https`, a host, an optional
/// port and path prefix, and nothing else (no user, no query, no fragment).
///
/// Every request URL is built from it, by appending an encoded path and query to its origin
/// and prefix; text from a response never decides the host. A URI that a response names (a
/// list page's `next_page_uri`) is followed only through ``url(following:)``, which accepts a
/// path of this origin and nothing else, so the credentials go nowhere but here.
///
/// Plain `http` is accepted only for loopback hosts (`localhost`, `127.0.0.0/8`, `::1`), where
/// local servers and tests run; anywhere else it would send Basic credentials in the clear, so
/// it is refused unless ``ClientConfiguration/allowsInsecureHTTP`` says otherwise.
public struct BaseURL: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`, in lower case.
    public let scheme: String
    /// The host in lower case; an IPv6 address in brackets, `[::1]`.
    public let host: String
    /// The port, when the URL names one.
    public let port: Int?
    /// The path every request path is appended to: empty, or `/`-led without a trailing `/`.
    public let pathPrefix: String

    /// Parses and checks `text`, such as `https://api.twilio.com`.
    ///
    /// - Throws: ``ClientError/invalidBaseURL(_:reason:)`` saying what is wrong.
    public init(parsing text: String, allowsInsecureHTTP: Bool = false) throws(ClientError) {
        func invalid(_ reason: String) -> ClientError { .invalidBaseURL(text, reason: reason) }
        if let problem = Self.unsafeCharacter(in: text) { throw invalid(problem) }
        guard let components = URLComponents(string: text) else { throw invalid("it is not a URL") }
        guard let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw invalid("the scheme must be http or https")
        }
        guard let rawHost = components.percentEncodedHost, !rawHost.isEmpty, !rawHost.contains("%") else {
            throw invalid("it names no host")
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw invalid("it must not carry a user or password: credentials go in the Authorization header")
        }
        guard components.percentEncodedQuery == nil else { throw invalid("it must not have a query") }
        guard components.percentEncodedFragment == nil else { throw invalid("it must not have a fragment") }
        var prefix = components.percentEncodedPath
        while prefix.hasSuffix("/") { prefix.removeLast() }

        self.scheme = scheme
        self.host = Self.bracketed(rawHost.lowercased())
        self.port = components.port
        self.pathPrefix = prefix
        if scheme == "http", !allowsInsecureHTTP, !isLoopback {
            throw invalid(
                "plain http to a host other than this machine would send the credentials in the clear; "
                    + "use https, or set ClientConfiguration.allowsInsecureHTTP"
            )
        }
    }

    /// `scheme://host[:port]`.
    public var origin: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    public var description: String { origin + pathPrefix }

    /// Whether the host is this machine: `localhost`, an address in `127.0.0.0/8`, or `[::1]`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The URL of `path`, an encoded path (and query) that the client itself built.
    func url(path: String) -> String {
        origin + pathPrefix + path
    }

    /// The URL of a URI that a response named, such as a list page's `next_page_uri`, when it
    /// is a path of this origin: a relative path that starts with a single `/`, or an absolute
    /// URL with the same scheme, host and port and no user.
    ///
    /// - Throws: ``ClientError/rejectedURI(_:reason:)``, before anything is sent.
    public func url(following uri: String) throws(ClientError) -> String {
        func rejected(_ reason: String) -> ClientError { .rejectedURI(uri, reason: reason) }
        if let problem = Self.unsafeCharacter(in: uri) { throw rejected(problem) }
        if uri.hasPrefix("//") { throw rejected("it names another host (a scheme-relative URL)") }
        if uri.hasPrefix("/") { return url(path: uri) }

        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased() else {
            throw rejected("it is neither a path that starts with / nor an absolute URL")
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            throw rejected("it carries a user or password")
        }
        guard scheme == self.scheme else { throw rejected("its scheme is not \(self.scheme)") }
        guard let rawHost = components.percentEncodedHost, Self.bracketed(rawHost.lowercased()) == host else {
            throw rejected("its host is not \(host)")
        }
        guard Self.effectivePort(components.port, scheme: scheme) == Self.effectivePort(port, scheme: scheme) else {
            throw rejected("its port is not that of \(origin)")
        }
        let path = components.percentEncodedPath
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { throw rejected("its path does not start with one /") }
        return origin + path + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
    }

    /// Whether `url`, a request URL about to be sent, has this origin: the last check before
    /// credentials leave.
    func isSameOrigin(_ url: String) -> Bool {
        guard Self.unsafeCharacter(in: url) == nil, let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), let rawHost = components.percentEncodedHost,
            components.percentEncodedUser == nil, components.percentEncodedPassword == nil
        else { return false }
        return scheme == self.scheme && Self.bracketed(rawHost.lowercased()) == host
            && Self.effectivePort(components.port, scheme: scheme) == Self.effectivePort(port, scheme: scheme)
    }

    /// What makes `text` unfit for a URL that is sent as it is: control characters (a CR or LF
    /// would start a new header line), spaces, backslashes (which some parsers read as `/`),
    /// and characters outside ASCII, which a URL carries percent-encoded.
    private static func unsafeCharacter(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0..<0x20, 0x7F: return "it contains a control character"
            case 0x20: return "it contains a space"
            case 0x5C: return "it contains a backslash"
            case 0x80...: return "it contains a character outside ASCII that is not percent-encoded"
            default: continue
            }
        }
        return nil
    }

    /// An IPv6 address in brackets, whichever way Foundation gave it.
    private static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    private static func effectivePort(_ port: Int?, scheme: String) -> Int {
        port ?? (scheme == "https" ? 443 : 80)
    }
}
