import Logging

/// How a generated client talks to its API.
public struct ClientConfiguration: Sendable {
    /// Where requests go, such as `https://api.twilio.com`; point it at a local server in tests.
    public var baseURL: String?
    /// How long one request may take, connection included.
    public var timeout: Duration
    /// Retries of requests answered with 429 or 503; none unless asked for.
    public var retry: RetryPolicy
    /// Receives one line per request (method, path, status, duration; never credentials).
    public var logger: Logger?
    public var userAgent: String

    /// - Parameter baseURL: nil for the API's own base URL, from its spec.
    public init(
        baseURL: String? = nil,
        timeout: Duration = .seconds(30),
        retry: RetryPolicy = .none,
        logger: Logger? = nil,
        userAgent: String = UserAgent.default
    ) {
        self.baseURL = baseURL
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

    /// Whether a response with `status` is worth sending again.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 503
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
}
