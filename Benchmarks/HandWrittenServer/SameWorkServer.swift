import Foundation
import GenRuntime
import Hummingbird

/// The second baseline: the fetch and list routes written by hand the way one writes a Hummingbird
/// service, doing the work the local server does for each request. It checks Basic credentials
/// against the account, validates the path and query, finds the domains in a store behind a lock
/// (as the local server keeps them) and encodes `Codable` types with a `JSONEncoder`, answering the same JSON as the local
/// server (as JSON: `JSONEncoder` orders the members its own way). The store is filled from a
/// list answer of the local server.
enum SameWorkServer {
    static func router(account: String, token: String, seed: Data) throws -> Router<BasicRequestContext> {
        let store = DomainStore(account: account, domains: try JSONDecoder().decode(Page.self, from: seed).domains)
        let router = Router()
        router.get("/2010-04-01/Accounts/{AccountSid}/SIP/Domains/{Sid}.json") { request, context in
            try checkCredentials(request, account: account, token: token)
            let accountSid = try context.parameters.require("AccountSid")
            let sid = try context.parameters.require("Sid")
            guard sid.count == 34, sid.hasPrefix("SD") else {
                throw HTTPError(.badRequest, message: "Sid is not a SIP Domain SID")
            }
            guard let domain = store.domain(sid, account: accountSid) else { throw HTTPError(.notFound) }
            return try json(domain)
        }
        router.get("/2010-04-01/Accounts/{AccountSid}/SIP/Domains.json") { request, context in
            try checkCredentials(request, account: account, token: token)
            let accountSid = try context.parameters.require("AccountSid")
            let query = request.uri.queryParameters
            let size = try integer(query["PageSize"], default: 50, in: 1...1000)
            let number = try integer(query["Page"], default: 0, in: 0...(Int.max - 1))
            guard let page = store.page(account: accountSid, size: size, number: number) else {
                throw HTTPError(.notFound)
            }
            return try json(page)
        }
        return router
    }

    private static let encoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return encoder
    }()

    private static func json(_ value: some Encodable) throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }

    private static func integer(_ text: Substring?, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text else { return value }
        guard let number = Int(text), range.contains(number) else { throw HTTPError(.badRequest) }
        return number
    }

    private static func checkCredentials(_ request: Request, account: String, token: String) throws {
        guard let header = request.headers[.authorization], header.hasPrefix("Basic "),
            let data = Data(base64Encoded: String(header.dropFirst(6))),
            String(decoding: data, as: UTF8.self) == "\(account):\(token)"
        else { throw HTTPError(.unauthorized) }
    }
}

private final class DomainStore: @unchecked Sendable {
    let account: String
    private let lock = NSLock()
    private var domains: [Domain]

    init(account: String, domains: [Domain]) {
        self.account = account
        self.domains = domains
    }

    func domain(_ sid: String, account: String) -> Domain? {
        guard account == self.account else { return nil }
        return lock.withLock { domains.first { $0.sid == sid } }
    }

    func page(account: String, size: Int, number: Int) -> Page? {
        guard account == self.account else { return nil }
        let domains = lock.withLock { self.domains }
        let (offset, overflow) = number.multipliedReportingOverflow(by: size)
        let start = overflow ? domains.count : min(offset, domains.count)
        let items = Array(domains[start..<min(domains.count, start + size)])
        let path = "/2010-04-01/Accounts/\(account)/SIP/Domains.json"
        let hasNext = start + items.count < domains.count
        return Page(
            domains: items,
            start: start,
            end: start + max(items.count, 1) - 1,
            page: number,
            pageSize: size,
            uri: "\(path)?PageSize=\(size)&Page=\(number)",
            firstPageUri: "\(path)?PageSize=\(size)&Page=0",
            nextPageUri: hasNext ? "\(path)?PageSize=\(size)&Page=\(number + 1)&PageToken=PA\(items.last!.sid)" : nil,
            previousPageUri: number > 0 && start > 0
                ? "\(path)?PageSize=\(size)&Page=\(number - 1)&PageToken=PB\(items.first!.sid)" : nil
        )
    }
}

/// A SIP Domain as Twilio's JSON has it: every member written, `null` included.
private struct Domain: Codable, Sendable {
    var accountSid: String
    var apiVersion: String
    var authType: String?
    var dateCreated: Date
    var dateUpdated: Date
    var domainName: String
    var friendlyName: String?
    var sid: String
    var uri: String
    var voiceFallbackMethod: String
    var voiceFallbackUrl: String?
    var voiceMethod: String
    var voiceStatusCallbackMethod: String
    var voiceStatusCallbackUrl: String?
    var voiceUrl: String?
    var subresourceUris: [String: String]
    var sipRegistration: Bool
    var emergencyCallingEnabled: Bool
    var secure: Bool
    var byocTrunkSid: String?
    var emergencyCallerSid: String?

