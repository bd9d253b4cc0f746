import Foundation
import GenRuntime
import GenServerRuntime
import SipDomainModels
import SipDomainServer

/// The SIP Domain API over an in-memory store, behaving as Twilio's does: SIDs and dates filled
/// in, domain names unique and checked, each account seeing only its own domains, and Twilio's
/// paging with `PageSize`, `Page` and `PageToken`.
///
/// Requests see and change the store one at a time, under a lock: a request never waits for
/// another thread to run it, as it would for an actor.
public final class InMemorySipDomains: SipDomainHandler {
    public typealias Caller = AccountSid

    static let apiVersion = "2010-04-01"

    /// Account SID to Auth Token.
    private let accounts: [AccountSid: String]
    /// Each account's domains, in the order they were created.
    private let domains = Locked<[AccountSid: [SipDomain]]>([:])
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - accounts: the accounts that may call, each with its Auth Token.
    ///   - now: the clock for `date_created` and `date_updated`.
    public init(accounts: [AccountSid: String], now: @escaping @Sendable () -> Date = Date.init) {
        self.accounts = accounts
        self.now = now
    }

    public func authenticate(_ authorization: BasicAuthorization) async throws -> AccountSid? {
        let account = AccountSid(authorization.username)
        guard let token = accounts[account], Self.constantTimeEquals(token, authorization.password) else { return nil }
        return account
    }

    // MARK: Operations

    public func createSipDomain(_ input: CreateSipDomainInput, caller: AccountSid) async throws -> SipDomain {
        let account = try Self.own(input.accountSid, caller, path: "/\(Self.apiVersion)/Accounts/\(input.accountSid)")
        let sid = SipDomainSid(Self.newSid(prefix: SipDomainSid.prefix))
        let date = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        let base = "/\(Self.apiVersion)/Accounts/\(account)/SIP/Domains/\(sid)"
        let domain = SipDomain(
            accountSid: account,
            apiVersion: Self.apiVersion,
            authType: nil,
            dateCreated: date,
            dateUpdated: date,
            domainName: input.domainName,
            friendlyName: input.friendlyName,
            sid: sid,
            uri: base + ".json",
            voiceFallbackMethod: input.voiceFallbackMethod ?? .post,
            voiceFallbackUrl: input.voiceFallbackUrl,
            voiceMethod: input.voiceMethod ?? .post,
            voiceStatusCallbackMethod: input.voiceStatusCallbackMethod ?? .post,
            voiceStatusCallbackUrl: input.voiceStatusCallbackUrl,
            voiceUrl: input.voiceUrl,
            subresourceUris: [
                "credential_list_mappings": base + "/CredentialListMappings.json",
                "ip_access_control_list_mappings": base + "/IpAccessControlListMappings.json",
                "auth": base + "/Auth.json",
            ],
            sipRegistration: input.sipRegistration ?? false,
            emergencyCallingEnabled: input.emergencyCallingEnabled ?? false,
            secure: input.secure ?? false,
            byocTrunkSid: input.byocTrunkSid,
            emergencyCallerSid: input.emergencyCallerSid
        )
        try domains.withLock { domains in
            try Self.checkUnique(input.domainName, except: nil, in: domains)
            domains[account, default: []].append(domain)
        }
        return domain
    }

    public func fetchSipDomain(_ input: FetchSipDomainInput, caller: AccountSid) async throws -> SipDomain {
        try domains.withLock { domains in
            let (account, index) = try Self.locate(input.sid, in: input.accountSid, caller: caller, domains)
            return domains[account]![index]
        }
    }

    public func listSipDomain(_ input: ListSipDomainInput, caller: AccountSid) async throws -> SipDomainPage {
        let account = try Self.own(input.accountSid, caller, path: Self.listPath(input.accountSid))
        let all = domains.withLock { $0[account] ?? [] }
        return try Self.page(of: all, account: account, input: input)
    }

