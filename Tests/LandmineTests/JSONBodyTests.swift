import Foundation
import GenAsyncHTTPClientTransport
import GenClientRuntime
import GenRuntime
import GenServerRuntime
import LandmineBackend
import LandmineClient
import LandmineModels
import LandmineServer
import Testing

/// JSON request bodies (the landmine spec's `Service` create and `Configuration` update): the
/// client's bytes, the server's reading and refusals, and the CLI's JSON options; with the
/// singleton and the list-only resource beside them.
@Suite struct JSONBodyTests {
    static let sid = LandmineTests.protocolSid
    static let starts = Date(timeIntervalSince1970: 1_714_566_600)  // 2024-05-01T12:30:00Z

    /// Every kind of member once; `config.timeout` and the second rule's weight are left out.
    static func createEverything(_ client: LandmineAPI) async throws -> Service {
        try await client.services.create(
            friendlyName: #"Front "desk""#,
            xTwilioWebhookEnabled: true,
            self_: sid,
            body: 3,
            config: ServiceCreateConfig(rpId: "example.com", type: ServiceCreateConfigType(default: .class)),
            tags: ["a", "b c"],
            rules: [ServiceCreateRulesItem(name: "r1", weight: 0.5), ServiceCreateRulesItem(name: "r2")],
            metadata: .object(["z": .integer(1), "a": .array([.null, .bool(true)])]),
            filters: [.object(["a": .integer(1)]), .string("x")],
            twilioText: "hello",
            labels: ["b": "2", "a": "1"],
            price: Price(amount: "-0.0075"),
            weights: ["x": .number(0.5), "y": .object([:])],
            starts: starts,
            day: CalendarDate(year: 2024, month: 2, day: 29),
            enabled: false
        )
    }

