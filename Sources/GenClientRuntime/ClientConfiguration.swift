import Foundation
import GenRuntime
import Logging

/// How a generated client talks to its API.
public struct ClientConfiguration: Sendable {
    /// Where requests go, such as `https://api.twilio.com`; point it at a local server in tests.
    /// It must be `https`, or `http` to this machine (see ``BaseURL``).
    public var baseURL: String?
    /// Whether a plain `http` base URL may name a host other than this machine, which sends
    /// the credentials unencrypted: only for a trusted network, such as a mock server in CI.
    public var allowsInsecureHTTP: Bool
    /// How long one request may take, connection included.
    public var timeout: Duration
    /// Retries of requests answered with 429 or 503; none unless asked for.
    public var retry: RetryPolicy
    /// Receives one line per request (method, path, status, duration; never credentials).
    public var logger: Logger?
    public var userAgent: String
    /// Waits before a retry; `Task.sleep` unless replaced, as tests of retries do.
    public var sleep: @Sendable (Duration) async throws -> Void

    /// - Parameters:
    ///   - baseURL: nil for the API's own base URL, from its spec.
    ///   - timeout: how long one request may take, connection included.
    ///   - retry: retries of requests answered with 429 or 503; none by default.
    ///   - logger: receives one line per request.
    ///   - userAgent: the `User-Agent` header of every request.
    ///   - allowsInsecureHTTP: whether plain `http` may name a host other than this machine.
    ///   - sleep: waits before a retry.
    public init(
        baseURL: String? = nil,
        timeout: Duration = .seconds(30),
        retry: RetryPolicy = .none,
        logger: Logger? = nil,
        userAgent: String = UserAgent.default,
        allowsInsecureHTTP: Bool = false,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.sleep = sleep
        self.baseURL = baseURL
        self.allowsInsecureHTTP = allowsInsecureHTTP
        self.timeout = timeout
        self.retry = retry
        self.logger = logger
        self.userAgent = userAgent
    }
}

/// Exponential backoff with jitter for responses that ask the client to come back later
/// (429 Too Many Requests, 503 Service Unavailable).
public struct RetryPolicy: Sendable, Equatable {
    /// How many times a request is sent again at most; 0 turns retries off.
    public var maxRetries: Int
    /// The wait before the first retry; each further retry waits twice as long.
    public var initialDelay: Duration
    /// No wait is longer than this, `Retry-After` included.
    public var maxDelay: Duration
    /// Whether each wait is drawn at random between half and all of its value, so that many
    /// clients do not retry in step.
    public var jitter: Bool

    public static let none = RetryPolicy(maxRetries: 0)

    public init(
        maxRetries: Int = 3,
        initialDelay: Duration = .milliseconds(500),
        maxDelay: Duration = .seconds(30),
        jitter: Bool = true
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
    }

    /// Whether a request answered with `status` is worth sending again.
    ///
    /// A 429 refused the request before doing anything, so any request is sent again. A 503 may
    /// come from a proxy after the API received the request, so only a request that may be
    /// sent twice with the effect of once (GET, HEAD, PUT, DELETE, OPTIONS) is: a POST that
    /// creates or updates is not repeated on a 503, and its error is returned.
    public static func isRetryable(status: Int, method: String) -> Bool {
        switch status {
        case 429: true
        case 503: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
        default: false
        }
    }

    /// The wait before retry number `retry` (0 for the first), at least `retryAfter` when the
    /// server said so, never more than `maxDelay`.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        var delay = initialDelay * (1 << min(retry, 30))
        if jitter {
            delay = delay * Double.random(in: 0.5...1.0)
        }
        if let retryAfter, retryAfter > delay {
            delay = retryAfter
        }
        return min(delay, maxDelay)
    }

    /// The wait a `Retry-After` header asks for: whole seconds (`120`), or an HTTP date
    /// (`Wed, 21 Oct 2015 07:28:00 GMT`) counted from `now`; nil for anything else. A date in
    /// the past asks for no wait.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int64(text) {
            return seconds >= 0 ? .seconds(seconds) : nil
        }
        guard let date = RFC2822Date.date(from: text) else { return nil }
        let interval = date.timeIntervalSince(now)
        return .milliseconds(Int64(max(0, min(interval, 1e12)) * 1000))
    }
}
