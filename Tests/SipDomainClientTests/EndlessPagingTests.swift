import GenClientRuntime
import SipDomainClient
import Testing

/// A server whose pages never end cannot keep a list fetching forever.
@Suite struct EndlessPagingTests {
    static let next = "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains.json?Page="

    @Test func aNextPageURIThatPointsBackToItselfStopsWithAnError() async {
        let transport = RecordingTransport(responses: [
            .json(200, Fixture.page(first: 0, count: 1, next: Self.next + "1")),
            .json(200, Fixture.page(first: 1, count: 1, next: Self.next + "2")),
            .json(200, Fixture.page(first: 2, count: 1, next: Self.next + "1")),
        ])
        var seen: [String?] = []
        await #expect {
            for try await domain in Fixture.client(transport).sipDomains.list(pageSize: 1) {
                seen.append(domain.friendlyName)
            }
        } throws: { error in
            guard case ClientError.endlessPaging(let uri, let reason) = error else { return false }
            return uri == Self.next + "1" && reason == "the next-page URI was already followed"
        }
        #expect(seen == ["domain 0", "domain 1", "domain 2"])
        #expect(transport.requests.count == 3)
    }

    @Test func emptyPagesThatNameANextPageStopWithAnError() async {
        let maximum = PagedSequence<Int>.maximumEmptyPages
        let transport = RecordingTransport(
            responses: (0..<50).map { .json(200, Fixture.page(first: 0, count: 0, next: Self.next + "\($0 + 1)")) }
        )
        await #expect {
            _ = try await Fixture.client(transport).sipDomains.list().collect()
        } throws: { error in
            guard case ClientError.endlessPaging(let uri, let reason) = error else { return false }
            return uri == Self.next + "\(maximum)" && reason == "\(maximum) pages in a row had no item"
        }
        #expect(transport.requests.count == maximum)
    }

    @Test func emptyPagesBetweenFullOnesAreFollowed() async throws {
        var responses: [ClientResponse] = []
        for index in 0..<30 {
            let count = index % 5 == 4 ? 1 : 0
            responses.append(
                .json(
                    200,
                    Fixture.page(first: index, count: count, next: index == 29 ? nil : Self.next + "\(index + 1)")
                )
            )
        }
        let transport = RecordingTransport(responses: responses)
        let domains = try await Fixture.client(transport).sipDomains.list().collect()
        #expect(domains.count == 6)
        #expect(transport.requests.count == 30)
    }
}
