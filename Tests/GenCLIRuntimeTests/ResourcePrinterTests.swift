import Foundation
import Testing

@testable import GenCLIRuntime

/// How a generated CLI prints resources: headings with the runtime's acronyms and the API's.
@Suite struct ResourcePrinterTests {
    struct Domain: Encodable {
        var sid = "SD0123"
        var domainName = "a.sip.example.com"
        var sipRegistration = true
        var byocTrunkSid: String? = nil
        var voiceUrl = "https://example.com/voice"

        enum CodingKeys: String, CodingKey {
            case sid
            case domainName = "domain_name"
            case sipRegistration = "sip_registration"
            case byocTrunkSid = "byoc_trunk_sid"
            case voiceUrl = "voice_url"
        }
    }

    static let properties = ["sid", "domain_name", "sip_registration", "byoc_trunk_sid", "voice_url"]

    /// What a printer writes for `resources`.
    static func printed(
        _ format: OutputFormat,
        acronyms: [String],
        properties: [String] = properties,
        _ resources: [Domain] = [Domain()]
    ) throws -> String {
        let output = Output()
        var printer = ResourcePrinter(format: format, properties: properties, acronyms: acronyms, write: output.append)
        try printer.printPage(resources)
        printer.finish()
        return output.text
    }

    final class Output: @unchecked Sendable {
        var text = ""
        func append(_ part: String) { text += part }
    }

    @Test func headingsUseTheGenericAcronymsAndTheAPIs() throws {
        let text = try Self.printed(.columns, acronyms: ["SIP", "BYOC"])
        #expect(
            text.split(separator: "\n").first
                == "SID     Domain Name        SIP Registration  BYOC Trunk SID  Voice URL"
        )
    }

    @Test func withoutTheAPIsAcronymsOnlyTheGenericOnesAreCapitals() throws {
        let text = try Self.printed(.columns, acronyms: [])
        #expect(
            text.split(separator: "\n").first
                == "SID     Domain Name        Sip Registration  Byoc Trunk SID  Voice URL"
        )
    }

    @Test(arguments: [
        ("sip_registration", ["SIP"], "SIP Registration"),
        ("sip_registration", ["sip"], "sip Registration"),
        ("oauth_client_id", ["OAuth"], "OAuth Client ID"),
        ("voice_url", ["Url"], "Voice Url"),
        ("account_sid", [], "Account SID"),
        ("api_version", [], "API Version"),
        ("ip_address_uri", [], "IP Address URI"),
        ("Sip_registration", ["SIP"], "SIP Registration"),
        ("domain_name", ["SIP"], "Domain Name"),
        ("sipx", ["SIP"], "Sipx"),
    ])
    func aHeadingSpellsAnAcronymAsGiven(property: String, acronyms: [String], heading: String) {
        #expect(ResourcePrinter.heading(property, acronyms: ResourcePrinter.spellings(acronyms)) == heading)
    }

    @Test func tsvAndJSONKeepWireNames() throws {
        let tsv = try Self.printed(.tsv, acronyms: ["SIP"], properties: ["sid", "sip_registration"])
        #expect(tsv == "sid\tsip_registration\nSD0123\ttrue\n")
        let json = try Self.printed(.json, acronyms: ["SIP"])
        #expect(json.contains(#""sip_registration" : true"#))
    }

    /// A service of the v1 shape: an object and an array of objects among its properties.
    struct Service: Encodable {
        var sid = "XX01"
        var config = ["rp_id": "example.com", "attachment": "platform"]
        var links = [["rel": "self", "url": "/v1/Services/XX01"]]
        var score = 0.5
    }

    /// Nested values print as compact JSON, keys sorted, in a cell of their own.
    @Test func nestedValuesPrintAsCompactJSONInTSVAndColumns() throws {
        let properties = ["sid", "config", "links", "score"]
        let output = Output()
        var printer = ResourcePrinter(format: .tsv, properties: properties, acronyms: [], write: output.append)
        try printer.printPage([Service()])
        printer.finish()
        #expect(
            output.text == "sid\tconfig\tlinks\tscore\n"
                + #"XX01\#t{"attachment":"platform","rp_id":"example.com"}\#t[{"rel":"self","url":"/v1/Services/XX01"}]\#t0.5"#
                + "\n"
        )
        let columns = Output()
        var table = ResourcePrinter(format: .columns, properties: properties, acronyms: [], write: columns.append)
        try table.printPage([Service()])
        table.finish()
        #expect(columns.text.contains(#"{"attachment":"platform","rp_id":"example.com"}  [{"rel":"self""#))
    }
}
