import Foundation
import GenClientRuntime
import GenServerRuntime
import Hummingbird
import Logging
import SipDomainClient
import SipDomainModels
import SipDomainServer
import TestSupport
import Testing

/// What the server logs: one line a request with its method, path, status and duration, an
/// error's line for a 500, and never the credentials.
@Suite struct LogTests {
    typealias Harness = LocalServerHarness

    static let token = "log-test-secret-token"
    static let encoded = Data("\(Harness.alice.rawValue):\(token)".utf8).base64EncodedString()
    /// `GET /path 200 1.2 ms`
    static var requestLine: Regex<(Substring, Substring, Substring, Substring)> {
        #/^(GET|POST|DELETE|PUT|PATCH|TRACE) (/\S*) (\d{3}) \d+\.\d ms$/#
    }

    /// The `sipdomain-server` executable, run as a process: it says where it listens, then logs
    /// a line for every request, and stops cleanly on SIGTERM.
    @Test func theServerLogsOneLinePerRequestAndNoCredentials() async throws {
        let process = Process()
        process.executableURL = builtExecutable("sipdomain-server")
        process.arguments = ["--port", "0", "--account-sid", Harness.alice.rawValue, "--auth-token", Self.token]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let lines = LineReader(output.fileHandleForReading)

        let listening = try #require(lines.next())
        let port = try #require(try #/listening on http://127\.0\.0\.1:(\d+) for AC/#.firstMatch(in: listening)?.1)
        let baseURL = "http://127.0.0.1:\(port)"
        let client = SipDomainAPI(
            accountSid: Harness.alice,
            authToken: Self.token,
            configuration: ClientConfiguration(baseURL: baseURL)
        )
        let domain = try await client.sipDomains.create(domainName: "logged.sip.twilio.com")
        let sid = try #require(domain.sid)
        _ = try await client.sipDomains.list().collect()
        _ = try await Harness.raw(
            "GET",
            Harness.domainsPath(baseURL),
            authorization: Harness.basic(Harness.alice, "no")
        )
        _ = try await Harness.raw("TRACE", Harness.domainsPath(baseURL))
        try await client.sipDomains.delete(sid: sid)

        let path = "/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains"
        let expected = [
            ("POST", "\(path).json", "201"), ("GET", "\(path).json", "200"), ("GET", "\(path).json", "401"),
            ("TRACE", "\(path).json", "405"), ("DELETE", "\(path)/\(sid).json", "204"),
        ]
        var logged: [String] = []
        for (method, path, status) in expected {
            let line = try #require(lines.next())
            logged.append(line)
            // `2026-11-28T11:20:57+0000 info sipdomain-server: [GenServerRuntime] GET … 200 1.2 ms`
            let message = try #require(line.range(of: "] ").map { String(line[$0.upperBound...]) }, "\(line)")
            let match = try #require(try Self.requestLine.wholeMatch(in: message), "\(line)")
            #expect(String(match.1) == method)
            #expect(String(match.2) == path)
            #expect(String(match.3) == status)
        }
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0 || process.terminationReason == .uncaughtSignal)
        logged += lines.rest()
        for line in logged {
            #expect(!line.contains(Self.token) && !line.contains(Self.encoded), "\(line)")
        }
    }

    /// A handler whose every operation fails with an error that is not an `APIError`.
    struct Failing: SipDomainHandler {
        struct Boom: Error {}

        func authenticate(_ authorization: BasicAuthorization) async throws -> AccountSid? {
            AccountSid(authorization.username)
        }
        func createSipDomain(_ input: CreateSipDomainInput, caller: AccountSid) async throws -> SipDomain {
            throw Boom()
        }
        func fetchSipDomain(_ input: FetchSipDomainInput, caller: AccountSid) async throws -> SipDomain { throw Boom() }
        func listSipDomain(_ input: ListSipDomainInput, caller: AccountSid) async throws -> SipDomainPage {
            throw Boom()
        }
        func updateSipDomain(_ input: UpdateSipDomainInput, caller: AccountSid) async throws -> SipDomain {
            throw Boom()
        }
        func deleteSipDomain(_ input: DeleteSipDomainInput, caller: AccountSid) async throws { throw Boom() }
    }

    @Test func aHandlerErrorAnswers500AndIsLogged() async throws {
        let captured = CapturedLog()
        var logger = Logger(label: "test") { _ in captured }
        logger.logLevel = .info
        try await Serving.serve({ onRunning in
            let router = Router()
            router.add(middleware: RequestLogMiddleware(logger: logger))
            router.add(middleware: TwilioErrorMiddleware(codes: Failing.errorCodes, routes: Failing.routes))
            Failing().addRoutes(to: router)
            return Application(
                router: router,
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                logger: logger
            )
        }) { port in
            let url = Harness.domainsPath("http://127.0.0.1:\(port)")
            let response = try await Harness.raw("GET", url, authorization: Harness.basic(Harness.alice, Self.token))
            #expect(response.status == 500)
            #expect(
                String(decoding: response.body, as: UTF8.self)
                    == #"{"code":null,"message":"Internal Server Error","more_info":null,"status":500}"#
            )
        }
        let path = "/2010-04-01/Accounts/\(Harness.alice)/SIP/Domains.json"
        let messages = captured.messages
        #expect(messages.contains("GET \(path) failed: Boom()"), "\(messages)")
        let requests = messages.filter { $0.hasPrefix("GET ") && !$0.contains("failed") }
        #expect(requests.count == 1, "\(messages)")
        if let line = requests.first {
            let match = try #require(try Self.requestLine.wholeMatch(in: line), "\(line)")
            #expect(String(match.3) == "500")
        }
        for message in messages {
            #expect(!message.contains(Self.token) && !message.contains(Self.encoded), "\(message)")
        }
    }
}

/// The lines of a pipe, read one at a time as a process writes them.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    /// The next line, or nil at the end of the output.
    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                buffer.removeSubrange(buffer.startIndex...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            buffer.append(chunk)
        }
    }

    /// Every line left, up to the end of the output.
    func rest() -> [String] {
        var lines: [String] = []
        while let line = next() { lines.append(line) }
        return lines
    }
}
