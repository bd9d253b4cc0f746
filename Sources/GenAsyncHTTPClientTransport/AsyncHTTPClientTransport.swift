import AsyncHTTPClient
import Foundation
import GenClientRuntime
import NIOCore
import NIOHTTP1

/// A transport on AsyncHTTPClient and SwiftNIO: for servers and command-line tools that run
/// on SwiftNIO already. Apps use the default, `URLSessionTransport`.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Responses larger than this are refused rather than held in memory.
    public static let maximumResponseBytes = 32 * 1024 * 1024

    private let client: HTTPClient

    /// Uses `client`, or by default a client like AsyncHTTPClient's shared one that does not
    /// follow redirects (an operation that answers 307 means its JSON, not where it points), and
    /// needs no shutdown. A client of your own should not follow them either.
    public init(client: HTTPClient = Self.notFollowingRedirects) {
        self.client = client
    }

    /// Lives as long as the process, like AsyncHTTPClient's shared client.
    public static let notFollowingRedirects = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: configuration(retryingConnections: true)
    )

    /// A transport that fails at once when no connection can be made, rather than retrying the
    /// connection until the request times out: for command-line tools, where a person waits.
    public static let failingFast = AsyncHTTPClientTransport(
        client: HTTPClient(
            eventLoopGroup: HTTPClient.defaultEventLoopGroup,
            configuration: configuration(retryingConnections: false)
        )
    )

    private static func configuration(retryingConnections: Bool) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool.retryConnectionEstablishment = retryingConnections
        return configuration
    }

    public func send(_ request: ClientRequest, timeout: Duration) async throws -> ClientResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(outgoing, timeout: .nanoseconds(timeout.nanoseconds))
        let body = try await response.body.collect(upTo: Self.maximumResponseBytes)
        return ClientResponse(
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Data(body.readableBytesView)
        )
    }
}

extension Duration {
    /// The duration in whole nanoseconds, saturating at `Int64.max` (and `Int64.min`).
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, carry) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        guard !overflow, !carry else { return seconds < 0 ? .min : .max }
        return total
    }
}
