import Foundation
import OpenAPIRuntime

typealias Domain = Components.Schemas.Api_v2010_account_sip_sipDomain
typealias DomainPage = Operations.ListSipDomain.Output.Ok.Body.JsonPayload

/// The SIP Domain API over an in-memory store, on swift-openapi-generator's types and server: the
/// same rules as gen's local server (`InMemorySipDomains`), written the way one implements a
/// generated `APIProtocol`. The caller comes from ``BasicAuthMiddleware``; what the generated
/// code does not check (the SID patterns and the ranges of `PageSize` and `Page`), the handler
/// does. Errors are thrown as ``TwilioError``, which the runtime's `ErrorHandlingMiddleware`
/// answers as Twilio's error JSON (the generated server answers an undocumented response's
/// status without its body).
///
/// Requests see and change the store one at a time, under a lock.
final class PeerSipDomains: APIProtocol, @unchecked Sendable {
    static let apiVersion = "2010-04-01"

    private let lock = NSLock()
    /// Each account's domains, in the order they were created.
    private var domains: [String: [Domain]] = [:]

    /// A store holding `domains`, such as the `domains` of a list answer.
    init(domains: [Domain] = []) {
        for domain in domains {
            self.domains[domain.accountSid ?? "", default: []].append(domain)
        }
    }

