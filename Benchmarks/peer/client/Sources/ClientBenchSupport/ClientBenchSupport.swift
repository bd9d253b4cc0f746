import Foundation

/// One client under measurement, on an in-memory transport that answers canned bytes.
///
/// Each call goes through the client's public API, as an application's would: the client builds
/// the request, its transport reads it (headers and body) and answers the stored status, headers
/// and bytes, and the client decodes the answer into its types.
public protocol ClientSide: Sendable {
    /// Lists one page of 1000 domains (the list call with a page size of 1000): how many it decoded.
    func listPage() async throws -> Int
    /// Fetches one domain: the length of its decoded friendly name.
    func fetch() async throws -> Int
    /// Creates one domain with a form of seven fields: the length of the answer's friendly name.
    func create() async throws -> Int

    /// The page a list call decoded, every field of every domain as text (see ``Record``).
    func listedRecords() async throws -> [Record]
    /// The domain a fetch decoded, and the one a create decoded.
    func fetchedAndCreated() async throws -> (fetched: Record, created: Record)
    /// The requests the transport received for a list, a fetch and a create, in that order.
    func sentRequests() async throws -> [SentRequest]
}

/// The decoded fields of one domain or page, in the order of the JSON, each as `name=value`;
/// `null` for nil, `true`/`false`, dates as RFC 2822 text, objects as `{key:value,…}` sorted by key.
public typealias Record = [String]

/// What a transport received: method, URL, headers and body, as text.
public struct SentRequest: Sendable, Equatable, CustomStringConvertible {
    public var method: String
    public var url: String
    /// `name: value`, names in lower case, in the order sent.
    public var headers: [String]
    public var body: String

    public init(method: String, url: String, headers: [String], body: String) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The body read as a form: its pairs, decoded.
    public var formPairs: [String] {
        body.split(separator: "&").map { pair in
            String(pair).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(pair)
        }
    }

    public var description: String {
        "\(method) \(url)\n  " + headers.joined(separator: "\n  ") + (body.isEmpty ? "" : "\n  body: \(body)")
    }
}

/// Collects what a transport received, for the checks; the timed runs record nothing.
public final class RequestRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SentRequest] = []

    public init() {}

    public func record(_ request: SentRequest) {
        lock.withLock { recorded.append(request) }
    }

    public var requests: [SentRequest] { lock.withLock { recorded } }
}

/// Keeps a value alive without the optimizer seeing through it, so that a transport's reading of
/// the request is not removed.
@inline(never)
public func blackHole(_ value: Int) {
    if value == -0x7FFF_FFFF_FFFF { print(value) }
}

/// The canned answers, the same bytes for both clients, and what decoding them must give.
public enum Fixture {
    public static let accountSid = "AC0123456789abcdef0123456789abcdef"
    public static let authToken = "0123456789abcdef0123456789abcdef"
    public static let fetchedSid = "SD0000000000000000000000000000002a"
    public static let domainCount = 1000

    /// The JSON of domain `index`, as Twilio writes it, with both kinds of null (`voice_fallback_url`
    /// and `voice_status_callback_url`) and both dates.
    public static func domainJSON(_ index: Int) -> String {
        let sid = sid(index)
        let base = "/2010-04-01/Accounts/\(accountSid)/SIP/Domains/\(sid)"
        return """
            {"account_sid": "\(accountSid)", "api_version": "2010-04-01", "auth_type": "IP_ACL", \
            "date_created": "Mon, 20 Jul 2015 17:27:10 +0000", "date_updated": "Tue, 21 Jul 2015 08:05:09 +0000", \
            "domain_name": "dunder-mifflin-scranton-\(index).sip.twilio.com", "friendly_name": "Scranton Office \(index)", \
            "sip_registration": true, "sid": "\(sid)", \
            "subresource_uris": {"credential_list_mappings": "\(base)/CredentialListMappings.json", \
            "ip_access_control_list_mappings": "\(base)/IpAccessControlListMappings.json"}, \
            "uri": "\(base).json", "voice_fallback_method": "POST", "voice_fallback_url": null, "voice_method": "GET", \
            "voice_status_callback_method": "POST", "voice_status_callback_url": null, \
            "voice_url": "https://dundermifflin.example.com/twilio/app.php", "emergency_calling_enabled": \(index % 2 == 0), \
            "secure": true, "byoc_trunk_sid": "BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", \
            "emergency_caller_sid": "PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
            """
    }

