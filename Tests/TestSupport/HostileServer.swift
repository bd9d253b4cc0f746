import Foundation
import Hummingbird

/// A server that answers SIP Domain list pages with next-page URIs that try to send a client, and
/// its credentials, to a second listener (the thief), which records what reaches it. The client
/// and CLI tests run the generated code against it.
public enum HostileServer {
    /// The one domain of every page.
    public static let domainSid = "SD0123456789abcdef0123456789abcdef"

    /// Hostile next-page URIs, each made from the port of the thief on 127.0.0.1.
    public static let hostileURIs: [@Sendable (Int) -> String] = [
        { "@127.0.0.1:\($0)/steal" },
        { "//127.0.0.1:\($0)/steal" },
        { "https://127.0.0.1:\($0)/steal" },
        { "http://127.0.0.1:\($0)/steal" },
        { "http:127.0.0.1:\($0)/steal" },
        { "http://user@127.0.0.1:\($0)/steal" },
        { "%40127.0.0.1:\($0)/steal" },
        { "/2010-04-01/steal\r\nHost: 127.0.0.1:\($0)" },
        { "/2010-04-01/steal?x=\r\n\r\nGET http://127.0.0.1:\($0)/steal HTTP/1.1" },
        { "\\\\127.0.0.1:\($0)\\steal" },
        { "/\\127.0.0.1:\($0)/steal" },
    ]

    /// What the thief received.
    public struct Received: Sendable, CustomStringConvertible {
        public var path: String
        public var authorization: String?

        public var description: String { "\(path) (Authorization: \(authorization ?? "none"))" }
    }

    public final class Thief: @unchecked Sendable {
        private let lock = NSLock()
        private var received: [Received] = []

        public var requests: [Received] { lock.withLock { received } }

        func record(_ request: Received) {
            lock.withLock { received.append(request) }
        }
    }

    /// Runs `body` with the hostile server's base URL, the thief and the hostile URI, which is
    /// `next(thief's port)`, or for `RELATIVE` and `SAME-ORIGIN` the next page's path or
    /// absolute URL on the server's own origin.
    public static func with(
        next: @escaping @Sendable (Int) -> String,
        _ body: @Sendable (String, Thief, String) async throws -> Void
    ) async throws {
        let thief = Thief()
        let thiefRouter = Router()
        thiefRouter.add(middleware: RecordingMiddleware(thief: thief))
        try await serve(thiefRouter) { thiefPort in
            let uri = next(thiefPort)
            let router = Router()
            router.add(middleware: HostileMiddleware(next: uri))
            try await serve(router) { port in
                try await body("http://127.0.0.1:\(port)", thief, uri)
            }
        }
    }

    /// Answers every request, records it, and serves an empty last page.
    struct RecordingMiddleware: RouterMiddleware {
        typealias Context = BasicRequestContext
        let thief: Thief

        func handle(
            _ request: Request,
            context: Context,
            next: (Request, Context) async throws -> Response
        ) async throws -> Response {
            thief.record(Received(path: request.uri.path, authorization: request.headers[.authorization]))
            return HostileServer.json(HostileServer.page(sid: nil, next: "null"))
        }
    }

    /// Answers list pages of one domain whose `next_page_uri` is `next`, and redirects every
    /// other request to it.
    struct HostileMiddleware: RouterMiddleware {
        typealias Context = BasicRequestContext
        let next: String

        func handle(
            _ request: Request,
            context: Context,
            next: (Request, Context) async throws -> Response
        ) async throws -> Response {
            if request.uri.path.hasSuffix("/Domains.json") {
                let following =
                    "\(request.uri.path)?Page=\((request.uri.queryParameters["Page"].flatMap { Int($0) } ?? 0) + 1)"
                let uri =
                    switch self.next {
                    case "RELATIVE": following
                    case "SAME-ORIGIN": "http://\(request.head.authority ?? "")\(following)"
                    default: self.next
                    }
                let next = String(decoding: try JSONEncoder().encode(uri), as: UTF8.self)
                return HostileServer.json(HostileServer.page(sid: HostileServer.domainSid, next: next))
            }
            return Response(status: .found, headers: [.location: self.next])
        }
    }

    /// A list page in Twilio's envelope, of one domain or none, whose `next_page_uri` is `next`
    /// (JSON text).
    static func page(sid: String?, next: String) -> String {
        let domains = sid.map { #"[{"sid": "\#($0)"}]"# } ?? "[]"
        return #"{"domains": \#(domains), "start": 0, "end": 0, "page": 0, "page_size": 1, "uri": "/u", "#
            + #""first_page_uri": "/f", "previous_page_uri": null, "next_page_uri": \#(next)}"#
    }

    static func json(_ text: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text))
        )
    }

    /// Serves `router` on 127.0.0.1 on a free port for the length of `body`.
    static func serve(
        _ router: Router<BasicRequestContext>,
        _ body: @Sendable (Int) async throws -> Void
    ) async throws {
        try await Serving.serve(
            { onRunning in
                Application(
                    router: router,
                    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                    logger: Serving.quiet
                )
            },
            body
        )
    }
}
