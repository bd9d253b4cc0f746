import Foundation
import GenClientRuntime
import GenServerRuntime
import SipDomainModels
import SipDomainServer
import Testing

@testable import SipDomainLocalServer

/// The local server's paging beyond the happy path: extreme `Page` and `PageSize` values,
/// unknown and deleted tokens, previous-page tokens. Every request gets 200 or 400 with Twilio's
/// error JSON, never a dropped connection.
@Suite struct PagingTests {
    typealias Harness = LocalServerHarness

    /// A list request's `Page`, `PageSize` and `PageToken` (`{0}`…`{2}` stand for the SIDs of
    /// three domains, `{gone}` for a deleted one's), and the status it gets.
    struct Case: Sendable, CustomTestStringConvertible {
        var page: String?
        var pageSize: String?
        var pageToken: String?
        var status: Int
        /// The domains of the page, by number, when the status is 200.
        var domains: [Int] = []

        var testDescription: String {
            "Page=\(page ?? "-") PageSize=\(pageSize ?? "-") PageToken=\(pageToken ?? "-") → \(status)"
        }
    }

    static let intMax = "9223372036854775807"
    /// The largest `Page` the spec allows: Page × PageSize must fit in 64 bits.
    static let pageMax = "9223372036854775"

    static let cases: [Case] = [
        Case(status: 200, domains: [0, 1, 2]),
        // The request that stopped the server: Page × PageSize overflowed.
        Case(page: "1152921504606846975", pageSize: "106", status: 400),
        // The one beside it: the next page's number, Page + 1, overflowed.
        Case(page: intMax, pageSize: "1", pageToken: "PA{0}", status: 400),
        Case(page: intMax, pageSize: "1", status: 400),
        Case(page: pageMax, pageSize: "1000", status: 200),
        Case(page: pageMax, pageSize: "1000", pageToken: "PA{0}", status: 200, domains: [1, 2]),
        Case(page: pageMax, pageSize: "1", pageToken: "PA{0}", status: 200, domains: [1]),
        Case(page: "9223372036854776", pageSize: "1", status: 400),
        Case(page: "9223372036854775808", pageSize: "1", status: 400),
        Case(page: "-1", status: 400),
        Case(page: "-9223372036854775808", status: 400),
        Case(page: "1", pageSize: "2", status: 200, domains: [2]),
        Case(page: "2", pageSize: "2", status: 200),
        Case(pageSize: "0", status: 400),
        Case(pageSize: "1001", status: 400),
        Case(pageSize: intMax, status: 400),
        Case(pageSize: "-9223372036854775808", status: 400),
        Case(pageSize: "1", pageToken: "PA{2}", status: 200),
        Case(pageSize: "1", pageToken: "PB{2}", status: 200, domains: [1]),
        Case(pageSize: "2", pageToken: "PB{2}", status: 200, domains: [0, 1]),
        Case(pageSize: "1000", pageToken: "PB{0}", status: 200),
        Case(page: "5", pageSize: "1000", pageToken: "PB{2}", status: 200, domains: [0, 1]),
        // Unknown and deleted tokens leave Page to say where the page is.
        Case(page: "1", pageSize: "1", pageToken: "PA{gone}", status: 200, domains: [1]),
        Case(page: "1", pageSize: "1", pageToken: "PB{gone}", status: 200, domains: [1]),
        Case(pageSize: "1", pageToken: "garbage", status: 200, domains: [0]),
        Case(pageSize: "1", pageToken: "", status: 200, domains: [0]),
        Case(pageSize: "1", pageToken: "PA", status: 200, domains: [0]),
        Case(pageSize: "1", pageToken: "PX{1}", status: 200, domains: [0]),
    ]

    @Test(arguments: cases)
    func everyPageRequestGets200Or400(_ testCase: Case) async throws {
        try await Harness.withServer { baseURL in
            let domains = Harness.client(baseURL).sipDomains
            var sids: [String] = []
            for index in 0..<4 {
                sids.append(
                    try #require(try await domains.create(domainName: "p\(index).sip.twilio.com").sid?.rawValue)
                )
            }
            let gone = sids.removeLast()
            try await domains.delete(sid: SipDomainSid(gone))
            func filled(_ text: String) -> String {
                var text = text.replacingOccurrences(of: "{gone}", with: gone)
                for (index, sid) in sids.enumerated() {
                    text = text.replacingOccurrences(of: "{\(index)}", with: sid)
                }
                return text
            }
            let query = [("Page", testCase.page), ("PageSize", testCase.pageSize), ("PageToken", testCase.pageToken)]
                .compactMap { name, value in value.map { "\(name)=\(filled($0))" } }
                .joined(separator: "&")
            let response = try await Harness.raw("GET", Harness.domainsPath(baseURL) + "?" + query)
            #expect(response.status == testCase.status, "\(String(decoding: response.body, as: UTF8.self))")
            if testCase.status == 200 {
                let page = try JSONDecoder().decode(SipDomainPage.self, from: response.body)
                #expect(page.domains.compactMap(\.sid?.rawValue) == testCase.domains.map { sids[$0] })
            } else {
                #expect(response.json?["status"] as? Int == testCase.status)
                #expect(response.json?["message"] is String)
            }
        }
    }

    /// The store's own guards, for a handler called without the generated routing's checks:
    /// no `Page` makes its arithmetic overflow.
    @Test func theStoreNeverOverflowsWhateverPageItIsGiven() throws {
        let account = Harness.alice
        let domains = (0..<3).map { index in
            SipDomain(
                domainName: "s\(index).sip.twilio.com",
                sid: SipDomainSid("SD0000000000000000000000000000000\(index)")
            )
        }
        let beyond = try InMemorySipDomains.page(
            of: domains,
            account: account,
            input: ListSipDomainInput(accountSid: account, pageSize: 106, page: 1_152_921_504_606_846_975)
        )
        #expect(beyond.domains.isEmpty)
        #expect(beyond.nextPageUri == nil)
        #expect(throws: APIError.self) {
            try InMemorySipDomains.page(
                of: domains,
                account: account,
                input: ListSipDomainInput(
                    accountSid: account,
                    pageSize: 1,
                    page: .max,
                    pageToken: "PA\(domains[0].sid!)"
                )
            )
        }
    }

    /// Following `next_page_uri` to the end and then `previous_page_uri` back visits every
    /// domain once each way.
    @Test func previousPageLinksLeadBackToTheFirstPage() async throws {
        try await Harness.withServer { baseURL in
            let domains = Harness.client(baseURL).sipDomains
            var sids: [SipDomainSid] = []
            for index in 0..<5 {
                sids.append(try #require(try await domains.create(domainName: "b\(index).sip.twilio.com").sid))
            }
            var page = try await domains.page(pageSize: 2)
            var forward = [page.domains.compactMap(\.sid)]
            while let next = page.nextPageUri {
                page = try await Self.get(next, baseURL)
                forward.append(page.domains.compactMap(\.sid))
            }
            #expect(forward == [Array(sids[0..<2]), Array(sids[2..<4]), [sids[4]]])
            var backward: [[SipDomainSid]] = []
            while let previous = page.previousPageUri {
                page = try await Self.get(previous, baseURL)
                backward.append(page.domains.compactMap(\.sid))
            }
            #expect(backward == [Array(sids[2..<4]), Array(sids[0..<2])])
            #expect(page.page == 0)
        }
    }

    static func get(_ uri: String, _ baseURL: String) async throws -> SipDomainPage {
        let response = try await Harness.raw("GET", baseURL + uri)
        try #require(response.status == 200)
        return try JSONDecoder().decode(SipDomainPage.self, from: response.body)
    }
}
