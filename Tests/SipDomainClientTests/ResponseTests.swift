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
