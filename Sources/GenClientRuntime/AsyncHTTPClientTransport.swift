import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The default transport, on AsyncHTTPClient.
public struct AsyncHTTPClientTransport: HTTPTransport {
    /// Responses larger than this are refused rather than held in memory.
    public static let maximumResponseBytes = 32 * 1024 * 1024

    private let client: HTTPClient

    /// Uses `client`, or AsyncHTTPClient's shared client, which needs no shutdown.
    public init(client: HTTPClient = .shared) {
        self.client = client
    }

    /// A transport that fails at once when no connection can be made, rather than retrying the
    /// connection until the request times out: for command-line tools, where a person waits.
    /// Its client lives as long as the process, like the shared one.
    public static let failingFast: AsyncHTTPClientTransport = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        return AsyncHTTPClientTransport(
            client: HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        )
    }()

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
