import Foundation
import GenClientRuntime
import Logging
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

@Suite struct ErrorTests {
    static func failure(_ reply: RecordingTransport.Reply, retry: RetryPolicy = .none) async -> ClientError? {
        let transport = RecordingTransport(replies: [reply])
        let client = Fixture.client(transport, configuration: ClientConfiguration(retry: retry))
        do {
            _ = try await client.sipDomains.fetch(sid: Fixture.domain)
            return nil
        } catch {
            return error
        }
    }

    @Test func twilioErrorJSONBecomesATypedError() async throws {
        let error = await Self.failure(
            .response(
                .json(
                    404,
                    #"{"code": 20404, "message": "The requested resource /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains/SD00000000000000000000000000000001.json was not found", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}"#
                )
            )
        )
        guard case .api(let apiError) = try #require(error) else {
            Issue.record("expected a Twilio error, got \(String(describing: error))")
            return
        }
        #expect(apiError.status == 404)
        #expect(apiError.code == 20404)
        #expect(apiError.message.hasSuffix("was not found"))
        #expect(apiError.moreInfo == "https://www.twilio.com/docs/errors/20404")
        #expect(apiError.details == nil)
        #expect(error?.status == 404)
    }

    @Test func anAuthenticationErrorKeepsItsCode() async throws {
        let error = await Self.failure(
            .response(
                .json(
                    401,
                    #"{"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401}"#
                )
            )
        )
        guard case .api(let apiError) = try #require(error) else {
            Issue.record("expected a Twilio error")
            return
        }
        #expect(apiError.code == 20003)
        #expect(apiError.status == 401)
    }

    @Test func anErrorStatusWithoutErrorJSONKeepsStatusAndBody() async throws {
        let error = await Self.failure(
            .response(ClientResponse(status: 502, body: Data("<html>Bad Gateway</html>".utf8)))
        )
        guard case .undecodableResponse(let status, let body, _) = try #require(error) else {
            Issue.record("expected an undecodable response")
            return
        }
        #expect(status == 502)
        #expect(body == Data("<html>Bad Gateway</html>".utf8))
    }

    @Test func aSuccessfulBodyThatDoesNotDecodeKeepsStatusAndBody() async throws {
        let error = await Self.failure(.response(.json(200, #"{"sid": 42}"#)))
        guard case .undecodableResponse(let status, let body, let reason) = try #require(error) else {
            Issue.record("expected an undecodable response")
            return
        }
        #expect(status == 200)
        #expect(String(decoding: body, as: UTF8.self) == #"{"sid": 42}"#)
        #expect(!reason.isEmpty)
    }

    struct ConnectionRefused: Error {}

    @Test func aTransportFailureIsItsOwnError() async throws {
        let error = await Self.failure(.failure(ConnectionRefused()))
        guard case .transport(let underlying) = try #require(error) else {
            Issue.record("expected a transport error")
            return
        }
        #expect(underlying is ConnectionRefused)
        #expect(error?.status == nil)
    }

    @Test func tooManyRequestsIsRetriedWhenAskedFor() async throws {
        let transport = RecordingTransport(responses: [
            .json(429, #"{"code": 20429, "message": "Too Many Requests", "status": 429}"#),
            ClientResponse(status: 503, headers: [("Retry-After", "0")]),
            .json(200, try Fixture.example("fetch")),
        ])
        let retry = RetryPolicy(maxRetries: 2, initialDelay: .milliseconds(1), maxDelay: .milliseconds(5))
        let client = Fixture.client(transport, configuration: ClientConfiguration(retry: retry))
        let domain = try await client.sipDomains.fetch(sid: Fixture.domain)
        #expect(domain.friendlyName == "Scranton Office")
        #expect(transport.requests.count == 3)
        #expect(Set(transport.requests.map(\.url)).count == 1)
    }

    @Test func retriesStopAtTheirMaximum() async throws {
        let busy = ClientResponse.json(503, #"{"code": 20503, "message": "Service Unavailable", "status": 503}"#)
        let transport = RecordingTransport(responses: [busy, busy, busy, busy])
        let retry = RetryPolicy(maxRetries: 2, initialDelay: .milliseconds(1), maxDelay: .milliseconds(2))
        let client = Fixture.client(transport, configuration: ClientConfiguration(retry: retry))
        await #expect(throws: ClientError.self) { try await client.sipDomains.fetch(sid: Fixture.domain) }
        #expect(transport.requests.count == 3)
    }

    @Test func withoutARetryPolicyNothingIsRetried() async throws {
        let error = await Self.failure(.response(.json(429, #"{"code": 20429, "message": "Too Many Requests"}"#)))
        #expect(error?.status == 429)
    }
}
