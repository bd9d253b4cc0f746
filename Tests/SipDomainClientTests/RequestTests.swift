import Foundation
import GenClientRuntime
import SipDomainClient
import SipDomainModels
import Testing

/// The exact request each operation sends: method, URL, headers and body bytes.
@Suite struct RequestTests {
    @Test func createWithTheRequiredParameterOnly() async throws {
        let transport = RecordingTransport(responses: [.json(201, try Fixture.example("create"))])
        _ = try await Fixture.client(transport).sipDomains.create(domainName: "dunder-mifflin-scranton.sip.twilio.com")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains.json")
        #expect(request.headerLines == Fixture.headers(form: true))
        #expect(request.bodyText == "DomainName=dunder-mifflin-scranton.sip.twilio.com")
    }

    @Test func createWithEveryParameter() async throws {
        let transport = RecordingTransport(responses: [.json(201, try Fixture.example("create"))])
        _ = try await Fixture.client(transport).sipDomains.create(
            domainName: "dunder-mifflin-scranton.sip.twilio.com",
            friendlyName: "Scranton Office",
            voiceUrl: "https://dundermifflin.example.com/twilio/app.php?x=1&y=2",
            voiceMethod: .post,
            voiceFallbackUrl: "",
            voiceFallbackMethod: .get,
            voiceStatusCallbackUrl: "https://dundermifflin.example.com/status",
            voiceStatusCallbackMethod: .unknown("PROPFIND"),
            sipRegistration: true,
            emergencyCallingEnabled: false,
            secure: true,
            byocTrunkSid: "BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            emergencyCallerSid: "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        )
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains.json")
        #expect(request.headerLines == Fixture.headers(form: true))
        #expect(
            request.bodyText
                == "DomainName=dunder-mifflin-scranton.sip.twilio.com&FriendlyName=Scranton+Office"
                + "&VoiceUrl=https%3A%2F%2Fdundermifflin.example.com%2Ftwilio%2Fapp.php%3Fx%3D1%26y%3D2"
                + "&VoiceMethod=POST&VoiceFallbackUrl=&VoiceFallbackMethod=GET"
                + "&VoiceStatusCallbackUrl=https%3A%2F%2Fdundermifflin.example.com%2Fstatus"
                + "&VoiceStatusCallbackMethod=PROPFIND&SipRegistration=true&EmergencyCallingEnabled=false&Secure=true"
                + "&ByocTrunkSid=BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&EmergencyCallerSid=PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        )
    }

