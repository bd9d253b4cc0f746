import Foundation
import GenRuntime
import SipDomainModels
import Testing

/// `writeJSON(to:)`, the server's fast encoding, says what `Codable` encoding says.
@Suite struct GeneratedJSONWriterTests {
    @Test(arguments: ["create", "fetch", "update"])
    func writtenJSONEqualsTheEncodedJSON(_ name: String) throws {
        let domain = try JSONDecoder().decode(SipDomain.self, from: DocumentedResponsesTests.example(name))
        let written = Data(domain.jsonBytes)
        #expect(
            try DocumentedResponsesTests.object(written)
                == DocumentedResponsesTests.object(JSONEncoder().encode(domain))
        )
        #expect(try JSONDecoder().decode(SipDomain.self, from: written) == domain)
    }

    @Test func aPageIsWrittenWithItsItemsInTheAPIsOrder() throws {
        let page = try JSONDecoder().decode(SipDomainPage.self, from: DocumentedResponsesTests.example("list"))
        let text = String(decoding: page.jsonBytes, as: UTF8.self)
        #expect(
            text.hasPrefix(
                #"{"domains":[{"account_sid":"ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","api_version":"2010-04-01","#
            )
        )
        #expect(
            text.hasSuffix(
                #""previous_page_uri":"/2010-04-01/Accounts/ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX/SIP/Domains.json?PageSize=50&Page=0"}"#
            )
        )
        #expect(try JSONDecoder().decode(SipDomainPage.self, from: Data(page.jsonBytes)) == page)
    }

    @Test func stringsAreEscaped() throws {
        let domain = SipDomain(friendlyName: "quote \" backslash \\ newline \n tab \t bell \u{07} é ☎", voiceUrl: nil)
        let written = Data(domain.jsonBytes)
        #expect(try JSONDecoder().decode(SipDomain.self, from: written).friendlyName == domain.friendlyName)
        #expect(
            String(decoding: written, as: UTF8.self).contains(
                #""friendly_name":"quote \" backslash \\ newline \n tab \t bell \u0007 é ☎""#
            )
        )
        #expect(String(decoding: written, as: UTF8.self).contains(#""voice_url":null"#))
    }
}
