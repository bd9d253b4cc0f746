import GenAsyncHTTPClientTransport
import GenClientRuntime
import Testing

/// The transports a generated client ships with: each client test against a server runs on
/// every one of them.
public enum ClientTransport: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case urlSession
    case asyncHTTPClient

    public var transport: any HTTPTransport {
        switch self {
        case .urlSession: URLSessionTransport.shared
        case .asyncHTTPClient: AsyncHTTPClientTransport()
        }
    }

    public var testDescription: String { rawValue }
}