    @Test func fetch() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        _ = try await Fixture.client(transport).sipDomains.fetch(sid: Fixture.domain)
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains/SD00000000000000000000000000000001.json")
        #expect(request.headerLines == Fixture.headers(form: false))
        #expect(request.body == nil)
    }

    @Test func aPageWithNoParameters() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("list"))])
        _ = try await Fixture.client(transport).sipDomains.page()
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains.json")
        #expect(request.headerLines == Fixture.headers(form: false))
        #expect(request.body == nil)
    }

    @Test func aPageWithEveryParameter() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("list"))])
        _ = try await Fixture.client(transport).sipDomains.page(pageSize: 20, page: 2, pageToken: "PA/x y")
        let request = try #require(transport.requests.first)
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains.json?PageSize=20&Page=2&PageToken=PA%2Fx+y")
        #expect(request.body == nil)
    }

    @Test func updateSendsOnlyWhatTheCallerSet() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("update"))])
        _ = try await Fixture.client(transport).sipDomains.update(sid: Fixture.domain, friendlyName: "friendly_name")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains/SD00000000000000000000000000000001.json")
        #expect(request.headerLines == Fixture.headers(form: true))
        #expect(request.bodyText == "FriendlyName=friendly_name")
    }

    @Test func updateWithEveryParameter() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("update"))])
        _ = try await Fixture.client(transport).sipDomains.update(
            sid: Fixture.domain,
            friendlyName: "Scranton Office",
            voiceFallbackMethod: .post,
            voiceFallbackUrl: "https://example.com/fallback",
            voiceMethod: .get,
            voiceStatusCallbackMethod: .post,
            voiceStatusCallbackUrl: "https://example.com/status",
            voiceUrl: "https://example.com/voice",
            sipRegistration: false,
            domainName: "scranton.sip.twilio.com",
            emergencyCallingEnabled: true,
            secure: false,
            byocTrunkSid: "BYbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
            emergencyCallerSid: "PNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
        )
        let request = try #require(transport.requests.first)
        #expect(
            request.bodyText
                == "FriendlyName=Scranton+Office&VoiceFallbackMethod=POST"
                + "&VoiceFallbackUrl=https%3A%2F%2Fexample.com%2Ffallback&VoiceMethod=GET&VoiceStatusCallbackMethod=POST"
                + "&VoiceStatusCallbackUrl=https%3A%2F%2Fexample.com%2Fstatus&VoiceUrl=https%3A%2F%2Fexample.com%2Fvoice"
                + "&SipRegistration=false&DomainName=scranton.sip.twilio.com&EmergencyCallingEnabled=true&Secure=false"
                + "&ByocTrunkSid=BYbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb&EmergencyCallerSid=PNbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
        )
    }

    @Test func delete() async throws {
        let transport = RecordingTransport(responses: [ClientResponse(status: 204)])
        try await Fixture.client(transport).sipDomains.delete(sid: Fixture.domain)
        let request = try #require(transport.requests.first)
        #expect(request.method == "DELETE")
        #expect(request.url == "\(Fixture.accountPath)/SIP/Domains/SD00000000000000000000000000000001.json")
        #expect(request.headerLines == Fixture.headers(form: false))
        #expect(request.body == nil)
    }

    @Test func anotherAccountCanBeNamedPerCall() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        _ = try await Fixture.client(transport).sipDomains.fetch(sid: Fixture.domain, accountSid: Fixture.otherAccount)
        #expect(
            transport.requests.first?.url
                == "https://api.twilio.com/2010-04-01/Accounts/ACfedcba9876543210fedcba9876543210/SIP/Domains/SD00000000000000000000000000000001.json"
        )
    }

    @Test func pathValuesArePercentEncoded() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        _ = try await Fixture.client(transport).sipDomains.fetch(sid: SipDomainSid("SD../x?y"))
        #expect(transport.requests.first?.url == "\(Fixture.accountPath)/SIP/Domains/SD..%2Fx%3Fy.json")
    }

    @Test func anAPIKeyAuthenticatesForItsAccount() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        let client = SipDomainAPI(
            apiKey: "SK0123456789abcdef0123456789abcdef",
            apiSecret: "api-secret-value",
            accountSid: Fixture.account,
            transport: transport
        )
        _ = try await client.sipDomains.fetch(sid: Fixture.domain)
        let request = try #require(transport.requests.first)
        #expect(request.url.hasPrefix(Fixture.accountPath))
        #expect(
            request.header("Authorization")
                == "Basic U0swMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjphcGktc2VjcmV0LXZhbHVl"
        )
    }

    @Test func credentialsComeFromTheEnvironment() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        let client = try SipDomainAPI(
            environment: ["TWILIO_ACCOUNT_SID": Fixture.account.rawValue, "TWILIO_AUTH_TOKEN": Fixture.token],
            transport: transport
        )
        _ = try await client.sipDomains.fetch(sid: Fixture.domain)
        #expect(client.accountSid == Fixture.account)
        #expect(transport.requests.first?.header("Authorization") == Fixture.authorization)
    }

    @Test func aMissingVariableIsNamed() {
        #expect {
            try SipDomainAPI(environment: ["TWILIO_ACCOUNT_SID": Fixture.account.rawValue])
        } throws: { error in
            guard case ClientError.missingCredentials(let variable) = error else { return false }
            return variable == "TWILIO_AUTH_TOKEN"
        }
        #expect(throws: ClientError.self) { try SipDomainAPI(environment: [:]) }
    }

    @Test func baseURLAndTimeoutAreConfigurable() async throws {
        let transport = RecordingTransport(responses: [.json(200, try Fixture.example("fetch"))])
        let configuration = ClientConfiguration(baseURL: "http://127.0.0.1:8080/", timeout: .seconds(3))
        _ = try await Fixture.client(transport, configuration: configuration).sipDomains.fetch(sid: Fixture.domain)
        #expect(
            transport.requests.first?.url
                == "http://127.0.0.1:8080/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains/SD00000000000000000000000000000001.json"
        )
        #expect(transport.requestTimeouts == [.seconds(3)])
    }
}
