import Foundation
import GenAsyncHTTPClientTransport
import GenClientRuntime
import GenRuntime
import GenServerRuntime
import Hummingbird
import LandmineBackend
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
            .json(
                201,
                #"{"class": 3, "in": true, "where": "Tue, 01 Jan 2019 00:00:00 +0000", "self": null, "day": "2024-02-29", "accounts": []}"#
            ),
            ClientResponse(status: 204),
        ])
        let client = LandmineAPI(accountSid: "user", authToken: "secret", transport: transport)
        let created = try await client.classes.create(
            in: "a b/c",
            self_: Self.account,
            class: "first",
            return: Self.protocolSid,
            callers: [Self.account, Self.account],
            xTwilioWebhookEnabled: false,
            form: 7,
            query: false,
            protocol: Self.date,
            tags: ["a b", "c"],
            ratio: 0.25,
            days: [CalendarDate("2024-02-29")!],
            routing: .object(["data": .array([.integer(1)])])
        )
        #expect(created.class == 3)
        #expect(created.in == true)
        try await client.classes.delete(where: 5, let: true, `inout`: "x&y", ifMatch: "\"v1\"")
        #expect(transport.requests.first?.headers.contains { $0 == ("X-Twilio-Webhook-Enabled", "false") } == true)
        #expect(transport.requests.last?.headers.contains { $0 == ("If-Match", "\"v1\"") } == true)
        await #expect {
            try await client.classes.delete(where: 5, ifMatch: "a\r\nInjected: yes")
        } throws: { error in
            if case .invalidHeaderValue(name: "If-Match")? = error as? ClientError { true } else { false }
        }
        #expect(transport.requests.map(\.method) == ["POST", "DELETE"])
        #expect(
            transport.requests.map(\.url) == [
                "https://api.example.com/classes/a%20b%2Fc/\(Self.account)",
                "https://api.example.com/classes/5?let=true&inout=x%26y",
            ]
        )
        #expect(
            transport.requests.first.flatMap { $0.body.map { String(decoding: $0, as: UTF8.self) } }
                == "class=first&return=\(Self.protocolSid)&Callers=\(Self.account)&Callers=\(Self.account)&form=7"
                + "&query=false&protocol=Tue%2C+01+Jan+2019+00%3A00%3A00+%2B0000&Tags=a+b&Tags=c&Ratio=0.25"
                + "&Days=2024-02-29&Routing=%7B%22data%22%3A%5B1%5D%7D"
        )
    }

    /// A landmine server over memory (`LandmineBackend`) for the account `user`, token `secret`.
    static func handler() -> InMemoryLandmine {
        InMemoryLandmine(accounts: ["user": "secret"])
    }

    /// Runs `body` with the port of a local server of `handler`, answering as the generated
    /// routing and `TwilioErrorMiddleware` do.
    static func serve(_ handler: InMemoryLandmine, _ body: @Sendable (Int) async throws -> Void) async throws {
        try await Serving.serve(
            { onRunning in
                LandmineLocalServer.application(
                    handler: handler,
                    port: 0,
                    logger: Serving.quiet,
                    onServerRunning: onRunning
                )
            },
            body
        )
    }

    @Test func theGeneratedClientTalksToTheGeneratedServer() async throws {
        let handler = Self.handler()
        try await Self.serve(handler) { port in
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
                callers: [Self.account],
                selfType: "from a header",
                form: 42,
                query: true,
                protocol: Self.date,
                tags: ["x", "y z"],
                ratio: -0.0075,
                days: [CalendarDate(year: 2024, month: 2, day: 29)!],
                routing: .object(["team": .string("support"), "weights": .array([.number(0.5), .null])])
            )
            #expect(created.default == "in value")
            #expect(created.class == 42)
            #expect(created.protocol == true)
            #expect(created.self_ == Self.account)
            #expect(created.decoder == Self.protocolSid)
            #expect(created.where == Self.date)
            #expect(created.return == "a class")
            #expect(created.tags == ["x", "y z"])
            #expect(created.encoder == "from a header")
            #expect(created.accounts == [Self.account])
            #expect(created.double == -0.0075)
            #expect(created.day == CalendarDate(year: 2024, month: 2, day: 29))
            #expect(
                created.jsonValue == .object(["team": .string("support"), "weights": .array([.number(0.5), .null])])
            )

            let start = Date(timeIntervalSince1970: 1_714_566_600)
            let page = try await client.classes.page(
                pageSize: 5,
                default: .class,
                startTime: start,
                day: CalendarDate("2024-02-29"),
                status: [.withSpace, .self_],
                score: 2.5,
                startTimeBefore: start.addingTimeInterval(60),
                startTimeAfter: start
            )
            #expect(page.self_ == [created])
            #expect(page.default == 5)
            let listed = try #require(handler.lists.withLock { $0.last })
            #expect(listed.startTime == start)
            #expect(listed.day == CalendarDate(year: 2024, month: 2, day: 29))
            #expect(listed.status == [.withSpace, .self_])
            #expect(listed.score == 2.5)
            #expect(listed.startTimeBefore == start.addingTimeInterval(60))
            #expect(listed.startTimeAfter == start)

            // The v1 envelope: every page followed through `meta.next_page_url`, nested objects whole.
            var services: [Service] = []
            for try await service in client.services.list(pageSize: 2) { services.append(service) }
            #expect(services == InMemoryLandmine.services)
            #expect(try await client.services.fetch(sid: InMemoryLandmine.services[3].sid).self_?.type.init_ == "i3")

            // PUT and PATCH, answered 200 and 202.
            #expect(try await client.classes.replace(where: 0, class: "replaced").return == "replaced")
            #expect(try await client.classes.patch(where: 0, tags: ["p"]).tags == ["p"])

            // A value of the wrong type in an array is a 400, as any other parameter is.
            let request = ClientRequest(
                method: "GET",
                url: "http://127.0.0.1:\(port)/classes?Status=class&Status=nonsense",
                headers: [("Authorization", "Basic " + Data("user:secret".utf8).base64EncodedString())],
                body: nil
            )
            let raw = try await AsyncHTTPClientTransport().send(request, timeout: .seconds(10))
            #expect(raw.status == 400)
            #expect(String(decoding: raw.body, as: UTF8.self).contains("Status 'nonsense' is not valid"))
            // A number out of its bounds too.
            var outOfBounds = request
            outOfBounds.url = "http://127.0.0.1:\(port)/classes?Score=10.5"
            let refused = try await AsyncHTTPClientTransport().send(outOfBounds, timeout: .seconds(10))
            #expect(refused.status == 400)
            #expect(String(decoding: refused.body, as: UTF8.self).contains("Score must be at most 10, not 10.5"))

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

    /// Maps, names with `/` and arrays of any JSON decode and are written back with the same values.
    @Test func mapsAndSlashedNamesRoundTrip() throws {
        let json = #"""
            {"class": 1, "in": true, "where": "Tue, 01 Jan 2019 00:00:00 +0000", "day": "2024-02-29", "accounts": [],
             "limits": {"b": 2, "a": 1}, "prices": {"sms": {"amount": -0.0075, "currency": "USD"}, "mms": {"amount": 0}},
             "types": {"twilio/text": {"body": "hi"}, "whatsapp/card-v2": null}, "events": [1, "two", {"three": [3]}],
             "base_price": {"amount": "1.00", "currency": "EUR"},
             "protocols": {"sip": {"self": {"amount": "2"}, "history": [{"amount": "3", "currency": null}]}}}
            """#
        let decoded = try JSONDecoder().decode(Class.self, from: Data(json.utf8))
        #expect(decoded.limits == ["a": 1, "b": 2])
        #expect(decoded.prices?["sms"] == ClassPricesValue(amount: -0.0075, currency: "USD"))
        #expect(decoded.types?.twilioText?.body == "hi")
        #expect(decoded.events == [.integer(1), .string("two"), .object(["three": .array([.integer(3)])])])
        // A declared object is one type wherever it is used.
        let price: Price? = decoded.basePrice
        #expect(price == Price(amount: "1.00", currency: "EUR"))
        #expect(decoded.protocols?["sip"]?.history == [Price(amount: "3")])
        let written = String(decoding: decoded.jsonBytes, as: UTF8.self)
        #expect(
            written.contains(
                #""prices":{"mms":{"amount":0,"currency":null},"sms":{"amount":-0.0075,"currency":"USD"}}"#
            )
        )
        #expect(written.contains(#""types":{"twilio/text":{"body":"hi"},"whatsapp/card-v2":null}"#))
        #expect(try JSONDecoder().decode(Class.self, from: Data(decoded.jsonBytes)) == decoded)
    }

    /// An operation with `auth: none` sends no credentials, and its route asks for none.
    @Test func anOperationWithoutCredentialsSendsNoneAndNeedsNone() async throws {
        let transport = RecordingTransport(responses: [.json(200, #"{"access_token": "t"}"#)])
        let recorded = LandmineAPI(accountSid: "user", authToken: "secret", transport: transport)
        #expect(try await recorded.tokens.create(grantType: "client_credentials", clientId: "me").accessToken == "t")
        #expect(transport.requests.first?.headers.contains { $0.name == "Authorization" } == false)

        try await Self.serve(Self.handler()) { port in
            let stranger = LandmineAPI(
                accountSid: "nobody",
                authToken: "wrong",
                configuration: ClientConfiguration(baseURL: "http://127.0.0.1:\(port)")
            )
            let token = try await stranger.tokens.create(grantType: "client_credentials", clientId: "me")
            #expect(token.accessToken == "token for me")
            // Other operations still refuse the stranger.
            await #expect { try await stranger.usages.page() } throws: { ($0 as? ClientError)?.status == 401 }
            // The CLI asks for no credentials either.
            let printed = try await Self.runCLI([
                "tokens", "create", "--grant-type", "client_credentials", "--client-id", "cli",
                "--base-url", "http://127.0.0.1:\(port)", "--output", "json",
            ])
            #expect(printed.status == 0)
            #expect(printed.stdout.contains("token for cli"))
        }
    }

    /// Where two templates fit a path (`/classes/{in}/{self}` and `/classes/{where}/replacement`),
    /// the router serves the one with literal text, and a 405's `Allow` lists only its methods.
    @Test(arguments: [
        ("POST", "/classes/5/replacement", "PUT"),
        ("OPTIONS", "/classes/5/replacement", "PUT"),
        ("GET", "/classes/5/\(account)", "POST"),
        ("GET", "/classes/5", "DELETE, PATCH"),
    ])
    func aMethodAPathDoesNotHaveIsAnswered405WithTheMethodsTheRouterServes(
        method: String,
        path: String,
        allow: String
    ) async throws {
        try await Self.serve(Self.handler()) { port in
            let response = try await AsyncHTTPClientTransport().send(
                ClientRequest(
                    method: method,
                    url: "http://127.0.0.1:\(port)\(path)",
                    headers: [("Authorization", "Basic " + Data("user:secret".utf8).base64EncodedString())],
                    body: nil
                ),
                timeout: .seconds(10)
            )
            #expect(response.status == 405)
            #expect(response.header("Allow") == allow)
        }
    }

    /// The spec's realm, error pages and acronyms, not Twilio's: in the server's 401 and its
    /// error JSON, and in the CLI's headings.
    @Test func theSpecsRealmErrorPagesAndAcronymsReachTheServerAndTheCLI() async throws {
        let handler = Self.handler()
        try await Self.serve(handler) { port in
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
            _ = try await client.classes.create(
                in: "a",
                self_: Self.account,
                class: "b",
                return: Self.protocolSid,
                callers: [Self.account]
            )
            let listed = try await Self.runCLI([
                "classes", "list", "--account-sid", "user", "--auth-token", "secret", "--base-url", baseURL,
                "--properties", "hash_value,coding_keys,dotted.name,1st_value",
            ])
            #expect(listed.status == 0)
            #expect(listed.stdout.split(separator: "\n").first == "HASH Value  CODING Keys  Dotted.name  1st Value")
        }
    }

    /// Runs the landmine CLI without blocking a thread of the test's.
    static func runCLI(_ arguments: [String]) async throws -> ExecutableRun {
        try await runBuiltExecutable("LandmineCLI", arguments)
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
