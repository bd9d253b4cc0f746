import Foundation
import GenRuntime

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport, on Foundation's `URLSession`: on Apple platforms, and on Linux
/// through FoundationNetworking. It needs no other package.
///
/// Like ``HTTPTransport`` asks, it follows no redirects (an operation that answers 307 means its
/// JSON, not where it points), stores no cookies and caches nothing. A request that takes longer
/// than its timeout, connection included, fails with `URLError.timedOut`; a response larger than
/// ``maximumResponseBytes`` is refused with `URLError.dataLengthExceedsMaximum` rather than held
/// in memory.
public final class URLSessionTransport: HTTPTransport {
    /// Responses larger than this are refused rather than held in memory.
    public static let maximumResponseBytes = 32 * 1024 * 1024

    /// The transport of clients that name none; it lives as long as the process.
    public static let shared = URLSessionTransport()

    private let session: URLSession
    private let exchanges: Exchanges

    /// A transport with a session of its own.
    ///
    /// - Parameter configuration: the session's configuration, such as one with a proxy; by
    ///   default an ephemeral one. Its cookie and cache settings are replaced: a client of an
    ///   API stores neither.
    public init(configuration: URLSessionConfiguration = .ephemeral) {
        // A copy: the caller's configuration stays as it was.
        let configuration = configuration.copy() as? URLSessionConfiguration ?? .ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.urlCredentialStorage = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        exchanges = Exchanges()
        session = URLSession(configuration: configuration, delegate: exchanges, delegateQueue: nil)
    }

    /// On Linux, the body of a 301…308 response without a `Location` header, which
    /// FoundationNetworking does not pass on; `AsyncHTTPClientTransport` reads it.
    public struct UnreadableRedirectBody: Error, CustomStringConvertible {
        public let status: Int

        public var description: String {
            "FoundationNetworking does not pass on the body of an HTTP \(status) without a Location header; "
                + "on Linux, send this operation with AsyncHTTPClientTransport (GenAsyncHTTPClientTransport)"
        }
    }

    deinit {
        // The session holds its delegate until it is invalidated; requests in flight finish.
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: ClientRequest, timeout: Duration) async throws -> ClientResponse {
        guard let url = URL(string: request.url) else { throw URLError(.badURL) }
        var outgoing = URLRequest(url: url)
        outgoing.httpMethod = request.method
        for header in request.headers {
            outgoing.addValue(header.value, forHTTPHeaderField: header.name)
        }
        outgoing.httpBody = request.body
        // The session's own timeout, which FoundationNetworking counts in whole seconds (under
        // one, every request times out at once): whole seconds, at least one; the deadline below
        // is exact.
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        outgoing.timeoutInterval = max(seconds.rounded(.up), 1)

        let task = session.dataTask(with: outgoing)
        let id = task.taskIdentifier
        // The whole exchange, connection included, has `timeout`: the session's own timeout
        // counts only the time between two pieces of the response.
        let deadline = Task { [exchanges] in
            try await Task.sleep(for: timeout)
            exchanges.fail(id, with: URLError(.timedOut))
            task.cancel()
        }
        defer { deadline.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchanges.begin(id, continuation)
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }
}

/// The requests in flight of one session, each collecting its response until it completes.
private final class Exchanges: NSObject, URLSessionDataDelegate, Sendable {
    private struct Exchange {
        var continuation: CheckedContinuation<ClientResponse, any Error>
        var body = Data()
        /// Set when the exchange is ended on the client's side: a deadline, a response too large.
        var failure: (any Error)?
    }

    private let inFlight = Locked<[Int: Exchange]>([:])

    func begin(_ id: Int, _ continuation: CheckedContinuation<ClientResponse, any Error>) {
        inFlight.withLock { $0[id] = Exchange(continuation: continuation) }
    }

    /// Ends the exchange with `error` when the session reports it as completed.
    func fail(_ id: Int, with error: any Error) {
        inFlight.withLock { exchanges in
            if exchanges[id]?.failure == nil { exchanges[id]?.failure = error }
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = inFlight.withLock { exchanges -> Bool in
            let id = dataTask.taskIdentifier
            guard let received = exchanges[id].map({ $0.failure == nil ? $0.body.count : nil }) ?? nil else {
                return false
            }
            guard received + data.count <= URLSessionTransport.maximumResponseBytes else {
                exchanges[id]?.failure = URLError(.dataLengthExceedsMaximum)
                exchanges[id]?.body = Data()
                return true
            }
            // In place: a copy of the body would make a large response quadratic.
            exchanges[id]?.body.append(data)
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    /// A 401 is the response: the client sends its credentials with every request, and has no
    /// others to try.
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        #if canImport(FoundationNetworking)
            // Offered no credential for a 401, FoundationNetworking never completes the task: the
            // exchange ends here, with the 401 and its body (received before the challenge), and
            // the task is cancelled.
            if let response = challenge.failureResponse as? HTTPURLResponse {
                complete(task.taskIdentifier, response: response, error: nil)
                completionHandler(.cancelAuthenticationChallenge, nil)
                return
            }
        #endif
        completionHandler(.performDefaultHandling, nil)
    }

    /// A redirect is not followed: the 3xx itself is the response.
    func urlSession(
        _ session: URLSession,
        task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        complete(task.taskIdentifier, response: task.response, error: error)
    }

    /// Ends the exchange `id` with its response, or with the first error; the first call only.
    private func complete(_ id: Int, response: URLResponse?, error: (any Error)?) {
        guard let exchange = inFlight.withLock({ $0.removeValue(forKey: id) }) else { return }
        if let failure = exchange.failure ?? error {
            exchange.continuation.resume(throwing: failure)
            return
        }
        guard let response = response as? HTTPURLResponse else {
            exchange.continuation.resume(throwing: URLError(.badServerResponse))
            return
        }
        let headers = response.allHeaderFields.compactMap { name, value -> (name: String, value: String)? in
            guard let name = name as? String else { return nil }
            return (name, "\(value)")
        }
        #if canImport(FoundationNetworking)
            // FoundationNetworking keeps the body of a 301…308 for a redirect, and drops it when
            // there is none to follow: an empty body that had bytes is an error, not a response.
            func header(_ name: String) -> String? {
                headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
            }
            if (301...308).contains(response.statusCode), header("Location") == nil, exchange.body.isEmpty,
                header("Transfer-Encoding") != nil || (header("Content-Length").flatMap { Int($0) } ?? 0) > 0
            {
                exchange.continuation.resume(
                    throwing: URLSessionTransport.UnreadableRedirectBody(status: response.statusCode)
                )
                return
            }
        #endif
        exchange.continuation.resume(
            returning: ClientResponse(status: response.statusCode, headers: headers, body: exchange.body)
        )
    }
}
