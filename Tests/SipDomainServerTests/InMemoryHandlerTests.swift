import Foundation
import GenClientRuntime
import GenServerRuntime
import Hummingbird
import LandmineMemory
import OrganizationsMemory
import SipDomainClient
import SipDomainMemory
import SipDomainModels
import SipDomainServer
import TestSupport
import Testing

/// The in-memory handler gen writes (`gen --only memory`), served by the generated routes and
/// driven by the generated client: what any imported API gets for its tests.
@Suite struct InMemoryHandlerTests {
    static let account: AccountSid = "AC0123456789abcdef0123456789abcdef"
    static let other: AccountSid = "ACfedcba9876543210fedcba9876543210"

    static func serve(_ body: @Sendable (String) async throws -> Void) async throws {
        let handler = InMemorySipDomain()
        try await Serving.serveRouter(
            { router in
                router.add(
                    middleware: TwilioErrorMiddleware(
                        codes: InMemorySipDomain.errorCodes,
                        routes: InMemorySipDomain.routes
                    )
                )
                handler.addRoutes(to: router)
            },
            { port in try await body("http://127.0.0.1:\(port)") }
        )
    }

    static func client(_ baseURL: String, account: AccountSid = account) -> SipDomainAPI {
        SipDomainAPI(accountSid: account, authToken: "any", configuration: ClientConfiguration(baseURL: baseURL))
    }

    @Test func createsFetchesListsUpdatesAndDeletes() async throws {
        try await Self.serve { baseURL in
            let client = Self.client(baseURL)
            let created = try await client.sipDomains.create(
                domainName: "a.sip.twilio.com",
                friendlyName: "A",
                voiceMethod: .post,
                sipRegistration: true
            )
            let sid = try #require(created.sid)
            #expect(sid.rawValue.hasPrefix("SD") && sid.rawValue.count == 34)
            #expect(created.accountSid == Self.account)
            #expect(created.domainName == "a.sip.twilio.com" && created.friendlyName == "A")
            #expect(created.voiceMethod == .post && created.sipRegistration == true)
            #expect(created.dateCreated != nil && created.dateCreated == created.dateUpdated)
            #expect(try await client.sipDomains.fetch(sid: sid) == created)

            _ = try await client.sipDomains.create(domainName: "b.sip.twilio.com")
            _ = try await client.sipDomains.create(domainName: "c.sip.twilio.com")
            let first = try await client.sipDomains.page(pageSize: 2)
            #expect(first.domains.map(\.domainName) == ["a.sip.twilio.com", "b.sip.twilio.com"])
            #expect(first.page == 0 && first.pageSize == 2 && first.start == 0 && first.end == 1)
            #expect(first.nextPageUri == "/2010-04-01/Accounts/\(Self.account)/SIP/Domains.json?PageSize=2&Page=1")
            #expect(first.previousPageUri == nil)
            var names: [String?] = []
            for try await domain in client.sipDomains.list(pageSize: 2) { names.append(domain.domainName) }
            #expect(names == ["a.sip.twilio.com", "b.sip.twilio.com", "c.sip.twilio.com"])

            let updated = try await client.sipDomains.update(sid: sid, friendlyName: "renamed", secure: true)
            #expect(updated.friendlyName == "renamed" && updated.secure == true)
            #expect(updated.domainName == "a.sip.twilio.com" && updated.voiceMethod == .post)
            #expect(try await client.sipDomains.fetch(sid: sid) == updated)

            try await client.sipDomains.delete(sid: sid)
            await #expect(throws: ClientError.self) { try await client.sipDomains.fetch(sid: sid) }
            await #expect(throws: ClientError.self) { try await client.sipDomains.delete(sid: sid) }
        }
    }

    /// An instance is found only under the path it was created at: another account sees a 404
    /// naming the path, and an empty list.
    @Test func instancesStayUnderTheirPath() async throws {
        try await Self.serve { baseURL in
            let created = try await Self.client(baseURL).sipDomains.create(domainName: "a.sip.twilio.com")
            let sid = try #require(created.sid)
            let other = Self.client(baseURL, account: Self.other)
            do throws(ClientError) {
                _ = try await other.sipDomains.fetch(sid: sid)
                Issue.record("another account fetched the domain")
            } catch {
                guard case .api(let error) = error else { throw error }
                #expect(error.status == 404)
                #expect(error.message.contains("/2010-04-01/Accounts/\(Self.other)/SIP/Domains/\(sid).json"))
            }
            #expect(try await other.sipDomains.page().domains.isEmpty)
        }
    }

    /// What the handler does not serve answers 501 and says why, rather than failing to build.
    @Test func whatItCannotServeIsA501() async throws {
        let landmine = InMemoryLandmine()
        let organizations = InMemoryOrganizations()
        #expect(String(describing: type(of: landmine)) == "InMemoryLandmine")
        #expect(String(describing: type(of: organizations)) == "InMemoryOrganizations")
        do {
            _ = try await organizations.createToken(.init(grantType: "g", clientId: "c", clientSecret: "s"))
            Issue.record("the token endpoint was served")
        } catch let error as APIError {
            #expect(error.status == .notImplemented)
            #expect(
                error.message
                    == "InMemoryOrganizations does not serve CreateToken: Token has no instance path that ends in a "
                    + "SID beside its collection's path."
            )
        }
    }
}
