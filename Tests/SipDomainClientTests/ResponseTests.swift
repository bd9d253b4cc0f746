import Foundation
import GenClientRuntime
import Logging
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

/// What the client makes of responses: documented bodies, pages, errors, retries.
@Suite struct ResponseTests {
    @Test func everyDocumentedResponseDecodes() async throws {
        let transport = RecordingTransport(responses: [
            .json(201, try Fixture.example("create")), .json(200, try Fixture.example("fetch")),
            .json(200, try Fixture.example("list")), .json(200, try Fixture.example("update")),
            ClientResponse(status: 204),
        ])
        let domains = Fixture.client(transport).sipDomains
        let created = try await domains.create(domainName: "domain_name")
        #expect(created.domainName == "domain_name")
        #expect(created.dateCreated == Date(timeIntervalSince1970: 1_437_413_230))
        let fetched = try await domains.fetch(sid: Fixture.domain)
        #expect(fetched.domainName == "dunder-mifflin-scranton.sip.twilio.com")
        #expect(fetched.voiceMethod == .post)
        let page = try await domains.page()
        #expect(page.domains.map(\.friendlyName) == ["Scranton Office"])
        #expect(page.pageSize == 50)
        let updated = try await domains.update(sid: Fixture.domain, friendlyName: "friendly_name")
        #expect(updated.friendlyName == "friendly_name")
        try await domains.delete(sid: Fixture.domain)
        #expect(transport.requests.count == 5)
    }
}

@Suite struct PaginationTests {
    static let next = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains.json?PageSize=2&Page="

    static func threePages() -> RecordingTransport {
        RecordingTransport(responses: [
            .json(200, Fixture.page(first: 0, count: 2, next: next + "1&PageToken=PT1")),
            .json(200, Fixture.page(first: 2, count: 2, next: next + "2&PageToken=PT2")),
            .json(200, Fixture.page(first: 4, count: 1, next: nil)),
        ])
    }

    @Test func withoutALimitEveryPageIsFollowed() async throws {
        let transport = Self.threePages()
        let domains = try await Fixture.client(transport).sipDomains.list(pageSize: 2).collect()
        #expect(domains.map(\.friendlyName) == (0..<5).map { "domain \($0)" })
        #expect(
            transport.requests.map(\.url) == [
                "\(Fixture.accountPath)/SIP/Domains.json?PageSize=2",
                "https://api.twilio.com\(Self.next)1&PageToken=PT1",
                "https://api.twilio.com\(Self.next)2&PageToken=PT2",
            ]
        )
        #expect(transport.requests.allSatisfy { $0.header("Authorization") == Fixture.authorization })
    }

    @Test func aLimitFetchesNoMorePagesThanItNeeds() async throws {
        let transport = Self.threePages()
        var seen: [String?] = []
        for try await domain in Fixture.client(transport).sipDomains.list(limit: 3, pageSize: 2) {
            seen.append(domain.friendlyName)
        }
        #expect(seen == ["domain 0", "domain 1", "domain 2"])
        #expect(transport.requests.count == 2)
    }

    @Test func theLimitSetsThePageSize() async throws {
        let transport = RecordingTransport(responses: [.json(200, Fixture.page(first: 0, count: 20, next: "/more"))])
        let domains = try await Fixture.client(transport).sipDomains.list(limit: 20).collect()
        #expect(domains.count == 20)
        #expect(transport.requests.map(\.url) == ["\(Fixture.accountPath)/SIP/Domains.json?PageSize=20"])
    }

    @Test func thePageSizeNeverExceedsTheMaximum() async throws {
        let transport = RecordingTransport(responses: [.json(200, Fixture.page(first: 0, count: 3, next: nil))])
        _ = try await Fixture.client(transport).sipDomains.list(limit: 5000).collect()
        #expect(transport.requests.map(\.url) == ["\(Fixture.accountPath)/SIP/Domains.json?PageSize=1000"])
    }

    @Test func nothingIsFetchedUntilIterationStarts() async throws {
        let transport = Self.threePages()
        _ = Fixture.client(transport).sipDomains.list()
        #expect(transport.requests.isEmpty)
    }
}

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
