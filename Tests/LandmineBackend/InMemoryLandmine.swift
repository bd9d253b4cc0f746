import Foundation
import GenRuntime
import GenServerRuntime
import LandmineModels
import LandmineServer

/// A landmine server over memory: whatever is created is listed and can be deleted. The tests
/// serve it, and so does `landmine-server`, which schemathesis judges from outside.
public final class InMemoryLandmine: LandmineHandler {
    /// Account SID (the Basic username) to Auth Token (its password).
    let accounts: [String: String]

    package let stored = Locked<[Class]>([])
    /// What each list of classes was given.
    package let lists = Locked<[ListClassInput]>([])
    /// What each create of a service was given, in its JSON body.
    package let serviceCreates = Locked<[CreateServiceInput]>([])
    /// The services created, after the five there always are.
    let createdServices = Locked<[Service]>([])
    /// The configuration of each service, made when first asked for.
    let configurations = Locked<[ProtocolSid: Configuration]>([:])

    public init(accounts: [String: String]) {
        self.accounts = accounts
    }

    public func authenticate(_ authorization: BasicAuthorization) async throws -> String? {
        guard let token = accounts[authorization.username], token == authorization.password else { return nil }
        return authorization.username
    }

    // MARK: Classes

    public func listClass(_ input: ListClassInput, caller: String) async throws -> ClassPage {
        lists.withLock { $0.append(input) }
        return ClassPage(self_: stored.withLock { $0 }, default: input.pageSize ?? 0)
    }

    public func createClass(_ input: CreateClassInput, caller: String) async throws -> Class {
        let value = Class(
            default: input.in,
            class: input.form ?? 0,
            protocol: input.query,
            self_: input.self_,
            decoder: input.return,
            encoder: input.selfType,
            in: true,
            where: input.protocol ?? Date(timeIntervalSince1970: 0),
            return: input.class,
            double: input.ratio,
            day: input.days?.first ?? CalendarDate(year: 2000, month: 1, day: 1)!,
            jsonValue: input.routing,
            tags: input.tags,
            accounts: input.callers
        )
        stored.withLock { $0.append(value) }
        return value
    }

    public func replaceClass(_ input: ReplaceClassInput, caller: String) async throws -> Class {
        try update(input.where) { $0.return = input.class }
    }

    public func patchClass(_ input: PatchClassInput, caller: String) async throws -> Class {
        try update(input.where) { $0.tags = input.tags }
    }

    func update(_ index: Int, _ change: (inout Class) -> Void) throws -> Class {
        let updated = stored.withLock { stored -> Class? in
            guard stored.indices.contains(index) else { return nil }
            change(&stored[index])
            return stored[index]
        }
        guard let updated else { throw APIError(status: .notFound, code: nil, message: "no class \(index)") }
        return updated
    }

    public func deleteClass(_ input: DeleteClassInput, caller: String) async throws {
        let removed = stored.withLock { stored -> Bool in
            guard stored.indices.contains(input.where) else { return false }
            stored.remove(at: input.where)
            return true
        }
        if !removed { throw APIError(status: .notFound, code: nil, message: "no class \(input.where)") }
    }

    // MARK: Services

    /// Five services, as pages in the v1 envelope whose `meta` links to the next. Their URLs are
    /// where each is fetched.
    public static let services = (0..<5).map { (index: Int) -> Service in
        let sid = ProtocolSid("XX0123456789abcdef0123456789abcde\(index)")
        return Service(
            sid: sid,
            self_: ServiceSelf(
                url: "/v1/Services/\(sid)",
                default: index,
                type: ServiceSelfType(init_: "i\(index)")
            ),
            links: [ServiceLinksItem(rel: "self", self_: "/v1/Services/\(sid)"), ServiceLinksItem(rel: "none")]
        )
    }

    /// The five services, then those created.
    var allServices: [Service] { Self.services + createdServices.withLock { $0 } }

