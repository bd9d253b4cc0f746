import Foundation
import SipDomainModels

/// Decodes a list page of 1000 SIP Domains with the generated models, and prints the median time
/// per page over `runs` decodes (default 50) as `page_1000_decode_ms <median>`.
@main
struct ClientDecoding {
    static func main() throws {
        let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 50 : 50
        let domain = """
            {"account_sid": "AC0123456789abcdef0123456789abcdef", "api_version": "2010-04-01", "auth_type": "IP_ACL",
             "date_created": "Mon, 20 Jul 2015 17:27:10 +0000", "date_updated": "Mon, 20 Jul 2015 17:27:10 +0000",
             "domain_name": "dunder-mifflin-scranton-%d.sip.twilio.com", "friendly_name": "Scranton Office %d",
             "sip_registration": true, "sid": "SD%032x",
             "subresource_uris": {"credential_list_mappings": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains/SD%032x/CredentialListMappings.json",
               "ip_access_control_list_mappings": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains/SD%032x/IpAccessControlListMappings.json"},
             "uri": "/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/SIP/Domains/SD%032x.json",
             "voice_fallback_method": "POST", "voice_fallback_url": null, "voice_method": "POST",
             "voice_status_callback_method": "POST", "voice_status_callback_url": null,
             "voice_url": "https://dundermifflin.example.com/twilio/app.php", "emergency_calling_enabled": true,
             "secure": true, "byoc_trunk_sid": "BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "emergency_caller_sid": "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
            """
        let items = (0..<1000).map { index in
            String(format: domain, index, index, index, index, index, index)
        }
        let page = """
            {"domains": [\(items.joined(separator: ","))], "start": 0, "end": 999, "page": 0, "page_size": 1000,
             "uri": "/u", "first_page_uri": "/f", "next_page_uri": "/n", "previous_page_uri": null}
            """
        let data = Data(page.utf8)
        var timings: [Double] = []
        let decoder = JSONDecoder()
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let decoded = try decoder.decode(SipDomainPage.self, from: data)
            let elapsed = ContinuousClock.now - start
            precondition(decoded.domains.count == 1000)
            timings.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        timings.sort()
        print("page_1000_bytes \(data.count)")
        print(String(format: "page_1000_decode_ms %.3f", timings[timings.count / 2]))
    }
}