    public static func sid(_ index: Int) -> String {
        let hex = String(index, radix: 16)
        return "SD" + String(repeating: "0", count: 32 - hex.count) + hex
    }

    /// The list page: `domainCount` domains and the paging members, one of them null.
    public static let pageJSON: [UInt8] = {
        let domains = (0..<domainCount).map(domainJSON).joined(separator: ", ")
        let page = """
            {"domains": [\(domains)], "start": 0, "end": \(domainCount - 1), "page": 0, "page_size": \(domainCount), \
            "uri": "/2010-04-01/Accounts/\(accountSid)/SIP/Domains.json?PageSize=\(domainCount)&Page=0", \
            "first_page_uri": "/2010-04-01/Accounts/\(accountSid)/SIP/Domains.json?PageSize=\(domainCount)&Page=0", \
            "next_page_uri": "/2010-04-01/Accounts/\(accountSid)/SIP/Domains.json?PageSize=\(domainCount)&Page=1", \
            "previous_page_uri": null}
            """
        return Array(page.utf8)
    }()

    /// The answer to a fetch and to a create: domain 42.
    public static let domain: [UInt8] = Array(domainJSON(42).utf8)

    /// What the records of domain `index` must read.
    public static func expectedRecord(_ index: Int) -> Record {
        let sid = sid(index)
        let base = "/2010-04-01/Accounts/\(accountSid)/SIP/Domains/\(sid)"
        return [
            "account_sid=\(accountSid)", "api_version=2010-04-01", "auth_type=IP_ACL",
            "date_created=Mon, 20 Jul 2015 17:27:10 +0000", "date_updated=Tue, 21 Jul 2015 08:05:09 +0000",
            "domain_name=dunder-mifflin-scranton-\(index).sip.twilio.com", "friendly_name=Scranton Office \(index)",
            "sip_registration=true", "sid=\(sid)",
            "subresource_uris={credential_list_mappings:\(base)/CredentialListMappings.json,"
                + "ip_access_control_list_mappings:\(base)/IpAccessControlListMappings.json}",
            "uri=\(base).json", "voice_fallback_method=POST", "voice_fallback_url=null", "voice_method=GET",
            "voice_status_callback_method=POST", "voice_status_callback_url=null",
            "voice_url=https://dundermifflin.example.com/twilio/app.php",
            "emergency_calling_enabled=\(index % 2 == 0)", "secure=true",
            "byoc_trunk_sid=BYaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "emergency_caller_sid=PNaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        ]
    }

    /// What the record of the page's own members must read.
    public static let expectedPageRecord: Record = [
        "start=0", "end=\(domainCount - 1)", "page=0", "page_size=\(domainCount)",
        "uri=/2010-04-01/Accounts/\(accountSid)/SIP/Domains.json?PageSize=\(domainCount)&Page=0",
        "first_page_uri=/2010-04-01/Accounts/\(accountSid)/SIP/Domains.json?PageSize=\(domainCount)&Page=0",
        "next_page_uri=/2010-04-01/Accounts/\(accountSid)/SIP/Domains.json?PageSize=\(domainCount)&Page=1",
        "previous_page_uri=null",
    ]

    /// The fields of the create call, the same for both clients.
    public enum Create {
        public static let domainName = "dunder-mifflin-scranton.sip.twilio.com"
        public static let friendlyName = "Scranton Office"
        public static let voiceUrl = "https://dundermifflin.example.com/twilio/app.php?office=scranton&floor=2"
        /// `voiceMethod` is POST.
        public static let sipRegistration = true
        public static let emergencyCallingEnabled = true
        public static let secure = true
    }

    /// The form pairs a create must send, decoded.
    public static let expectedFormPairs = [
        "DomainName=\(Create.domainName)", "FriendlyName=\(Create.friendlyName)", "VoiceUrl=\(Create.voiceUrl)",
        "VoiceMethod=POST", "SipRegistration=true", "EmergencyCallingEnabled=true", "Secure=true",
    ]

    /// `{key:value,…}`, sorted by key.
    public static func objectText(_ pairs: [(String, String)]) -> String {
        "{" + pairs.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" }.joined(separator: ",") + "}"
    }

    /// `name=value`, or `name=null`.
    public static func field(_ name: String, _ value: (some CustomStringConvertible)?) -> String {
        "\(name)=" + (value.map { "\($0)" } ?? "null")
    }
}
