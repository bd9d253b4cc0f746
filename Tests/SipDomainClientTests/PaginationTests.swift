import Foundation
import GenClientRuntime
import Logging
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

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
