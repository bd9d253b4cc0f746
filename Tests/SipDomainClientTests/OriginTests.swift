import GenClientRuntime
import SipDomainClient
import SipDomainModels
import Testing

/// Credentials only ever go to the configured origin: an unusable base URL sends nothing, and a
/// next-page URI elsewhere is not followed.
@Suite struct OriginTests {
    @Test func anUnusableBaseURLFailsEveryCallBeforeSending() async {
        let transport = RecordingTransport(responses: [.json(200, Fixture.page(first: 0, count: 1, next: nil))])
        for baseURL in ["https://AC1:token@api.twilio.com", "http://api.twilio.com", "api.twilio.com"] {
            let client = Fixture.client(transport, configuration: ClientConfiguration(baseURL: baseURL))
            await #expect {
                try await client.sipDomains.fetch(sid: Fixture.domain)
            } throws: { error in
                guard case ClientError.invalidBaseURL(let url, _) = error else { return false }
                return url == baseURL
            }
            await #expect(throws: ClientError.self) { try await client.sipDomains.list().collect() }
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func aNextPageURIOnAnotherOriginIsNotFollowed() async {
        for next in ["https://evil.example/steal", "@evil.example/steal", "http://api.twilio.com/steal"] {
            let transport = RecordingTransport(responses: [
                .json(200, Fixture.page(first: 0, count: 2, next: next)),
                .json(200, Fixture.page(first: 2, count: 2, next: nil)),
            ])
            var seen: [String?] = []
            var failure: ClientError?
            do {
                for try await domain in Fixture.client(transport).sipDomains.list(pageSize: 2) {
                    seen.append(domain.friendlyName)
                }
            } catch {
                failure = error
            }
            #expect(seen == ["domain 0", "domain 1"], "the first page's items still arrive")
            guard case .rejectedURI(let uri, _) = failure else {
                Issue.record("expected a rejected URI for \(next), got \(String(describing: failure))")
                continue
            }
            #expect(uri == next)
            #expect(transport.requests.count == 1, "no request after the first page")
        }
    }

    @Test func theCredentialsGoToTheBaseURLsOriginAndPrefix() async throws {
        let transport = RecordingTransport(responses: [
            .json(200, Fixture.page(first: 0, count: 1, next: "/2010-04-01/next?Page=1")),
            .json(200, Fixture.page(first: 1, count: 1, next: nil)),
        ])
        let configuration = ClientConfiguration(baseURL: "http://localhost:8080/twilio/")
        _ = try await Fixture.client(transport, configuration: configuration).sipDomains.list(pageSize: 1).collect()
        #expect(
            transport.requests.map(\.url) == [
                "http://localhost:8080/twilio/2010-04-01/Accounts/\(Fixture.account)/SIP/Domains.json?PageSize=1",
                "http://localhost:8080/twilio/2010-04-01/next?Page=1",
            ]
        )
    }
}
