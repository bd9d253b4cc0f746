import Foundation
import GenRuntime
import SipDomainModels
import Testing

/// The example responses of the SIP Domain documentation decode into the generated models and
/// encode back to the same JSON.
@Suite struct DocumentedResponsesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Examples")

    static func example(_ name: String) throws -> Data {
        try Data(contentsOf: examples.appendingPathComponent("\(name).json"))
    }

    /// The JSON as a tree, for comparing documents regardless of key order but strictly by kind:
    /// `true` is not `1`, and `null` is not a missing key.
    static func object(_ data: Data) throws -> [String: JSONTree] {
        guard case .object(let members) = try JSONDecoder().decode(JSONTree.self, from: data) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a JSON object"))
        }
        return members
    }

    @Test(arguments: ["create", "fetch", "update"])
    func instanceResponseDecodesAndEncodesBack(_ name: String) throws {
        let data = try Self.example(name)
        let domain = try JSONDecoder().decode(SipDomain.self, from: data)
        let encoded = try JSONEncoder().encode(domain)
        #expect(try Self.object(encoded) == Self.object(data))
    }

    @Test func fetchResponseDecodesEveryProperty() throws {
        let domain = try JSONDecoder().decode(SipDomain.self, from: Self.example("fetch"))
        #expect(domain.accountSid == AccountSid("ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
        #expect(domain.apiVersion == "2010-04-01")
        #expect(domain.authType == "IP_ACL")
        #expect(domain.dateCreated == Date(timeIntervalSince1970: 1_437_413_230))
        #expect(domain.dateUpdated == Date(timeIntervalSince1970: 1_437_413_230))
        #expect(domain.domainName == "dunder-mifflin-scranton.sip.twilio.com")
        #expect(domain.friendlyName == "Scranton Office")
        #expect(domain.sipRegistration == true)
        #expect(domain.sid == SipDomainSid("SDXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
        #expect(
            domain.subresourceUris?["credential_list_mappings"]
                == "/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/SIP/Domains/SDXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/CredentialListMappings.json"
        )
        #expect(domain.subresourceUris?.count == 2)
        #expect(
            domain.uri
                == "/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/SIP/Domains/SDXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.json"
        )
        #expect(domain.voiceFallbackMethod == .post)
        #expect(domain.voiceFallbackUrl == nil)
        #expect(domain.voiceMethod == .post)
        #expect(domain.voiceStatusCallbackMethod == .post)
        #expect(domain.voiceStatusCallbackUrl == nil)
        #expect(domain.voiceUrl == "https://dundermifflin.example.com/twilio/app.php")
        #expect(domain.emergencyCallingEnabled == true)
        #expect(domain.secure == true)
        #expect(domain.byocTrunkSid == ByocTrunkSid("BYXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
        #expect(domain.emergencyCallerSid == PhoneNumberSid("PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
    }

    @Test(arguments: ["list", "list-empty"])
    func listResponseDecodesAndEncodesBack(_ name: String) throws {
        let data = try Self.example(name)
        let page = try JSONDecoder().decode(SipDomainPage.self, from: data)
        let encoded = try JSONEncoder().encode(page)
        #expect(try Self.object(encoded) == Self.object(data))
    }

    @Test func theComparisonTellsBooleansFromNumbersAndNullFromMissing() throws {
        #expect(try Self.object(Data(#"{"a": true}"#.utf8)) != Self.object(Data(#"{"a": 1}"#.utf8)))
        #expect(try Self.object(Data(#"{"a": null}"#.utf8)) != Self.object(Data(#"{}"#.utf8)))
        #expect(try Self.object(Data(#"{"a": [1, "b"]}"#.utf8)) == Self.object(Data(#"{"a":[1.0,"b"]}"#.utf8)))
    }

    @Test func listResponseDecodesTheEnvelope() throws {
        let page = try JSONDecoder().decode(SipDomainPage.self, from: Self.example("list"))
        #expect(page.domains.count == 1)
        #expect(page.domains.first?.friendlyName == "Scranton Office")
        #expect(page.start == 0)
        #expect(page.end == 0)
        #expect(page.page == 0)
        #expect(page.pageSize == 50)
        #expect(page.firstPageUri.hasSuffix("Domains.json?PageSize=50&Page=0"))
        #expect(page.nextPageUri?.hasSuffix("Domains.json?PageSize=50&Page=50") == true)
        #expect(page.previousPageUri?.hasSuffix("Domains.json?PageSize=50&Page=0") == true)
        #expect(page.uri.hasSuffix("Domains.json?PageSize=50&Page=0"))

        let empty = try JSONDecoder().decode(SipDomainPage.self, from: Self.example("list-empty"))
        #expect(empty.domains.isEmpty)
        #expect(empty.nextPageUri == nil)
        #expect(empty.previousPageUri == nil)
    }

    @Test func datesEncodeBackToTheSameText() throws {
        let domain = try JSONDecoder().decode(SipDomain.self, from: Self.example("create"))
        let encoded = try Self.object(JSONEncoder().encode(domain))
        #expect(encoded["date_created"] == .string("Mon, 20 Jul 2015 17:27:10 +0000"))
        #expect(encoded["date_updated"] == .string("Mon, 20 Jul 2015 17:27:10 +0000"))
    }

    @Test func nullsStayNullWhenEncoded() throws {
        let domain = try JSONDecoder().decode(SipDomain.self, from: Self.example("fetch"))
        let encoded = try Self.object(JSONEncoder().encode(domain))
        #expect(encoded["voice_fallback_url"] == .null)
        #expect(encoded["voice_status_callback_url"] == .null)
    }

    @Test func aDateThatIsNotRFC2822FailsToDecodeNamingTheKey() throws {
        let json = Data(#"{"date_created": "2015-07-20T17:27:10Z"}"#.utf8)
        #expect {
            try JSONDecoder().decode(SipDomain.self, from: json)
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.codingPath.map(\.stringValue) == ["date_created"]
                && context.debugDescription.contains("not an RFC 2822 date")
        }
    }
}

/// Any JSON document, told apart by kind: a boolean never equals a number, as `NSDictionary`'s
/// comparison would have it.
enum JSONTree: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }
}