    enum CodingKeys: String, CodingKey {
        case accountSid = "account_sid", apiVersion = "api_version", authType = "auth_type"
        case dateCreated = "date_created", dateUpdated = "date_updated", domainName = "domain_name"
        case friendlyName = "friendly_name", sid, uri, voiceFallbackMethod = "voice_fallback_method"
        case voiceFallbackUrl = "voice_fallback_url", voiceMethod = "voice_method"
        case voiceStatusCallbackMethod = "voice_status_callback_method"
        case voiceStatusCallbackUrl = "voice_status_callback_url", voiceUrl = "voice_url"
        case subresourceUris = "subresource_uris", sipRegistration = "sip_registration"
        case emergencyCallingEnabled = "emergency_calling_enabled", secure, byocTrunkSid = "byoc_trunk_sid"
        case emergencyCallerSid = "emergency_caller_sid"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func date(_ key: CodingKeys) throws -> Date {
            let text = try container.decode(String.self, forKey: key)
            guard let date = RFC2822Date.date(from: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: text)
            }
            return date
        }
        accountSid = try container.decode(String.self, forKey: .accountSid)
        apiVersion = try container.decode(String.self, forKey: .apiVersion)
        authType = try container.decodeIfPresent(String.self, forKey: .authType)
        dateCreated = try date(.dateCreated)
        dateUpdated = try date(.dateUpdated)
        domainName = try container.decode(String.self, forKey: .domainName)
        friendlyName = try container.decodeIfPresent(String.self, forKey: .friendlyName)
        sid = try container.decode(String.self, forKey: .sid)
        uri = try container.decode(String.self, forKey: .uri)
        voiceFallbackMethod = try container.decode(String.self, forKey: .voiceFallbackMethod)
        voiceFallbackUrl = try container.decodeIfPresent(String.self, forKey: .voiceFallbackUrl)
        voiceMethod = try container.decode(String.self, forKey: .voiceMethod)
        voiceStatusCallbackMethod = try container.decode(String.self, forKey: .voiceStatusCallbackMethod)
        voiceStatusCallbackUrl = try container.decodeIfPresent(String.self, forKey: .voiceStatusCallbackUrl)
        voiceUrl = try container.decodeIfPresent(String.self, forKey: .voiceUrl)
        subresourceUris = try container.decode([String: String].self, forKey: .subresourceUris)
        sipRegistration = try container.decode(Bool.self, forKey: .sipRegistration)
        emergencyCallingEnabled = try container.decode(Bool.self, forKey: .emergencyCallingEnabled)
        secure = try container.decode(Bool.self, forKey: .secure)
        byocTrunkSid = try container.decodeIfPresent(String.self, forKey: .byocTrunkSid)
        emergencyCallerSid = try container.decodeIfPresent(String.self, forKey: .emergencyCallerSid)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accountSid, forKey: .accountSid)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(authType, forKey: .authType)
        try container.encode(RFC2822Date.string(from: dateCreated), forKey: .dateCreated)
        try container.encode(RFC2822Date.string(from: dateUpdated), forKey: .dateUpdated)
        try container.encode(domainName, forKey: .domainName)
        try container.encode(friendlyName, forKey: .friendlyName)
        try container.encode(sid, forKey: .sid)
        try container.encode(uri, forKey: .uri)
        try container.encode(voiceFallbackMethod, forKey: .voiceFallbackMethod)
        try container.encode(voiceFallbackUrl, forKey: .voiceFallbackUrl)
        try container.encode(voiceMethod, forKey: .voiceMethod)
        try container.encode(voiceStatusCallbackMethod, forKey: .voiceStatusCallbackMethod)
        try container.encode(voiceStatusCallbackUrl, forKey: .voiceStatusCallbackUrl)
        try container.encode(voiceUrl, forKey: .voiceUrl)
        try container.encode(subresourceUris, forKey: .subresourceUris)
        try container.encode(sipRegistration, forKey: .sipRegistration)
        try container.encode(emergencyCallingEnabled, forKey: .emergencyCallingEnabled)
        try container.encode(secure, forKey: .secure)
        try container.encode(byocTrunkSid, forKey: .byocTrunkSid)
        try container.encode(emergencyCallerSid, forKey: .emergencyCallerSid)
    }
}

private struct Page: Codable, Sendable {
    var domains: [Domain]
    var start: Int
    var end: Int
    var page: Int
    var pageSize: Int
    var uri: String
    var firstPageUri: String
    var nextPageUri: String?
    var previousPageUri: String?

    enum CodingKeys: String, CodingKey {
        case domains, start, end, page, pageSize = "page_size", uri, firstPageUri = "first_page_uri"
        case nextPageUri = "next_page_uri", previousPageUri = "previous_page_uri"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(domains, forKey: .domains)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(page, forKey: .page)
        try container.encode(pageSize, forKey: .pageSize)
        try container.encode(uri, forKey: .uri)
        try container.encode(firstPageUri, forKey: .firstPageUri)
        try container.encode(nextPageUri, forKey: .nextPageUri)
        try container.encode(previousPageUri, forKey: .previousPageUri)
    }
}
