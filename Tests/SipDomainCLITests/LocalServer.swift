import Hummingbird
import SipDomainLocalServer
import SipDomainModels
import TestSupport

/// The local server the CLI runs against, on 127.0.0.1 on a free port, inside the test process.
enum CLIServer {
    static let alice: AccountSid = "AC0123456789abcdef0123456789abcdef"
    static let aliceToken = "alice-token"

    /// Starts a server with Alice's account, runs `body` with its base URL, then shuts it down.
    static func withServer<Result: Sendable>(_ body: @Sendable (String) async throws -> Result) async throws -> Result {
        let store = InMemorySipDomains(accounts: [alice: aliceToken])
        return try await Serving.serve({ onRunning in
            LocalServer.application(
                store: store,
                host: "127.0.0.1",
                port: 0,
                logger: Serving.quiet,
                onServerRunning: onRunning
            )
        }) { port in
            try await body("http://127.0.0.1:\(port)")
        }
    }
}
