import Foundation
import GenClientRuntime
import GenServerRuntime
import Hummingbird
import LandmineClient
import LandmineModels
import LandmineServer
import TestSupport
import Testing

/// The landmine spec names everything after Swift keywords and words of the generated code.
/// Its pieces compile (the targets build); these tests run them: the client's requests, the
/// server's routing with that client, and the CLI.
@Suite struct LandmineTests {
    static let account = AccountSid("AC0123456789abcdef0123456789abcdef")
    static let protocolSid = ProtocolSid("XX0123456789abcdef0123456789abcdef")
    static let date = Date(timeIntervalSince1970: 1_546_300_800)  // Tue, 01 Jan 2019 00:00:00 +0000

    @Test func theClientSendsKeywordNamedParametersByTheirWireNames() async throws {
        let transport = RecordingTransport(responses: [
            .json(201, #"{"class": 3, "in": true, "where": "Tue, 01 Jan 2019 00:00:00 +0000", "self": null}"#),
            ClientResponse(status: 204),
        ])
        let client = LandmineAPI(accountSid: "user", authToken: "secret", transport: transport)
        let created = try await client.classes.create(
            in: "a b/c",
            self_: Self.account,
            class: "first",
            return: Self.protocolSid,
            form: 7,
            query: false,
            protocol: Self.date
        )
        #expect(created.class == 3)
        #expect(created.in == true)
        try await client.classes.delete(where: 5, let: true, `inout`: "x&y")
        #expect(transport.requests.map(\.method) == ["POST", "DELETE"])
        #expect(
            transport.requests.map(\.url) == [
                "https://api.example.com/classes/a%20b%2Fc/\(Self.account)",
                "https://api.example.com/classes/5?let=true&inout=x%26y",
            ]
        )
        #expect(
            transport.requests.first.flatMap { $0.body.map { String(decoding: $0, as: UTF8.self) } }
                == "class=first&return=\(Self.protocolSid)&form=7&query=false&protocol=Tue%2C+01+Jan+2019+00%3A00%3A00+%2B0000"
        )
    }

    /// A landmine server over memory: whatever is created is listed and can be deleted.
    final class Classes: LandmineHandler {
        let stored = Locked<[Class]>([])

        func authenticate(_ authorization: BasicAuthorization) async throws -> String? {
            authorization.password == "secret" ? authorization.username : nil
        }

        func listClass(_ input: ListClassInput, caller: String) async throws -> ClassPage {
            ClassPage(self_: stored.withLock { $0 }, default: input.pageSize ?? 0)
        }

        func createClass(_ input: CreateClassInput, caller: String) async throws -> Class {
            let value = Class(
                default: input.in,
                class: input.form ?? 0,
                protocol: input.query,
                self_: input.self_,
                decoder: input.return,
                in: true,
                where: input.protocol ?? Date(timeIntervalSince1970: 0),
                return: input.class
            )
            stored.withLock { $0.append(value) }
            return value
        }

        func deleteClass(_ input: DeleteClassInput, caller: String) async throws {
            let removed = stored.withLock { stored -> Bool in
                guard stored.indices.contains(input.where) else { return false }
                stored.remove(at: input.where)
                return true
            }
            if !removed { throw APIError(status: .notFound, code: nil, message: "no class \(input.where)") }
        }
    }

    @Test func theGeneratedClientTalksToTheGeneratedServer() async throws {
        let handler = Classes()
        try await Serving.serve({ onRunning in
            let router = Router()
            router.add(middleware: TwilioErrorMiddleware(codes: Classes.errorCodes, routes: Classes.routes))
            handler.addRoutes(to: router)
            return Application(
                router: router,
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                logger: Serving.quiet
            )
        }) { port in
            let client = LandmineAPI(
                accountSid: "user",
                authToken: "secret",
                configuration: ClientConfiguration(baseURL: "http://127.0.0.1:\(port)")
            )
            let created = try await client.classes.create(
                in: "in value",
                self_: Self.account,
                class: "a class",
                return: Self.protocolSid,
                form: 42,
                query: true,
                protocol: Self.date
            )
            #expect(created.default == "in value")
            #expect(created.class == 42)
            #expect(created.protocol == true)
            #expect(created.self_ == Self.account)
            #expect(created.decoder == Self.protocolSid)
            #expect(created.where == Self.date)
            #expect(created.return == "a class")

            let page = try await client.classes.page(pageSize: 5, default: .class)
            #expect(page.self_ == [created])
            #expect(page.default == 5)

            try await client.classes.delete(where: 0, let: true)
            await #expect(throws: ClientError.self) { try await client.classes.delete(where: 0) }
            #expect(try await client.classes.page().self_.isEmpty)

            let wrong = LandmineAPI(
                accountSid: "user",
                authToken: "wrong",
                configuration: ClientConfiguration(baseURL: "http://127.0.0.1:\(port)")
            )
            await #expect {
                try await wrong.classes.page()
            } throws: { error in
                (error as? ClientError)?.status == 401
            }
        }
    }

    /// The spec's realm, error pages and acronyms, not Twilio's: in the server's 401 and its
    /// error JSON, and in the CLI's headings.
    @Test func theSpecsRealmErrorPagesAndAcronymsReachTheServerAndTheCLI() async throws {
        let handler = Classes()
        try await Serving.serve({ onRunning in
            let router = Router()
            router.add(middleware: TwilioErrorMiddleware(codes: Classes.errorCodes, routes: Classes.routes))
            handler.addRoutes(to: router)
            return Application(
                router: router,
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                logger: Serving.quiet
            )
        }) { port in
            let baseURL = "http://127.0.0.1:\(port)"
            let wrong = "Basic " + Data("user:wrong".utf8).base64EncodedString()
            let denied = try await AsyncHTTPClientTransport().send(
                ClientRequest(method: "GET", url: "\(baseURL)/classes", headers: [("Authorization", wrong)], body: nil),
                timeout: .seconds(10)
            )
            #expect(denied.status == 401)
            #expect(denied.header("WWW-Authenticate") == #"Basic realm="Landmine Realm""#)
            #expect(
                String(decoding: denied.body, as: UTF8.self)
                    == #"{"code":90003,"message":"Authenticate","more_info":"https://errors.example.com/landmine/90003","status":401}"#
            )

            let client = LandmineAPI(
                accountSid: "user",
                authToken: "secret",
                configuration: ClientConfiguration(baseURL: baseURL)
            )
            _ = try await client.classes.create(in: "a", self_: Self.account, class: "b", return: Self.protocolSid)
            let listed = try await Self.runCLI([
                "classes", "list", "--account-sid", "user", "--auth-token", "secret", "--base-url", baseURL,
                "--properties", "hash_value,coding_keys,dotted.name,1st_value",
            ])
            #expect(listed.status == 0)
            #expect(listed.stdout.split(separator: "\n").first == "HASH Value  CODING Keys  Dotted.name  1st Value")
        }
    }

    /// Runs the landmine CLI without blocking a thread of the test's.
    static func runCLI(_ arguments: [String]) async throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = builtExecutable("LandmineCLI")
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (status, text)
    }

    @Test func theCLIShowsItsHelp() throws {
        let process = Process()
        process.executableURL = builtExecutable("LandmineCLI")
        process.arguments = ["classes", "create", "--help"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for option in ["--in <in>", "--self <self>", "--class <class>", "--return <return>", "--query", "--no-query"] {
            #expect(text.contains(option), "\(option) in:\n\(text)")
        }
    }
}
