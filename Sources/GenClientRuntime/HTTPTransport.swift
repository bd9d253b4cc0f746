/// Sends requests: the seam between generated clients and the network.
///
/// ``URLSessionTransport`` is the default; `AsyncHTTPClientTransport`, in the product
/// `GenAsyncHTTPClientTransport`, sends on SwiftNIO, as servers do; ``RecordingTransport``
/// records requests and answers them from a script, for tests. A transport throws only for
/// failures to exchange a request (connection, timeout); any HTTP status is a response, and a
/// redirect is a response too: a transport follows none.
public protocol HTTPTransport: Sendable {
    func send(_ request: ClientRequest, timeout: Duration) async throws -> ClientResponse
}
