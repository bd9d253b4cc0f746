import Foundation

/// A transport for tests: it records every request and answers from a script of responses,
/// in order, or throws a scripted error.
public final class RecordingTransport: HTTPTransport, @unchecked Sendable {
    /// What the transport does for one request.
    public enum Reply: Sendable {
        case response(ClientResponse)
        case failure(any Error)
    }

    private let lock = NSLock()
    private var replies: [Reply]
    private var recorded: [ClientRequest] = []
    private var timeouts: [Duration] = []

    /// Answers requests with `replies` in turn; once they run out, with HTTP 500.
    public init(replies: [Reply] = []) {
        self.replies = replies
    }

    public convenience init(responses: [ClientResponse]) {
        self.init(replies: responses.map(Reply.response))
    }

    /// Every request sent so far, in order.
    public var requests: [ClientRequest] { lock.withLock { recorded } }

    /// The timeout each request was sent with.
    public var requestTimeouts: [Duration] { lock.withLock { timeouts } }

    /// Adds replies to the end of the script.
    public func enqueue(_ more: Reply...) {
        lock.withLock { replies.append(contentsOf: more) }
    }

    public func send(_ request: ClientRequest, timeout: Duration) async throws -> ClientResponse {
        let reply: Reply = lock.withLock {
            recorded.append(request)
            timeouts.append(timeout)
            return replies.isEmpty ? .response(.json(500, #"{"message": "no scripted reply"}"#)) : replies.removeFirst()
        }
        switch reply {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }
}