    @Test func theClientSendsAJSONObjectLeavingOutWhatIsNotGiven() async throws {
        let created = ClientResponse.json(201, #"{"sid": "\#(Self.sid)"}"#)
        let transport = RecordingTransport(responses: [created, created])
        let client = LandmineAPI(accountSid: "user", authToken: "secret", transport: transport)
        #expect(try await Self.createEverything(client).sid == Self.sid)
        _ = try await client.services.create(friendlyName: "x")

        let bodies = transport.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } }
        #expect(
            bodies == [
                #"{"friendly_name":"Front \"desk\"","self":"\#(Self.sid)","body":3,"#
                    + #""config":{"rp_id":"example.com","Type":{"default":"class"}},"tags":["a","b c"],"#
                    + #""rules":[{"name":"r1","weight":0.5},{"name":"r2"}],"metadata":{"a":[null,true],"z":1},"filters":[{"a":1},"x"],"twilio/text":"hello","labels":{"a":"1","b":"2"},"price":{"amount":"-0.0075"},"weights":{"x":0.5,"y":{}},"#
                    + #""starts":"2024-05-01T12:30:00Z","day":"2024-02-29","enabled":false}"#,
                #"{"friendly_name":"x"}"#,
            ]
        )
        for request in transport.requests {
            #expect(request.headers.filter { $0.name == "Content-Type" }.map(\.value) == ["application/json"])
            #expect(request.url == "https://api.example.com/v1/Services")
        }
        #expect(transport.requests.first?.headers.contains { $0 == ("X-Twilio-Webhook-Enabled", "true") } == true)
    }

    @Test func theServerReadsEveryMemberTheClientSends() async throws {
        let handler = LandmineTests.handler()
        try await LandmineTests.serve(handler) { port in
            let client = Self.client(port)
            #expect(try await Self.createEverything(client).sid == Self.sid)
            let input = try #require(handler.serviceCreates.withLock { $0.last })
            #expect(input.friendlyName == #"Front "desk""#)
            #expect(input.xTwilioWebhookEnabled == true)
            #expect(input.self_ == Self.sid)
            #expect(input.body == 3)
            #expect(input.config == ServiceCreateConfig(rpId: "example.com", type: .init(default: .class)))
            #expect(input.tags == ["a", "b c"])
            #expect(input.rules == [.init(name: "r1", weight: 0.5), .init(name: "r2")])
            #expect(input.metadata == .object(["z": .integer(1), "a": .array([.null, .bool(true)])]))
            #expect(input.filters == [.object(["a": .integer(1)]), .string("x")])
            #expect(input.twilioText == "hello")
            #expect(input.labels == ["a": "1", "b": "2"])
            #expect(input.price == Price(amount: "-0.0075"))
            #expect(input.weights == ["x": .number(0.5), "y": .object([:])])
            #expect(input.starts == Self.starts)
            #expect(input.day == CalendarDate(year: 2024, month: 2, day: 29))
            #expect(input.enabled == false)

            _ = try await client.services.create(friendlyName: "bare")
            let bare = try #require(handler.serviceCreates.withLock { $0.last })
            #expect(bare.friendlyName == "bare")
            #expect(bare.config == nil && bare.tags == nil && bare.metadata == nil && bare.enabled == nil)

            // null is as if the member were not sent; a whole number written 3.0 is one.
            let response = try await Self.createService(
                #"{"friendly_name": "nulls", "enabled": null, "config": null, "body": 3.0}"#,
                port: port
            )
            #expect(response.status == 201)
            let nulls = try #require(handler.serviceCreates.withLock { $0.last })
            #expect(nulls.enabled == nil && nulls.config == nil && nulls.body == 3)
        }
    }

    /// Each body breaks one rule; each is a 400 whose message names the member and what is wrong.
    @Test(arguments: [
        (#"{"friendly_name": "#, "The request body is not valid JSON"),
        (#"["friendly_name"]"#, "The request body must be a JSON object"),
        (#"{}"#, "Required parameter friendly_name is missing from the JSON body"),
        (#"{"friendly_name": ["a"]}"#, "friendly_name must be one value, not an array"),
        (#"{"friendly_name": "x", "body": 11}"#, "body must be from 1 to 10, not 11"),
        (#"{"friendly_name": "x", "body": "many"}"#, "body must be a number in the JSON body"),
        (#"{"friendly_name": "x", "body": 2.5}"#, "body must be a whole number, not '2.5'"),
        (#"{"friendly_name": 5}"#, "friendly_name must be a string in the JSON body"),
        (#"{"friendly_name": "x", "enabled": "true"}"#, "enabled must be true or false in the JSON body"),
        (#"{"friendly_name": "x", "tags": [1]}"#, "tags must be an array of strings"),
        (
            #"{"friendly_name": "x", "config": {"rp_id": "a", "Type": {"default": "AAA"}}}"#,
            "config is not valid: 'AAA' is not one of class, self,"
        ),
        (#"{"friendly_name": "x", "self": "XX1"}"#, "self 'XX1' is not valid"),
        (#"{"friendly_name": "x", "tags": "a"}"#, "tags must be an array"),
        (#"{"friendly_name": "x", "tags": [{"a": 1}]}"#, "tags must be an array of single values, not of an object"),
        (#"{"friendly_name": "x", "config": {}}"#, "config is not valid: the member rp_id is missing"),
        (#"{"friendly_name": "x", "config": {"rp_id": 5}}"#, "config is not valid: at rp_id: "),
        (
            #"{"friendly_name": "x", "rules": [{"name": "a"}, {}]}"#,
            "rules is not valid: at [1]: the member name is missing"
        ),
        (#"{"friendly_name": "x", "starts": "yesterday"}"#, "starts 'yesterday' is not an ISO 8601 date and time"),
        // An offset that moves the instant out of the years the format writes.
        (
            #"{"friendly_name": "x", "starts": "9999-12-31T23:59:59-23:59"}"#,
            "starts '9999-12-31T23:59:59-23:59' is not an ISO 8601 date and time from 0001-01-01T00:00:00Z",
        ),
        (#"{"friendly_name": "x", "starts": "0001-01-01T00:00:00+00:01"}"#, "is not an ISO 8601 date and time from"),
        // The object and 64 arrays in it: one level deeper than any request may nest.
        (
            #"{"friendly_name": "x", "metadata": "# + String(repeating: "[", count: 64)
                + String(repeating: "]", count: 64)
                + "}",
            "The request body is not valid JSON: arrays and objects nest deeper than 64 levels at byte 98",
        ),
    ])
    func theServerRefusesABrokenBodyWith400(body: String, message: String) async throws {
        try await LandmineTests.serve(LandmineTests.handler()) { port in
            let response = try await Self.createService(
                body,
                port: port,
                contentType: "application/json; charset=utf-8"
            )
            #expect(response.status == 400)
            let text = String(decoding: response.body, as: UTF8.self)
            #expect(text.contains(message), "\(text)")
        }
    }

    /// JSON nested as deep as a request may is read, and what it holds is kept; a date at the
    /// edge of the range is written back as the format and the server's own parser take it.
    @Test func aBodyAtTheDepthLimitAndADateAtTheEdgeOfTheRangeAreRead() async throws {
        let handler = LandmineTests.handler()
        try await LandmineTests.serve(handler) { port in
            let nested = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
            let body = #"{"friendly_name": "x", "starts": "9999-12-31T23:59:59.9994Z", "metadata": "# + nested + "}"
            let response = try await Self.createService(body, port: port)
            #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
            let created = try #require(handler.serviceCreates.withLock { $0.last })
            var depth = 0
            var value = created.metadata
            while case .array(let elements)? = value {
                depth += 1
                value = elements.first
            }
            #expect(depth == 63)
            let starts = try #require(created.starts)
            #expect(ISO8601Date.string(from: starts) == "9999-12-31T23:59:59.999Z")
            #expect(ISO8601Date.date(from: ISO8601Date.string(from: starts)) == starts)
        }
    }

    @Test func aSingletonIsFetchedAndUpdatedInPlaceAndAListOnlyResourceIsListed() async throws {
        try await LandmineTests.serve(LandmineTests.handler()) { port in
            let client = Self.client(port)
            #expect(try await client.configurations.fetch(serviceSid: Self.sid).friendlyName == nil)
            let updated = try await client.configurations.update(serviceSid: Self.sid, friendlyName: "renamed")
            #expect(updated.friendlyName == "renamed")
            #expect(try await client.configurations.fetch(serviceSid: Self.sid).friendlyName == "renamed")

            // A 307 with a body is that operation's answer, not a redirect to follow.
            let data = try await client.configurations.data(serviceSid: Self.sid)
            #expect(data.friendlyName == "https://elsewhere.example.com/data")
            // Enum values in a path, escaped and read back.
            for value in [Default.withSpace, .quoteD, .class, ._2fa] {
                #expect(try await client.configurations.form(formType: value).friendlyName == value.rawValue)
            }
            await #expect {
                try await client.configurations.form(formType: .unknownValue("a/b"))
            } throws: { error in
                (error as? ClientError)?.status == 400
            }

            var counts: [Int] = []
            for try await usage in client.usages.list() { counts.append(usage.count) }
            #expect(counts == [0, 1, 2])
        }
    }

    /// The CLI takes an object's JSON from its option or from a file, and says what is wrong
    /// with JSON it cannot use.
    @Test func theCLITakesJSONFromAnOptionOrAFile() async throws {
        let handler = LandmineTests.handler()
        try await LandmineTests.serve(handler) { port in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID()).json")
            try Data(#"[{"name": "from a file", "weight": 2}]"#.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let connection = [
                "--account-sid", "user", "--auth-token", "secret", "--base-url", "http://127.0.0.1:\(port)",
            ]
            let created = try await LandmineTests.runCLI(
                ["services", "create", "--friendly-name", "cli", "--config", #"{"rp_id": "cli.example"}"#]
                    + ["--rules", "@" + file.path, "--tags", "a", "--tags", "b", "--starts", "2024-05-01T12:30:00Z"]
                    + connection
            )
            #expect(created.status == 0)
            let input = try #require(handler.serviceCreates.withLock { $0.last })
            #expect(input.config == ServiceCreateConfig(rpId: "cli.example"))
            #expect(input.rules == [.init(name: "from a file", weight: 2)])
            #expect(input.tags == ["a", "b"])
            #expect(input.starts == Self.starts)

            let broken = try await LandmineTests.runCLI(
                ["services", "create", "--friendly-name", "cli", "--config", "{}"] + connection
            )
            #expect(broken.status != 0)
            #expect(handler.serviceCreates.withLock { $0.count } == 1)
        }
    }

    /// Posts `body` as it is to the service create of the server on `port`.
    static func createService(
        _ body: String,
        port: Int,
        contentType: String = "application/json"
    ) async throws -> ClientResponse {
        try await AsyncHTTPClientTransport().send(
            ClientRequest(
                method: "POST",
                url: "http://127.0.0.1:\(port)/v1/Services",
                headers: [
                    ("Authorization", "Basic " + Data("user:secret".utf8).base64EncodedString()),
                    ("Content-Type", contentType),
                ],
                body: Data(body.utf8)
            ),
            timeout: .seconds(10)
        )
    }

    /// On AsyncHTTPClient: FoundationNetworking drops the body of a 307 without a `Location`,
    /// which the landmine's `data` operation answers (`TransportTests` shows what the URLSession
    /// transport does instead).
    static func client(_ port: Int) -> LandmineAPI {
        LandmineAPI(
            accountSid: "user",
            authToken: "secret",
            configuration: ClientConfiguration(baseURL: "http://127.0.0.1:\(port)"),
            transport: AsyncHTTPClientTransport()
        )
    }
}
