import Foundation
import GenServerRuntime
import Hummingbird
import SipDomainModels
import SipDomainServer
import Testing

// snippet: server-backend
/// A backend of your own: conform to the generated protocol, then add its routes to a router.
struct ReadOnlyDomains: SipDomainHandler {
    let domains: [SipDomainSid: SipDomain]

    /// Who may call: here, one account with one token.
    func authenticate(_ authorization: BasicAuthorization) async throws -> AccountSid? {
        authorization.password == "secret" ? AccountSid(authorization.username) : nil
    }

    func fetchSipDomain(_ input: FetchSipDomainInput, caller: AccountSid) async throws -> SipDomain {
        guard let domain = domains[input.sid], domain.accountSid == caller else {
            throw Self.errorCodes.notFound("/SIP/Domains/\(input.sid).json")
        }
        return domain
    }

    func listSipDomain(_ input: ListSipDomainInput, caller: AccountSid) async throws -> SipDomainPage {
        let mine = domains.values.filter { $0.accountSid == caller }
        let size = input.pageSize ?? 50
        return SipDomainPage(
            domains: Array(mine.prefix(size)),
            start: 0,
            end: max(0, min(size, mine.count) - 1),
            page: 0,
            pageSize: size,
            uri: "/",
            firstPageUri: "/",
            nextPageUri: nil,
            previousPageUri: nil
        )
    }

    func createSipDomain(_ input: CreateSipDomainInput, caller: AccountSid) async throws -> SipDomain {
        throw APIError(status: .forbidden, code: nil, message: "This backend is read-only")
    }

    func updateSipDomain(_ input: UpdateSipDomainInput, caller: AccountSid) async throws -> SipDomain {
        throw APIError(status: .forbidden, code: nil, message: "This backend is read-only")
    }

    func deleteSipDomain(_ input: DeleteSipDomainInput, caller: AccountSid) async throws {
        throw APIError(status: .forbidden, code: nil, message: "This backend is read-only")
    }
}

func serve(_ backend: ReadOnlyDomains) async throws {
    let router = Router()
    router.add(middleware: TwilioErrorMiddleware(codes: ReadOnlyDomains.errorCodes, routes: ReadOnlyDomains.routes))
    backend.addRoutes(to: router)
    let app = Application(
        router: router,
        server: .http1WithErrorJSON(),
        configuration: .init(address: .hostname("127.0.0.1", port: 8080))
    )
    try await app.runService()
}
// end snippet

@Suite struct ReadmeServerSnippetTests {
    @Test func theReadmeShowsTheCompiledServerSnippet() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
            .components(separatedBy: "\n")
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
            .components(separatedBy: "\n")
        let compiled = source.drop { !$0.contains("// snippet: server-backend") }.dropFirst()
            .prefix { !$0.contains("// end snippet") }
        let shown = readme.drop { !$0.contains("<!-- snippet: server-backend -->") }.dropFirst(2).prefix { $0 != "```" }
        #expect(!compiled.isEmpty)
        #expect(Array(shown) == Array(compiled), "README.md's server snippet differs from \(#fileID)")
    }
}
