import Foundation
import GenClientRuntime
import GenServerRuntime
import Hummingbird
import Logging
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

/// A server that answers list pages with next-page URIs that try to send the client, and its
/// credentials, somewhere else: no URI makes the client or the CLI send a request to another
/// listener, and the error names the URI.
@Suite struct HostileServerTests {
    typealias Harness = LocalServerHarness

    /// Hostile next-page URIs, each made from the port of a second listener on 127.0.0.1.
    static let hostileURIs: [@Sendable (Int) -> String] = [
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

    @Test(arguments: hostileURIs.indices)
    func theClientFollowsNoNextPageURIToAnotherListener(_ index: Int) async throws {
        try await Self.withHostileServer(next: Self.hostileURIs[index]) { baseURL, thief, uri in
            let client = Harness.client(baseURL)
            var error: ClientError?
            do {
                _ = try await client.sipDomains.list(pageSize: 1).collect()
            } catch let caught as ClientError {
                error = caught
            } catch {
                Issue.record("not a ClientError: \(error)")
            }
            guard case .rejectedURI(let rejected, _) = error else {
                Issue.record("expected a rejected URI, got \(String(describing: error))")
                return
            }
            #expect(rejected == uri)
            #expect(error?.description.contains(uri.debugDescription) == true)
            #expect(thief.requests.isEmpty, "\(thief.requests)")
        }
    }

    @Test(arguments: hostileURIs.indices)
    func theCLIFollowsNoNextPageURIToAnotherListener(_ index: Int) async throws {
        try await Self.withHostileServer(next: Self.hostileURIs[index]) { baseURL, thief, uri in
            let run = try await CLITests.run(
                ["sip-domains", "list", "--limit", "5", "--page-size", "1", "-o", "tsv", "--properties", "sid"],
                environment: CLITests.environment(baseURL)
            )
            #expect(run.status == 1)
            #expect(run.stdout == "sid\n\(Self.domainSid)\n")
            #expect(
                run.stderr == "error: the URI \(uri.debugDescription) was not followed, and nothing was sent: "
                    + "\(Self.reason(uri, baseURL))\n"
            )
            #expect(thief.requests.isEmpty, "\(thief.requests)")
        }
    }

    /// The reason `BaseURL` gives for `uri`, checked apart from it in `BaseURLTests`.
    static func reason(_ uri: String, _ baseURL: String) -> String {
        do {
            _ = try BaseURL(parsing: baseURL).url(following: uri)
            return "accepted"
        } catch {
            guard case .rejectedURI(_, let reason) = error else { return "\(error)" }
            return reason
        }
    }

    @Test(arguments: ["RELATIVE", "SAME-ORIGIN"])
    func aNextPageURIOfTheSameOriginIsFollowed(_ next: String) async throws {
        try await Self.withHostileServer(next: { _ in next }) { baseURL, thief, _ in
            let domains = try await Harness.client(baseURL).sipDomains.list(limit: 3, pageSize: 1).collect()
            #expect(domains.count == 3)
            #expect(thief.requests.isEmpty)
        }
    }

    /// AsyncHTTPClient follows a redirect to another origin without the `Authorization` header.
    @Test func aRedirectToAnotherOriginCarriesNoCredentials() async throws {
        try await Self.withHostileServer(next: { "http://127.0.0.1:\($0)/redirected" }) { baseURL, thief, _ in
            _ = try? await Harness.client(baseURL).sipDomains.fetch(sid: SipDomainSid(Self.domainSid))
            #expect(thief.requests.count == 1)
            #expect(thief.requests.first?.path == "/redirected")
            #expect(thief.requests.first?.authorization == nil)
        }
    }

    // MARK: The servers

    static let domainSid = "SD0123456789abcdef0123456789abcdef"

    /// What the second listener received.
    struct Received: Sendable, CustomStringConvertible {
        var path: String
        var authorization: String?

        var description: String { "\(path) (Authorization: \(authorization ?? "none"))" }
    }

    final class Thief: Sendable {
        let received = Locked<[Received]>([])
        var requests: [Received] { received.withLock { $0 } }
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
            thief.received.withLock {
                $0.append(Received(path: request.uri.path, authorization: request.headers[.authorization]))
            }
            return HostileServerTests.json(HostileServerTests.page(sid: nil, next: "null"))
        }
    }

    /// Answers list pages of one domain whose `next_page_uri` is `next(thief's port)` (or, for
    /// `RELATIVE` and `SAME-ORIGIN`, the next page's path or absolute URL on its own origin), and
    /// redirects every other request to `next(thief's port)`.
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
                return HostileServerTests.json(HostileServerTests.page(sid: HostileServerTests.domainSid, next: next))
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

    /// Runs `body` with the hostile server's base URL, the second listener and the hostile URI.
    static func withHostileServer(
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
                    logger: Harness.quiet
                )
            },
            body
        )
    }
}