    private func withLock<Result>(_ body: (inout [String: [Domain]]) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&domains)
    }

    // MARK: Operations

    func fetchSipDomain(_ input: Operations.FetchSipDomain.Input) async throws -> Operations.FetchSipDomain.Output {
        let (account, sid) = try Self.validated(input.path.accountSid, input.path.sid)
        let domain = try withLock { domains in
            let (account, index) = try Self.locate(sid, in: account, domains)
            return domains[account]![index]
        }
        return .ok(.init(body: .json(domain)))
    }

    func listSipDomain(_ input: Operations.ListSipDomain.Input) async throws -> Operations.ListSipDomain.Output {
        let account = try Self.validated(account: input.path.accountSid)
        let size = Int(input.query.pageSize ?? 50)
        guard (1...1000).contains(size) else {
            throw TwilioError.invalid("PageSize must be between 1 and 1000, not \(size)")
        }
        let number = input.query.page ?? 0
        guard number >= 0 else { throw TwilioError.invalid("Page must be at least 0, not \(number)") }
        try Self.own(account, path: Self.listPath(account))
        let all = withLock { $0[account] ?? [] }
        let page = try Self.page(
            of: all,
            account: account,
            size: size,
            number: number,
            token: input.query.pageToken
        )
        return .ok(.init(body: .json(page)))
    }

    func createSipDomain(_ input: Operations.CreateSipDomain.Input) async throws -> Operations.CreateSipDomain.Output {
        let account = try Self.validated(account: input.path.accountSid)
        try Self.own(account, path: "/\(Self.apiVersion)/Accounts/\(account)")
        guard case .urlEncodedForm(let form) = input.body else {
            throw TwilioError.invalid("DomainName is required", code: 21231)
        }
        try Self.check(domainName: form.domainName)
        try Self.check(friendlyName: form.friendlyName)
        try Self.check(form.byocTrunkSid, "ByocTrunkSid", prefix: "BY")
        try Self.check(form.emergencyCallerSid, "EmergencyCallerSid", prefix: "PN")
        let sid = "SD" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let date = Self.now()
        let base = "/\(Self.apiVersion)/Accounts/\(account)/SIP/Domains/\(sid)"
        let domain = Domain(
            accountSid: account,
            apiVersion: Self.apiVersion,
            dateCreated: date,
            dateUpdated: date,
            domainName: form.domainName,
            friendlyName: form.friendlyName,
            sid: sid,
            uri: base + ".json",
            voiceFallbackMethod: .init(rawValue: form.voiceFallbackMethod?.rawValue ?? "POST"),
            voiceFallbackUrl: form.voiceFallbackUrl,
            voiceMethod: .init(rawValue: form.voiceMethod?.rawValue ?? "POST"),
            voiceStatusCallbackMethod: .init(rawValue: form.voiceStatusCallbackMethod?.rawValue ?? "POST"),
            voiceStatusCallbackUrl: form.voiceStatusCallbackUrl,
            voiceUrl: form.voiceUrl,
            subresourceUris: try OpenAPIObjectContainer(unvalidatedValue: [
                "credential_list_mappings": base + "/CredentialListMappings.json",
                "ip_access_control_list_mappings": base + "/IpAccessControlListMappings.json",
                "auth": base + "/Auth.json",
            ]),
            sipRegistration: form.sipRegistration ?? false,
            emergencyCallingEnabled: form.emergencyCallingEnabled ?? false,
            secure: form.secure ?? false,
            byocTrunkSid: form.byocTrunkSid,
            emergencyCallerSid: form.emergencyCallerSid
        )
        try withLock { domains in
            try Self.checkUnique(form.domainName, except: nil, in: domains)
            domains[account, default: []].append(domain)
        }
        return .created(.init(body: .json(domain)))
    }

    func updateSipDomain(_ input: Operations.UpdateSipDomain.Input) async throws -> Operations.UpdateSipDomain.Output {
        let (account, sid) = try Self.validated(input.path.accountSid, input.path.sid)
        var form = Operations.UpdateSipDomain.Input.Body.UrlEncodedFormPayload()
        if case .urlEncodedForm(let body) = input.body { form = body }
        if let name = form.domainName { try Self.check(domainName: name) }
        try Self.check(friendlyName: form.friendlyName)
        try Self.check(form.byocTrunkSid, "ByocTrunkSid", prefix: "BY")
        try Self.check(form.emergencyCallerSid, "EmergencyCallerSid", prefix: "PN")
        let updated = Self.now()
        let domain = try withLock { domains in
            let (account, index) = try Self.locate(sid, in: account, domains)
            var domain = domains[account]![index]
            if let name = form.domainName {
                try Self.checkUnique(name, except: domain.sid, in: domains)
                domain.domainName = name
            }
            domain.friendlyName = form.friendlyName ?? domain.friendlyName
            domain.voiceUrl = form.voiceUrl ?? domain.voiceUrl
            domain.voiceFallbackUrl = form.voiceFallbackUrl ?? domain.voiceFallbackUrl
            domain.voiceStatusCallbackUrl = form.voiceStatusCallbackUrl ?? domain.voiceStatusCallbackUrl
            if let method = form.voiceMethod { domain.voiceMethod = .init(rawValue: method.rawValue) }
            if let method = form.voiceFallbackMethod {
                domain.voiceFallbackMethod = .init(rawValue: method.rawValue)
            }
            if let method = form.voiceStatusCallbackMethod {
                domain.voiceStatusCallbackMethod = .init(rawValue: method.rawValue)
            }
            domain.sipRegistration = form.sipRegistration ?? domain.sipRegistration
            domain.emergencyCallingEnabled = form.emergencyCallingEnabled ?? domain.emergencyCallingEnabled
            domain.secure = form.secure ?? domain.secure
            domain.byocTrunkSid = form.byocTrunkSid ?? domain.byocTrunkSid
            domain.emergencyCallerSid = form.emergencyCallerSid ?? domain.emergencyCallerSid
            domain.dateUpdated = updated
            domains[account]![index] = domain
            return domain
        }
        return .ok(.init(body: .json(domain)))
    }

    func deleteSipDomain(_ input: Operations.DeleteSipDomain.Input) async throws -> Operations.DeleteSipDomain.Output {
        let (account, sid) = try Self.validated(input.path.accountSid, input.path.sid)
        try withLock { domains in
            let (account, index) = try Self.locate(sid, in: account, domains)
            domains[account]!.remove(at: index)
        }
        return .noContent(.init())
    }

    // MARK: Rules

    /// Checks a path's Account SID against the description's pattern, `^AC[0-9a-fA-F]{32}$`.
    private static func validated(account: String) throws -> String {
        guard isSid(account, prefix: "AC") else {
            throw TwilioError.invalid("AccountSid '\(account)' is not valid: it must be an Account SID")
        }
        return account
    }

    /// Checks a path's Account SID and SIP Domain SID against the description's patterns.
    private static func validated(_ account: String, _ sid: String) throws -> (String, String) {
        let account = try validated(account: account)
        guard isSid(sid, prefix: "SD") else {
            throw TwilioError.invalid("Sid '\(sid)' is not valid: it must be a SIP Domain SID")
        }
        return (account, sid)
    }

    private static func isSid(_ text: String, prefix: String) -> Bool {
        text.utf8.count == 34 && text.hasPrefix(prefix) && text.utf8.dropFirst(2).allSatisfy(\.isHexDigit)
    }

    private static func check(_ sid: String?, _ name: String, prefix: String) throws {
        guard let sid, !isSid(sid, prefix: prefix) else { return }
        throw TwilioError.invalid("\(name) '\(sid)' is not valid")
    }

    private static func check(domainName: String) throws {
        let labels = domainName.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            domainName.hasSuffix(".sip.twilio.com") && labels.count > 3
            && labels.allSatisfy { label in
                !label.isEmpty && label.utf8.allSatisfy { $0.isASCIILetterOrDigit || $0 == UInt8(ascii: "-") }
            }
        if !valid { throw TwilioError.invalid("DomainName '\(domainName)' is not valid", code: 21231) }
    }

    private static func check(friendlyName: String?) throws {
        if let friendlyName, friendlyName.count > 64 {
            throw TwilioError.invalid("FriendlyName must be at most 64 characters long")
        }
    }

    /// The account of the path, which must be the caller's: another account's resources do not
    /// exist for it.
    private static func own(_ account: String, path: @autoclosure () -> String) throws {
        guard account == BasicAuthMiddleware.caller else { throw TwilioError.notFound(path()) }
    }

    private static func locate(_ sid: String, in account: String, _ domains: [String: [Domain]]) throws
        -> (String, Int)
    {
        let path = { "/\(apiVersion)/Accounts/\(account)/SIP/Domains/\(sid).json" }
        try own(account, path: path())
        guard let index = domains[account]?.firstIndex(where: { $0.sid == sid }) else {
            throw TwilioError.notFound(path())
        }
        return (account, index)
    }

    /// Domain names are DNS names, unique across all accounts.
    private static func checkUnique(_ name: String, except sid: String?, in domains: [String: [Domain]]) throws {
        let taken = domains.values.joined().contains {
            $0.domainName?.lowercased() == name.lowercased() && $0.sid != sid
        }
        if taken { throw TwilioError(status: 400, code: 21231, message: "The domain name \(name) is already in use") }
    }

    /// Now to the second, as Twilio writes dates (RFC 2822, in GMT).
    private static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: Date())
    }

    // MARK: Paging

    static func listPath(_ account: String) -> String {
        "/\(apiVersion)/Accounts/\(account)/SIP/Domains.json"
    }

    /// One page in Twilio's envelope, as gen's local server pages: `PageToken` is `PA` + the SID
    /// the page starts after, or `PB` + the SID it ends before; without one, `Page` counts pages
    /// of `PageSize` from 0.
    static func page(of all: [Domain], account: String, size: Int, number: Int, token: String?) throws -> DomainPage {
        let (offset, overflow) = number.multipliedReportingOverflow(by: size)
        var start = overflow ? all.count : min(offset, all.count)
        var end = start + min(size, all.count - start)
        if let token, token.count > 2, let index = all.firstIndex(where: { $0.sid == String(token.dropFirst(2)) }) {
            if token.hasPrefix("PB") {
                (start, end) = (max(0, index - size), index)
            } else if token.hasPrefix("PA") {
                start = index + 1
                end = start + min(size, all.count - start)
            }
        }
        let items = Array(all[start..<end])
        let path = listPath(account)
        func uri(page: Int, token: String?) -> String {
            "\(path)?PageSize=\(size)&Page=\(page)" + (token.map { "&PageToken=\($0)" } ?? "")
        }
        var nextPageUri: String?
        if end < all.count {
            guard number < Int.max else { throw TwilioError.invalid("Page \(number) has no next page number") }
            nextPageUri = uri(page: number + 1, token: items.last?.sid.map { "PA\($0)" })
        }
        let previousToken = items.first?.sid.map { "PB\($0)" }
        return DomainPage(
            end: start + max(items.count, 1) - 1,
            firstPageUri: uri(page: 0, token: nil),
            nextPageUri: nextPageUri,
            page: number,
            pageSize: size,
            previousPageUri: number > 0 && start > 0 ? uri(page: number - 1, token: previousToken) : nil,
            start: start,
            uri: uri(page: number, token: token),
            domains: items
        )
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }

    fileprivate var isASCIILetterOrDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self)
    }
}
