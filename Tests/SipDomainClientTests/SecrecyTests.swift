import Foundation
import GenClientRuntime
import Logging
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

/// The auth token appears in the `Authorization` header and nowhere else.
@Suite struct SecrecyTests {
    static let encodedCredentials = String(Fixture.authorization.dropFirst("Basic ".count))

    static func expectNoSecret(_ text: String, _ what: String) {
        #expect(!text.contains(Fixture.token), "\(what) shows the token: \(text)")
        #expect(!text.contains(encodedCredentials), "\(what) shows the encoded credentials: \(text)")
    }

    static func everyRendering(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), dumped]
    }

    @Test func theClientAndItsPartsNeverShowTheToken() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        let client = Fixture.client(transport)
        _ = try await client.sipDomains.fetch(sid: Fixture.domain)
        let request = try #require(transport.requests.first)
        #expect(request.header("Authorization") == Fixture.authorization)
        let values: [(String, Any)] = [
            ("client", client), ("connection", client.connection), ("credentials", client.connection.credentials),
            ("resource", client.sipDomains), ("request", request), ("configuration", client.connection.configuration),
        ]
        for (what, value) in values {
            for text in Self.everyRendering(of: value) { Self.expectNoSecret(text, what) }
        }
    }

    @Test func noErrorShowsTheToken() async throws {
        struct Failure: Error {}
        let replies: [RecordingTransport.Reply] = [
            .response(.json(401, #"{"code": 20003, "message": "Authenticate", "status": 401}"#)),
            .response(ClientResponse(status: 500, body: Data("oops".utf8))),
            .response(.json(200, "not json")),
            .failure(Failure()),
        ]
        for reply in replies {
            let error = try #require(await ErrorTests.failure(reply))
            for text in Self.everyRendering(of: error) + [error.localizedDescription] {
                Self.expectNoSecret(text, "error")
            }
        }
        let missing = ClientError.missingCredentials(environmentVariable: "TWILIO_AUTH_TOKEN")
        #expect(missing.description == "no credentials: pass them in code or set TWILIO_AUTH_TOKEN")
    }

    @Test func logLinesNeverShowTheToken() async throws {
        let lines = CapturedLog()
        let logger = Logger(label: "test") { _ in lines }
        var configured = logger
        configured.logLevel = .trace
        let transport = RecordingTransport(responses: [
            .json(200, try Fixture.example("fetch")), .json(404, #"{"code": 20404, "message": "Not found"}"#),
        ])
        let client = Fixture.client(transport, configuration: ClientConfiguration(logger: configured))
        _ = try await client.sipDomains.fetch(sid: Fixture.domain)
        _ = try? await client.sipDomains.fetch(sid: Fixture.domain)
        #expect(lines.messages.count == 2)
        #expect(lines.messages.first?.hasPrefix("GET /2010-04-01/Accounts/") == true)
        #expect(lines.messages.last?.contains("→ 404") == true)
        for line in lines.messages { Self.expectNoSecret(line, "log line") }
    }
}