    /// A page of `PageSize` services (50 unless given; below 1 is 1), page `Page` (from 0; below
    /// 0 is 0). A page past the end is empty.
    public func listService(_ input: ListServiceInput, caller: String) async throws -> ServicePage {
        let size = max(input.pageSize ?? 50, 1)
        let page = max(input.page ?? 0, 0)
        let services = allServices
        let (start, overflow) = page.multipliedReportingOverflow(by: size)
        let items = overflow || start >= services.count ? [] : Array(services[start...].prefix(size))
        let more = !overflow && services.count - start > size
        let url = { (page: Int) in "/v1/Services?PageSize=\(size)&Page=\(page)" }
        return ServicePage(
            services: items,
            meta: ServicePageMeta(
                page: page,
                pageSize: size,
                firstPageUrl: url(0),
                previousPageUrl: page > 0 ? url(page - 1) : nil,
                url: url(page),
                nextPageUrl: more ? url(page + 1) : nil,
                key: "services"
            )
        )
    }

    public func fetchService(_ input: FetchServiceInput, caller: String) async throws -> Service {
        guard let service = allServices.first(where: { $0.sid == input.sid }) else {
            throw APIError(status: .notFound, code: nil, message: "no service \(input.sid)")
        }
        return service
    }

    /// A service with the SID given as `self`, or a new one; one created with a SID already
    /// taken replaces the created service that has it.
    public func createService(_ input: CreateServiceInput, caller: String) async throws -> Service {
        serviceCreates.withLock { $0.append(input) }
        return createdServices.withLock { created in
            let sid = input.self_ ?? Self.newSid(created.count)
            let service = Service(sid: sid)
            created.removeAll { $0.sid == sid }
            created.append(service)
            return service
        }
    }

    /// `XX`, then `f` and 31 hexadecimal digits of `number`: never one of the five services'.
    static func newSid(_ number: Int) -> ProtocolSid {
        let digits = String(UInt64(truncatingIfNeeded: number), radix: 16)
        return ProtocolSid("XXf" + String(repeating: "0", count: 31 - digits.count) + digits)
    }

    // MARK: Configurations

    public func fetchConfiguration(_ input: FetchConfigurationInput, caller: String) async throws -> Configuration {
        configurations.withLock { $0[input.serviceSid] ?? Configuration(serviceSid: input.serviceSid) }
    }

    public func updateConfiguration(_ input: UpdateConfigurationInput, caller: String) async throws -> Configuration {
        configurations.withLock { configurations in
            var configuration = configurations[input.serviceSid] ?? Configuration(serviceSid: input.serviceSid)
            configuration.friendlyName = input.friendlyName
            configurations[input.serviceSid] = configuration
            return configuration
        }
    }

    /// Answered 307: the content is elsewhere, and the body says where.
    public func dataConfiguration(_ input: DataConfigurationInput, caller: String) async throws -> Configuration {
        Configuration(serviceSid: input.serviceSid, friendlyName: "https://elsewhere.example.com/data")
    }

    /// The enum value from the path, back as the name.
    public func formConfiguration(_ input: FormConfigurationInput, caller: String) async throws -> Configuration {
        Configuration(serviceSid: Self.newSid(0), friendlyName: input.formType.rawValue)
    }

    // MARK: Tokens

    /// A token for anyone who asks: the operation takes no credentials.
    public func createToken(_ input: CreateTokenInput) async throws -> Token {
        Token(accessToken: "token for \(input.clientId)")
    }

    // MARK: Usage

    /// One page of three usage records.
    public func listUsage(_ input: ListUsageInput, caller: String) async throws -> UsagePage {
        let day = CalendarDate(year: 2024, month: 5, day: 1)!
        let usage = (0..<3).map { Usage(category: "calls", count: $0, startDate: day) }
        return UsagePage(usage: usage, meta: UsagePageMeta())
    }
}
