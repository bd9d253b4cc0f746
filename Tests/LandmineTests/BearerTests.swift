import Foundation
import GenAsyncHTTPClientTransport
import GenClientRuntime
import GenServerRuntime
import Hummingbird
import OrganizationsClient
import OrganizationsModels
import OrganizationsServer
import TestSupport
import Testing

/// An API of bearer tokens (`Tests/Fixtures/Organizations.yaml`): the client sends its token,
/// the server checks it and challenges with `Bearer`, the token endpoint takes none, and the CLI
/// takes the token from a flag.
@Suite struct BearerTests {
    static let organization = OrganizationSid("OR0123456789abcdef0123456789abcdef")
    static let account = AccountSid("AC0123456789abcdef0123456789abcdef")

    /// Accounts of one organization, for the token `good` only, three to a page by `PageToken`.
    final class Organizations: OrganizationsHandler {
        func authenticate(_ authorization: BearerAuthorization) async throws -> String? {
            authorization.token == "good" ? "caller" : nil
        }

        static let accounts = (0..<5).map { index in
            Account(
                accountSid: AccountSid("AC0123456789abcdef0123456789abcde\(index)"),
                organizationSid: BearerTests.organization,
                friendlyName: "account \(index)"
            )
        }

        func listAccount(_ input: ListAccountInput, caller: String) async throws -> AccountPage {
            let size = input.pageSize ?? 3
            let start = Int(input.pageToken ?? "0") ?? 0
            let next = start + size < Self.accounts.count
            return AccountPage(
                content: Array(Self.accounts.dropFirst(start).prefix(size)),
                meta: AccountPageMeta(
                    pageSize: size,
                    nextPageUrl: next
                        ? "/Organizations/\(input.organizationSid)/Accounts?PageSize=\(size)&PageToken=\(start + size)"
                        : nil
                )
            )
        }

        func fetchAccount(_ input: FetchAccountInput, caller: String) async throws -> Account {
            guard let account = Self.accounts.first(where: { $0.accountSid == input.accountSid }) else {
                throw APIError(status: .notFound, code: 20404, message: "no account \(input.accountSid)")
            }
            return account
        }

        func createToken(_ input: CreateTokenInput) async throws -> Token {
            guard input.clientSecret == "secret" else {
                throw APIError(status: .badRequest, code: nil, message: "wrong client secret")
            }
            return Token(accessToken: "good", tokenType: "bearer", expiresIn: 3600)
        }
    }

    static func serve(_ body: @Sendable (String) async throws -> Void) async throws {
        let handler = Organizations()
        try await Serving.serveRouter(
            { router in
                router.add(
                    middleware: TwilioErrorMiddleware(codes: Organizations.errorCodes, routes: Organizations.routes)
                )
                handler.addRoutes(to: router)
            },
            { port in try await body("http://127.0.0.1:\(port)") }
        )
    }

    @Test func theClientSendsItsTokenAndTheTokenEndpointNone() async throws {
        let transport = RecordingTransport(responses: [
            .json(200, #"{"account_sid": "\#(Self.account)", "organization_sid": "\#(Self.organization)"}"#),
            .json(200, #"{"access_token": "t"}"#),
        ])
        let client = OrganizationsAPI(accessToken: "s3cr3t", transport: transport)
        _ = try await client.accounts.fetch(organizationSid: Self.organization, accountSid: Self.account)
        _ = try await client.tokens.create(grantType: "client_credentials", clientId: "id", clientSecret: "secret")
        let authorizations = transport.requests.map { $0.headers.filter { $0.name == "Authorization" }.map(\.value) }
        #expect(authorizations == [["Bearer s3cr3t"], []])
        // The token is in no description of the client.
        for text in ["\(client)", "\(client.connection)", String(reflecting: client.connection.credentials)] {
            #expect(!text.contains("s3cr3t"), "\(text)")
        }
        #expect(throws: ClientError.self) { try OrganizationsAPI(environment: [:]) }
    }

    @Test func theServerTakesTheTokenItIssuesAndChallengesWithBearer() async throws {
        try await Self.serve { baseURL in
            let configuration = ClientConfiguration(baseURL: baseURL)
            let anonymous = OrganizationsAPI(accessToken: "none yet", configuration: configuration)
            let token = try await anonymous.tokens.create(
                grantType: "client_credentials",
                clientId: "id",
                clientSecret: "secret"
            )
            let client = OrganizationsAPI(accessToken: token.accessToken, configuration: configuration)
            let accounts = try await client.accounts.list(organizationSid: Self.organization, pageSize: 2).collect()
            #expect(accounts == Organizations.accounts)

            let denied = try await AsyncHTTPClientTransport().send(
                ClientRequest(
                    method: "GET",
                    url: "\(baseURL)/Organizations/\(Self.organization)/Accounts",
                    headers: [("Authorization", "Bearer bad")],
                    body: nil
                ),
                timeout: .seconds(10)
            )
            #expect(denied.status == 401)
            #expect(denied.header("WWW-Authenticate") == #"Bearer realm="Organizations""#)
            await #expect {
                try await anonymous.accounts.fetch(organizationSid: Self.organization, accountSid: Self.account)
            } throws: { ($0 as? ClientError)?.status == 401 }

            // The CLI: the token from its flag; the token endpoint without one.
            let listed = try await Self.runCLI([
                "accounts", "list", "--organization-sid", "\(Self.organization)", "--access-token", "good",
                "--base-url", baseURL, "--output", "json",
            ])
            #expect(listed.status == 0)
            #expect(listed.stdout.contains("account 4"))
            let issued = try await Self.runCLI([
                "tokens", "create", "--grant-type", "client_credentials", "--client-id", "id", "--client-secret",
                "secret", "--base-url", baseURL, "--output", "json",
            ])
            #expect(issued.status == 0)
            #expect(issued.stdout.contains("\"access_token\" : \"good\""))
        }
    }

    static func runCLI(_ arguments: [String]) async throws -> ExecutableRun {
        try await runBuiltExecutable("OrganizationsCLI", arguments)
    }
}
