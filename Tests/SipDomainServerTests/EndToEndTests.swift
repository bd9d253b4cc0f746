import Foundation
import GenClientRuntime
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

/// The generated client against the local server on the generated routing, over real HTTP, on
/// each of the client's transports.
@Suite struct EndToEndTests {
    typealias Harness = LocalServerHarness

    @Test(arguments: ClientTransport.allCases)
    func fullLifecycle(_ transport: ClientTransport) async throws {
        try await Harness.withServer { baseURL in
            let domains = Harness.client(baseURL, on: transport).sipDomains
            let created = try await domains.create(
                domainName: "scranton.sip.twilio.com",
                friendlyName: "Scranton Office",
                voiceUrl: "https://dundermifflin.example.com/twilio/app.php",
                voiceMethod: .get,
                secure: true
            )
            let sid = try #require(created.sid)
            #expect(sid.isWellFormed)
            #expect(created.accountSid == Harness.alice)
            #expect(created.apiVersion == "2010-04-01")
            #expect(created.uri == "/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains/\(sid).json")
            #expect(
                created.subresourceUris?["credential_list_mappings"]
                    == "/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains/\(sid)/CredentialListMappings.json"
            )
            #expect(created.voiceMethod == .get)
            #expect(created.voiceFallbackMethod == .post)
            #expect(created.secure == true)
            #expect(created.dateCreated != nil && created.dateCreated == created.dateUpdated)

            for index in 1...6 {
                _ = try await domains.create(domainName: "branch-\(index).sip.twilio.com")
            }

            let fetched = try await domains.fetch(sid: sid)
            #expect(fetched == created)

            // Seven domains, pages of two, stopping after five: three requests' worth.
            let firstFive = try await domains.list(limit: 5, pageSize: 2).collect()
            #expect(
                firstFive.map(\.domainName) == ["scranton.sip.twilio.com"]
                    + (1...4).map { "branch-\($0).sip.twilio.com" }
            )
            let all = try await domains.list(pageSize: 3).collect()
            #expect(all.count == 7)
            #expect(Set(all.compactMap(\.sid)).count == 7)

            let updated = try await domains.update(sid: sid, friendlyName: "Scranton Branch")
            #expect(updated.friendlyName == "Scranton Branch")
            var expected = created
            expected.friendlyName = "Scranton Branch"
            expected.dateUpdated = updated.dateUpdated
            #expect(updated == expected, "an update of one field leaves the others as they were")