    public func updateSipDomain(_ input: UpdateSipDomainInput, caller: AccountSid) async throws -> SipDomain {
        let updated = Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down))
        return try domains.withLock { domains in
            let (account, index) = try Self.locate(input.sid, in: input.accountSid, caller: caller, domains)
            var domain = domains[account]![index]
            if let name = input.domainName {
                try Self.checkUnique(name, except: domain.sid, in: domains)
                domain.domainName = name
            }
            domain.friendlyName = input.friendlyName ?? domain.friendlyName
            domain.voiceUrl = input.voiceUrl ?? domain.voiceUrl
            domain.voiceMethod = input.voiceMethod ?? domain.voiceMethod
            domain.voiceFallbackUrl = input.voiceFallbackUrl ?? domain.voiceFallbackUrl
            domain.voiceFallbackMethod = input.voiceFallbackMethod ?? domain.voiceFallbackMethod
            domain.voiceStatusCallbackUrl = input.voiceStatusCallbackUrl ?? domain.voiceStatusCallbackUrl
            domain.voiceStatusCallbackMethod = input.voiceStatusCallbackMethod ?? domain.voiceStatusCallbackMethod
            domain.sipRegistration = input.sipRegistration ?? domain.sipRegistration
            domain.emergencyCallingEnabled = input.emergencyCallingEnabled ?? domain.emergencyCallingEnabled
            domain.secure = input.secure ?? domain.secure
            domain.byocTrunkSid = input.byocTrunkSid ?? domain.byocTrunkSid
            domain.emergencyCallerSid = input.emergencyCallerSid ?? domain.emergencyCallerSid
            domain.dateUpdated = updated
            domains[account]![index] = domain
            return domain
        }
    }

    public func deleteSipDomain(_ input: DeleteSipDomainInput, caller: AccountSid) async throws {
        try domains.withLock { domains in
            let (account, index) = try Self.locate(input.sid, in: input.accountSid, caller: caller, domains)
            domains[account]!.remove(at: index)
        }
    }

    // MARK: Rules

    /// The account of the path, which must be the caller's: another account's resources do not
    /// exist for it.
    private static func own(_ account: AccountSid, _ caller: AccountSid, path: @autoclosure () -> String) throws
        -> AccountSid
    {
        guard account == caller else { throw errorCodes.notFound(path()) }
        return account
    }

    private static func locate(
        _ sid: SipDomainSid,
        in account: AccountSid,
        caller: AccountSid,
        _ domains: [AccountSid: [SipDomain]]
    ) throws -> (AccountSid, Int) {
        let path = { "/\(apiVersion)/Accounts/\(account)/SIP/Domains/\(sid).json" }
        let account = try own(account, caller, path: path())
        guard let index = domains[account]?.firstIndex(where: { $0.sid == sid }) else {
            throw errorCodes.notFound(path())
        }
        return (account, index)
    }

    /// Domain names are DNS names, unique across all accounts.
    private static func checkUnique(_ name: String, except sid: SipDomainSid?, in domains: [AccountSid: [SipDomain]])
        throws
    {
        let taken = domains.values.joined().contains {
            $0.domainName?.lowercased() == name.lowercased() && $0.sid != sid
        }
        if taken {
            throw APIError(status: .badRequest, code: 21231, message: "The domain name \(name) is already in use")
        }
    }

    static func newSid(prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    private static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return zip(a.utf8, b.utf8).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    // MARK: Paging

    static func listPath(_ account: AccountSid) -> String {
        "/\(apiVersion)/Accounts/\(account)/SIP/Domains.json"
    }

    /// One page in Twilio's envelope. `PageToken` is `PA` + the SID the page starts after, or
    /// `PB` + the SID it ends before; without one, `Page` counts pages of `PageSize` from 0.
    ///
    /// `Page` and `PageSize` come from the request, so no arithmetic on them may overflow: a
    /// page that starts beyond any list is empty, and a next page that `Page` cannot number
    /// (after `Int.max`) is a 400.
    static func page(of all: [SipDomain], account: AccountSid, input: ListSipDomainInput) throws -> SipDomainPage {
        let size = input.pageSize ?? 50
        let number = input.page ?? 0
        let (offset, overflow) = number.multipliedReportingOverflow(by: size)
        var start = overflow ? all.count : min(offset, all.count)
        var end = start + min(size, all.count - start)
        // A token whose domain is gone (or never was) leaves `Page` to say where the page is.
        if let token = input.pageToken, token.count > 2,
            let index = all.firstIndex(where: { $0.sid == SipDomainSid(String(token.dropFirst(2))) })
        {
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
            guard number < Int.max else {
                throw APIError(status: .badRequest, code: nil, message: "Page \(number) has no next page number")
            }
            nextPageUri = uri(page: number + 1, token: items.last?.sid.map { "PA\($0)" })
        }
        let previousToken = items.first?.sid.map { "PB\($0)" }
        return SipDomainPage(
            domains: items,
            start: start,
            end: start + max(items.count, 1) - 1,
            page: number,
            pageSize: size,
            uri: uri(page: number, token: input.pageToken),
            firstPageUri: uri(page: 0, token: nil),
            nextPageUri: nextPageUri,
            previousPageUri: number > 0 && start > 0 ? uri(page: number - 1, token: previousToken) : nil
        )
    }
}
