import Foundation
import GenClientRuntime
import Hummingbird
import TestSupport
import Testing

/// What every transport promises the client, on each of them against a real server: the
/// request goes as built, the response comes back whole, no redirect is followed, the timeout
/// holds for the whole exchange, and a response too large to hold is refused.
@Suite struct TransportTests {
    /// A server that echoes what it received, redirects, waits, or answers more than a client
    /// holds, by path.
    static func withServer<Result: Sendable>(_ body: @Sendable (String) async throws -> Result) async throws -> Result {
        try await Serving.serveRouter({ router in
            // The request's method, query, authorization and content type on a first line, then
            // its body.
            router.on("/echo", method: .post) { request, _ -> Response in
                let head = [
                    request.method.rawValue, request.uri.query ?? "", request.headers[.authorization] ?? "",
                    request.headers[.contentType] ?? "",
                ]
                var echo = ByteBuffer(string: head.joined(separator: "|") + "\n")
                var received = try await request.body.collect(upTo: 1 << 20)
                echo.writeBuffer(&received)
                return Response(status: .accepted, headers: [.contentType: "text/plain"], body: .init(byteBuffer: echo))
            }
            router.get("/redirect") { _, _ -> Response in
                Response(
                    status: .temporaryRedirect,
                    headers: [.location: "/echo", .contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"redirect_to": "/echo"}"#))
                )
            }
            // A 307 whose body says where the content is, without a `Location`: an operation's
            // answer, as Twilio's APIs give some.
            router.get("/elsewhere") { _, _ -> Response in
                Response(
                    status: .temporaryRedirect,
                    headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: #"{"url": "https://elsewhere.example.com"}"#))
                )
            }
            router.get("/slow") { _, _ -> Response in
                try await Task.sleep(for: .seconds(3))
                return Response(status: .ok)
            }
            router.get("/huge") { _, _ -> Response in
                let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1 << 20)
                let count = URLSessionTransport.maximumResponseBytes / chunk.readableBytes + 1
                return Response(
                    status: .ok,
                    body: ResponseBody { writer in
                        for _ in 0..<count { try await writer.write(chunk) }
                        try await writer.finish(nil)
                    }
                )
            }
        }) { port in
            try await body("http://127.0.0.1:\(port)")
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func sendsTheRequestAsBuiltAndReturnsTheWholeResponse(_ transport: ClientTransport) async throws {
        try await Self.withServer { baseURL in
            // Longer than the 1 KiB after which some HTTP clients ask `Expect: 100-continue`.
            let body = Data(("FriendlyName=Caf%C3%A9&" + String(repeating: "a", count: 4000)).utf8)
            let request = ClientRequest(
                method: "POST",
                url: "\(baseURL)/echo?PageSize=2",
                headers: [
                    ("Authorization", "Basic dXNlcjpzZWNyZXQ="), ("Content-Type", "application/x-www-form-urlencoded"),
                ],
                body: body
            )
            // Under a second: FoundationNetworking counts its own timeout in whole seconds.
            let response = try await transport.transport.send(request, timeout: .milliseconds(900))
            #expect(response.status == 202)
            #expect(response.header("Content-Type") == "text/plain")
            let head = "POST|PageSize=2|Basic dXNlcjpzZWNyZXQ=|application/x-www-form-urlencoded\n"
            #expect(response.body == Data(head.utf8) + body)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func followsNoRedirect(_ transport: ClientTransport) async throws {
        try await Self.withServer { baseURL in
            let request = ClientRequest(method: "GET", url: "\(baseURL)/redirect", headers: [], body: nil)
            let response = try await transport.transport.send(request, timeout: .seconds(10))
            #expect(response.status == 307)
            #expect(response.header("Location") == "/echo")
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"redirect_to": "/echo"}"#)
        }
    }

    /// The body of a 3xx without a `Location` arrives, except through FoundationNetworking, which
    /// drops it: there the transport says so rather than answer an empty body.
    @Test(arguments: ClientTransport.allCases)
    func aRedirectWithoutLocationKeepsItsBodyOrSaysWhy(_ transport: ClientTransport) async throws {
        try await Self.withServer { baseURL in
            let request = ClientRequest(method: "GET", url: "\(baseURL)/elsewhere", headers: [], body: nil)
            #if canImport(FoundationNetworking)
                if transport == .urlSession {
                    await #expect(throws: URLSessionTransport.UnreadableRedirectBody.self) {
                        try await transport.transport.send(request, timeout: .seconds(10))
                    }
                    return
                }
            #endif
            let response = try await transport.transport.send(request, timeout: .seconds(10))
            #expect(response.status == 307)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"url": "https://elsewhere.example.com"}"#)
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func theTimeoutHoldsForTheWholeExchange(_ transport: ClientTransport) async throws {
        try await Self.withServer { baseURL in
            let request = ClientRequest(method: "GET", url: "\(baseURL)/slow", headers: [], body: nil)
            let started = ContinuousClock.now
            await #expect(throws: (any Error).self) {
                try await transport.transport.send(request, timeout: .milliseconds(300))
            }
            #expect(ContinuousClock.now - started < .milliseconds(2500))
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func refusesAResponseTooLargeToHold(_ transport: ClientTransport) async throws {
        try await Self.withServer { baseURL in
            let request = ClientRequest(method: "GET", url: "\(baseURL)/huge", headers: [], body: nil)
            await #expect(throws: (any Error).self) {
                try await transport.transport.send(request, timeout: .seconds(30))
            }
        }
    }

    @Test(arguments: ClientTransport.allCases)
    func aClosedPortIsAnErrorNotAResponse(_ transport: ClientTransport) async throws {
        // A port that was free a moment ago: the server of `withServer` has shut down.
        let closed = try await Self.withServer { $0 }
        let request = ClientRequest(method: "GET", url: "\(closed)/echo", headers: [], body: nil)
        await #expect(throws: (any Error).self) {
            try await transport.transport.send(request, timeout: .seconds(2))
        }
    }

    /// Cancelling the task that sends a request ends the exchange at once.
    @Test(arguments: ClientTransport.allCases)
    func cancellationEndsTheExchange(_ transport: ClientTransport) async throws {
        try await Self.withServer { baseURL in
            let request = ClientRequest(method: "GET", url: "\(baseURL)/slow", headers: [], body: nil)
            let started = ContinuousClock.now
            let sending = Task { try await transport.transport.send(request, timeout: .seconds(30)) }
            try await Task.sleep(for: .milliseconds(200))
            sending.cancel()
            await #expect(throws: (any Error).self) { try await sending.value }
            #expect(ContinuousClock.now - started < .milliseconds(2500))
        }
    }
}