            try await domains.delete(sid: sid)
            do throws(ClientError) {
                _ = try await domains.fetch(sid: sid)
                Issue.record("a deleted domain was fetched")
            } catch {
                guard case .api(let twilioError) = error else {
                    Issue.record("expected a Twilio error, got \(error)")
                    return
                }
                #expect(twilioError.status == 404)
                #expect(twilioError.code == 20404)
            }
            #expect(try await domains.list().collect().count == 6)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func pagesHaveTwiliosEnvelope(_ transport: ClientTransport) async throws {
        try await Harness.withServer { baseURL in
            let domains = Harness.client(baseURL, on: transport).sipDomains
            var sids: [SipDomainSid] = []
            for index in 0..<5 {
                sids.append(try #require(try await domains.create(domainName: "d\(index).sip.twilio.com").sid))
            }
            let path = "/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains.json"
            let first = try await domains.page(pageSize: 2)
            #expect(first.domains.map(\.sid) == Array(sids[0..<2]))
            #expect(first.start == 0)
            #expect(first.end == 1)
            #expect(first.page == 0)
            #expect(first.pageSize == 2)
            #expect(first.uri == "\(path)?PageSize=2&Page=0")
            #expect(first.firstPageUri == "\(path)?PageSize=2&Page=0")
            #expect(first.previousPageUri == nil)
            #expect(first.nextPageUri == "\(path)?PageSize=2&Page=1&PageToken=PA\(sids[1])")

            let second = try await domains.page(pageSize: 2, page: 1, pageToken: "PA\(sids[1])")
            #expect(second.domains.map(\.sid) == Array(sids[2..<4]))
            #expect(second.start == 2)
            #expect(second.end == 3)
            #expect(second.previousPageUri == "\(path)?PageSize=2&Page=0&PageToken=PB\(sids[2])")

            let last = try await domains.page(pageSize: 2, page: 2)
            #expect(last.domains.map(\.sid) == [sids[4]])
            #expect(last.nextPageUri == nil)

            let byDefault = try await domains.page()
            #expect(byDefault.pageSize == 50)
            #expect(byDefault.domains.count == 5)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func validationErrorsAreTypedTwilioErrors(_ transport: ClientTransport) async throws {
        try await Harness.withServer { baseURL in
            let domains = Harness.client(baseURL, on: transport).sipDomains
            func failure(_ call: () async throws(ClientError) -> Void) async -> TwilioAPIError? {
                do {
                    try await call()
                    return nil
                } catch {
                    guard case .api(let twilioError) = error else { return nil }
                    return twilioError
                }
            }

            let badName = await failure { () async throws(ClientError) in
                _ = try await domains.create(domainName: "example.com")
            }
            #expect(badName?.status == 400)
            #expect(badName?.code == 21231)
            #expect(badName?.message.contains("DomainName") == true)

            _ = try await domains.create(domainName: "taken.sip.twilio.com")
            let taken = await failure { () async throws(ClientError) in
                _ = try await domains.create(domainName: "taken.sip.twilio.com")
            }
            #expect(taken?.code == 21231)
            #expect(taken?.message == "The domain name taken.sip.twilio.com is already in use")

            let longName = await failure { () async throws(ClientError) in
                _ = try await domains.create(
                    domainName: "long.sip.twilio.com",
                    friendlyName: String(repeating: "x", count: 65)
                )
            }
            #expect(longName?.status == 400)
            #expect(longName?.message == "FriendlyName must be at most 64 characters long")

            let method = await failure { () async throws(ClientError) in
                _ = try await domains.create(domainName: "m.sip.twilio.com", voiceMethod: .unknown("FETCH"))
            }
            #expect(method?.message == "VoiceMethod 'FETCH' is not one of HEAD, GET, POST, PATCH, PUT, DELETE")

            let trunk = await failure { () async throws(ClientError) in
                _ = try await domains.create(domainName: "t.sip.twilio.com", byocTrunkSid: "BY123")
            }
            #expect(
                trunk?.message == "ByocTrunkSid 'BY123' is not valid: it must be BY followed by 32 hexadecimal digits"
            )

            let pageSize = await failure { () async throws(ClientError) in _ = try await domains.page(pageSize: 0) }
            #expect(pageSize?.message == "PageSize must be from 1 to 1000, not 0")

            let sid = await failure { () async throws(ClientError) in _ = try await domains.fetch(sid: "SDnot-a-sid") }
            #expect(sid?.status == 400)
            #expect(sid?.message.hasPrefix("Sid 'SDnot-a-sid' is not valid") == true)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func wrongCredentialsAreRejected(_ transport: ClientTransport) async throws {
        try await Harness.withServer { baseURL in
            let intruder = Harness.client(baseURL, account: Harness.alice, token: "wrong", on: transport)
            do throws(ClientError) {
                _ = try await intruder.sipDomains.page()
                Issue.record("wrong credentials were accepted")
            } catch {
                guard case .api(let twilioError) = error else {
                    Issue.record("expected a Twilio error, got \(error)")
                    return
                }
                #expect(twilioError.status == 401)
                #expect(twilioError.code == 20003)
            }
            let unknown = try await Harness.raw("GET", Harness.domainsPath(baseURL), authorization: nil)
            #expect(unknown.status == 401)
            #expect(unknown.header("WWW-Authenticate") == "Basic realm=\"Twilio API\"")
            let garbage = try await Harness.raw("GET", Harness.domainsPath(baseURL), authorization: "Basic !!!")
            #expect(garbage.status == 401)
            #expect(garbage.json?["code"] as? Int == 20003)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func anAccountSeesOnlyItsOwnDomains(_ transport: ClientTransport) async throws {
        try await Harness.withServer { baseURL in
            let alice = Harness.client(baseURL, on: transport).sipDomains
            let bob = Harness.client(baseURL, account: Harness.bob, token: Harness.bobToken, on: transport).sipDomains
            let domain = try await alice.create(domainName: "alice.sip.twilio.com")
            let sid = try #require(domain.sid)
            _ = try await bob.create(domainName: "bob.sip.twilio.com")

            #expect(try await alice.list().collect().map(\.domainName) == ["alice.sip.twilio.com"])
            #expect(try await bob.list().collect().map(\.domainName) == ["bob.sip.twilio.com"])
            await Self.expectNotFound { () async throws(ClientError) in _ = try await bob.fetch(sid: sid) }
            await Self.expectNotFound { () async throws(ClientError) in
                _ = try await bob.fetch(sid: sid, accountSid: Harness.alice)
            }
            await Self.expectNotFound { () async throws(ClientError) in
                _ = try await bob.update(sid: sid, friendlyName: "mine")
            }
            await Self.expectNotFound { () async throws(ClientError) in try await bob.delete(sid: sid) }
            await Self.expectNotFound { () async throws(ClientError) in
                _ = try await bob.page(accountSid: Harness.alice)
            }
            #expect(try await alice.fetch(sid: sid).friendlyName == nil)
        }
    }

    static func expectNotFound(
        _ call: () async throws(ClientError) -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        do {
            try await call()
            Issue.record("another account's domain was reached", sourceLocation: sourceLocation)
        } catch {
            #expect(error.status == 404, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func fiftyConcurrentCreatesLoseAndDuplicateNothing(_ transport: ClientTransport) async throws {
        try await Harness.withServer { baseURL in
            let domains = Harness.client(baseURL, on: transport).sipDomains
            let created = try await withThrowingTaskGroup(of: SipDomain.self) { group in
                for index in 0..<50 {
                    group.addTask { try await domains.create(domainName: "c\(index).sip.twilio.com") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(Set(created.compactMap(\.sid)).count == 50)
            let listed = try await domains.list(pageSize: 7).collect()
            #expect(listed.count == 50)
            #expect(Set(listed.compactMap(\.sid)) == Set(created.compactMap(\.sid)))
            #expect(Set(listed.compactMap(\.domainName)) == Set((0..<50).map { "c\($0).sip.twilio.com" }))
        }
    }

    @Test func badInputNeverGetsA500() async throws {
        try await Harness.withServer { baseURL in
            let path = Harness.domainsPath(baseURL)
            let cases: [(String, String, String?, Int)] = [
                ("POST", path, "DomainName=%ZZ", 400),
                ("POST", path, "DomainName=ok.sip.twilio.com&Secure=maybe", 400),
                ("POST", path, "", 400),
                ("POST", path, "&&&=&", 400),
                ("GET", path + "?PageSize=ten", nil, 400),
                ("GET", path + "?Page=%", nil, 400),
                ("GET", "\(baseURL)/2010-04-01/Accounts/nonsense/SIP/Domains.json", nil, 400),
                ("GET", "\(baseURL)/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains/%ZZ.json", nil, 400),
                ("GET", "\(baseURL)/nothing/here", nil, 404),
                ("PUT", path, "DomainName=x", 405),
            ]
            for (method, url, body, status) in cases {
                let response = try await Harness.raw(method, url, body: body)
                #expect(response.status == status, "\(method) \(url) \(body ?? "")")
                #expect(response.json?["status"] as? Int == status, "\(method) \(url): Twilio error JSON")
                #expect(response.json?["message"] is String)
            }
        }
    }

    @Test func unknownParametersAreIgnoredAndBooleansReadInAnyCase() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw(
                "POST",
                Harness.domainsPath(baseURL),
                body: "DomainName=ok.sip.twilio.com&Secure=TRUE&Unheard=of&FriendlyName=Caf%C3%A9+Central"
            )
            #expect(response.status == 201)
            #expect(response.json?["secure"] as? Bool == true)
            #expect(response.json?["friendly_name"] as? String == "Café Central")
            #expect(response.header("Content-Type") == "application/json")

            let sid = try #require(response.json?["sid"] as? String)
            let deleted = try await Harness.raw(
                "DELETE",
                "\(baseURL)/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains/\(sid).json"
            )
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)
        }
    }
}
