import Foundation
import GenClientRuntime
import SipDomainClient
import Testing

/// Retries wait as long as the server asks, through an injected sleeper, and never repeat a
/// request whose effect could happen twice.
@Suite struct RetryTests {
    /// The waits a client asked for, instead of waiting.
    actor Sleeps {
        var durations: [Duration] = []

        func append(_ duration: Duration) { durations.append(duration) }
    }

    static let busy = ClientResponse.json(503, #"{"code": 20503, "message": "Service Unavailable", "status": 503}"#)
    static let tooMany = ClientResponse.json(429, #"{"code": 20429, "message": "Too Many Requests", "status": 429}"#)

    static func client(_ transport: RecordingTransport, _ sleeps: Sleeps, jitter: Bool = false) -> SipDomainAPI {
        let configuration = ClientConfiguration(
            retry: RetryPolicy(
                maxRetries: 2,
                initialDelay: .milliseconds(100),
                maxDelay: .seconds(300),
                jitter: jitter
            ),
            sleep: { await sleeps.append($0) }
        )
        return Fixture.client(transport, configuration: configuration)
    }

    static func response(_ status: Int, retryAfter: String) -> ClientResponse {
        ClientResponse(
            status: status,
            headers: [("Retry-After", retryAfter)],
            body: Data(#"{"message": "later"}"#.utf8)
        )
    }

    @Test func retryAfterInSecondsIsWaited() async throws {
        let transport = RecordingTransport(responses: [
            Self.response(429, retryAfter: "2"), .json(200, try Fixture.example("fetch")),
        ])
        let sleeps = Sleeps()
        _ = try await Self.client(transport, sleeps, jitter: true).sipDomains.fetch(sid: Fixture.domain)
        #expect(await sleeps.durations == [.seconds(2)])
        #expect(transport.requests.count == 2)
    }

    @Test func retryAfterAsAnHTTPDateIsWaitedUntilThatDate() async throws {
        let date = RFC2822HTTPDate.string(Date().addingTimeInterval(120))
        let transport = RecordingTransport(responses: [
            Self.response(503, retryAfter: date), .json(200, try Fixture.example("fetch")),
        ])
        let sleeps = Sleeps()
        _ = try await Self.client(transport, sleeps).sipDomains.fetch(sid: Fixture.domain)
        let waited = try #require(await sleeps.durations.first)
        #expect(waited > .seconds(115) && waited <= .seconds(120), "\(waited)")
    }

    @Test func withoutRetryAfterTheBackoffDoubles() async throws {
        let transport = RecordingTransport(responses: [
            Self.tooMany, Self.tooMany, .json(200, try Fixture.example("fetch")),
        ])
        let sleeps = Sleeps()
        _ = try await Self.client(transport, sleeps).sipDomains.fetch(sid: Fixture.domain)
        #expect(await sleeps.durations == [.milliseconds(100), .milliseconds(200)])
    }

    @Test func aCreateIsRetriedAfter429() async throws {
        let transport = RecordingTransport(responses: [Self.tooMany, .json(201, try Fixture.example("create"))])
        let sleeps = Sleeps()
        _ = try await Self.client(transport, sleeps).sipDomains.create(domainName: "a.sip.twilio.com")
        #expect(transport.requests.count == 2)
        #expect(transport.requests.map(\.method) == ["POST", "POST"])
    }

    @Test func aCreateIsNotRetriedAfter503() async throws {
        let transport = RecordingTransport(responses: [Self.busy, .json(201, try Fixture.example("create"))])
        let sleeps = Sleeps()
        await #expect {
            try await Self.client(transport, sleeps).sipDomains.create(domainName: "a.sip.twilio.com")
        } throws: { error in
            (error as? ClientError)?.status == 503
        }
        #expect(transport.requests.count == 1)
        #expect(await sleeps.durations.isEmpty)
    }

    @Test func aDeleteIsRetriedAfter503() async throws {
        let transport = RecordingTransport(responses: [Self.busy, ClientResponse(status: 204)])
        let sleeps = Sleeps()
        try await Self.client(transport, sleeps).sipDomains.delete(sid: Fixture.domain)
        #expect(transport.requests.map(\.method) == ["DELETE", "DELETE"])
    }

    @Test(arguments: [
        ("2", Duration.seconds(2)), (" 7 ", .seconds(7)), ("0", .zero), ("-1", nil), ("soon", nil), ("", nil),
        ("Wed, 21 Oct 2015 07:28:00 GMT", .zero), ("Wed, 21 Oct 2015 07:28:30 GMT", .seconds(30)),
        ("Wed, 21 Oct 2015 08:28:00 +0100", .zero), ("Thu, 22 Oct 2015 07:28:00 GMT", .seconds(86_400)),
        ("99999999999999999999", nil),
    ])
    func retryAfterIsReadInBothForms(_ value: String, _ expected: Duration?) {
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryPolicy.retryAfter(value, now: now) == expected)
    }
}

/// HTTP dates as a server writes them in `Retry-After`.
enum RFC2822HTTPDate {
    static func string(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
