import Foundation
import GenAsyncHTTPClientTransport
import GenClientRuntime
import Hummingbird
import Logging
import SipDomainClient
import SipDomainLocalServer
import SipDomainModels
import TestSupport

/// Runs the local server on 127.0.0.1 on a free port, inside the test process, for the length
/// of one test.
enum LocalServerHarness {
    static let alice: AccountSid = "AC0123456789abcdef0123456789abcdef"
    static let aliceToken = "alice-token"
    static let bob: AccountSid = "ACfedcba9876543210fedcba9876543210"
    static let bobToken = "bob-token"

    static var quiet: Logger { Serving.quiet }

    /// Starts a server, runs `body` with its base URL, then shuts the server down gracefully.
    static func withServer<Result: Sendable>(
        _ body: @Sendable (String) async throws -> Result
    ) async throws -> Result {
        let store = InMemorySipDomains(accounts: [alice: aliceToken, bob: bobToken])
        return try await Serving.serve({ onRunning in
            LocalServer.application(store: store, host: "127.0.0.1", port: 0, logger: quiet, onServerRunning: onRunning)
        }) { port in
            try await body("http://127.0.0.1:\(port)")
        }
    }

    /// A client of the server at `baseURL`, on `transport`, or on the client's default.
    static func client(
        _ baseURL: String,
        account: AccountSid = alice,
        token: String = aliceToken,
        on transport: ClientTransport? = nil
    ) -> SipDomainAPI {
        SipDomainAPI(
            accountSid: account,
            authToken: token,
            configuration: ClientConfiguration(baseURL: baseURL),
            transport: transport?.transport
        )
    }

    /// Sends a request as written, for what the generated client would never send.
    static func raw(
        _ method: String,
        _ url: String,
        body: String? = nil,
        contentType: String = "application/x-www-form-urlencoded",
        authorization: String? = basic(alice, aliceToken)
    ) async throws -> ClientResponse {
        var headers: [(name: String, value: String)] = []
        if let authorization { headers.append(("Authorization", authorization)) }
        if body != nil { headers.append(("Content-Type", contentType)) }
        let request = ClientRequest(method: method, url: url, headers: headers, body: body.map { Data($0.utf8) })
        return try await AsyncHTTPClientTransport().send(request, timeout: .seconds(10))
    }

    static func basic(_ account: AccountSid, _ token: String) -> String {
        "Basic " + Data("\(account.rawValue):\(token)".utf8).base64EncodedString()
    }

    static func domainsPath(_ baseURL: String, _ account: AccountSid = alice) -> String {
        "\(baseURL)/2010-04-01/Accounts/\(account.rawValue)/SIP/Domains.json"
    }
}

extension ClientResponse {
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}
