/// Sends requests: the seam between generated clients and the network.
///
/// ``AsyncHTTPClientTransport`` is the default; ``RecordingTransport`` records requests and
/// answers them from a script, for tests. A transport throws only for failures to exchange a
/// request (connection, timeout); any HTTP status is a response.
public protocol HTTPTransport: Sendable {
    func send(_ request: ClientRequest, timeout: Duration) async throws -> ClientResponse
}
