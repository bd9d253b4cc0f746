import Foundation
import GenClientRuntime
import GenRuntime
import Testing

@Suite struct FormEncodingTests {
    @Test func formValuesAreEncodedAsHTMLFormsAre() {
        #expect(FormEncoding.encode("Scranton Office") == "Scranton+Office")
        #expect(FormEncoding.encode("a-b_c.d*e~f") == "a-b_c.d*e%7Ef")
        #expect(FormEncoding.encode("https://x.example/p?q=1&r=2") == "https%3A%2F%2Fx.example%2Fp%3Fq%3D1%26r%3D2")
        #expect(FormEncoding.encode("50% +1") == "50%25+%2B1")
        #expect(FormEncoding.encode("Zürich ☎") == "Z%C3%BCrich+%E2%98%8E")
        #expect(FormEncoding.encode("") == "")
    }

    @Test func pathSegmentsCannotAddSegmentsOrAQuery() {
        #expect(FormEncoding.pathSegment("SD0123") == "SD0123")
        #expect(FormEncoding.pathSegment("a/b?c#d e") == "a%2Fb%3Fc%23d%20e")
        #expect(FormEncoding.pathSegment("..") == "%2E%2E")
        #expect(FormEncoding.pathSegment(".") == "%2E")
        #expect(FormEncoding.pathSegment("a..b") == "a..b")
        #expect(FormEncoding.pathSegment(".json") == ".json")
        #expect(FormEncoding.pathSegment("x~y") == "x~y")
    }

    @Test func pathInterpolationEncodesEachValueAsOneSegment() {
        let sid = "SD/evil?x=1"
        let path: URLPath = "/Accounts/\(segment: "AC1")/SIP/Domains/\(segment: sid).json"
        #expect(path.description == "/Accounts/AC1/SIP/Domains/SD%2Fevil%3Fx%3D1.json")
    }

    @Test func parametersKeepTheirOrderAndLeaveOutNil() {
        let missing: String? = nil
        let parameters: FormParameters = ["B": "2", "A": 1, "Skipped": missing, "On": true, "Off": false]
        #expect(parameters.encoded == "B=2&A=1&On=true&Off=false")
        #expect(parameters.pairs.map(\.name) == ["B", "A", "On", "Off"])
        let empty: FormParameters = ["Nothing": missing]
        #expect(empty.isEmpty)
    }
}

@Suite struct CredentialsTests {
    @Test func basicCredentialsNeverShowThePassword() {
        let credentials = BasicCredentials(username: "ACuser", password: "hunter2-secret")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), dumped] {
            #expect(!text.contains("hunter2-secret"), "\(text)")
            #expect(text.contains("ACuser"))
        }
    }

    @Test func requestsRedactTheAuthorizationHeader() {
        let request = ClientRequest(
            method: "GET",
            url: "https://api.example.com/x",
            headers: [("Authorization", "Basic c2VjcmV0"), ("Accept", "application/json")]
        )
        var dumped = ""
        dump(request, to: &dumped)
        for text in [String(describing: request), String(reflecting: request), dumped] {
            #expect(!text.contains("c2VjcmV0"), "\(text)")
        }
        #expect(String(reflecting: request).contains("Authorization: <redacted>"))
        #expect(request.header("authorization") == "Basic c2VjcmV0")
    }
}

@Suite struct RetryPolicyTests {
    @Test func delaysDoubleUpToTheMaximum() {
        let policy = RetryPolicy(maxRetries: 5, initialDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: false)
        #expect(policy.delay(beforeRetry: 0) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 1) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 2) == .milliseconds(400))
        #expect(policy.delay(beforeRetry: 4) == .seconds(1))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .milliseconds(700)) == .milliseconds(700))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(60)) == .seconds(1))
    }

    @Test func jitterStaysBetweenHalfAndAllOfTheDelay() {
        let policy = RetryPolicy(maxRetries: 3, initialDelay: .milliseconds(100), maxDelay: .seconds(10), jitter: true)
        for _ in 0..<200 {
            let delay = policy.delay(beforeRetry: 1)
            #expect(delay >= .milliseconds(100) && delay <= .milliseconds(200))
        }
    }

    @Test func onlyTooManyRequestsAndUnavailableAreRetried() {
        for method in ["GET", "POST", "DELETE", "PUT", "PATCH"] {
            #expect(RetryPolicy.isRetryable(status: 429, method: method))
            for status in [200, 400, 401, 404, 500, 502, 504] {
                #expect(!RetryPolicy.isRetryable(status: status, method: method))
            }
        }
        #expect(RetryPolicy.none.maxRetries == 0)
    }

    @Test func unavailableIsRetriedOnlyForRequestsThatMaySafelyBeRepeated() {
        for method in ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"] {
            #expect(RetryPolicy.isRetryable(status: 503, method: method))
        }
        for method in ["POST", "PATCH"] {
            #expect(!RetryPolicy.isRetryable(status: 503, method: method))
        }
    }
}

@Suite struct UserAgentTests {
    @Test func namesTheGeneratorThePlatformAndSwift() throws {
        let pattern =
            #/^gen-swift/\d+\.\d+\.\d+ \((Linux|Darwin|iOS|Windows|unknown) (x86_64|arm64|unknown)\) Swift/6\.\d+$/#
        #expect(try pattern.wholeMatch(in: UserAgent.default) != nil, "\(UserAgent.default)")
    }
}

@Suite struct ErrorDecodingTests {
    @Test func twilioErrorJSONDecodesWithDetails() async throws {
        let body = Data(
            #"{"code": 21231, "message": "Domain name is invalid", "more_info": "https://www.twilio.com/docs/errors/21231", "status": 400, "details": {"field": "DomainName", "limits": [1, 2.5, null, true]}}"#
                .utf8
        )
        let transport = RecordingTransport(responses: [ClientResponse(status: 400, body: body)])
        let connection = APIConnection(
            defaultBaseURL: "https://api.example.com",
            credentials: BasicCredentials(username: "u", password: "p"),
            configuration: ClientConfiguration(),
            transport: transport
        )
        do {
            try await connection.send("POST", path: "/x", form: ["A": "b"])
            Issue.record("no error thrown")
        } catch {
            guard case .api(let apiError) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(apiError.status == 400)
            #expect(apiError.code == 21231)
            #expect(apiError.message == "Domain name is invalid")
            #expect(apiError.moreInfo == "https://www.twilio.com/docs/errors/21231")
            #expect(
                apiError.details
                    == .object([
                        "field": .string("DomainName"),
                        "limits": .array([.integer(1), .number(2.5), .null, .bool(true)]),
                    ])
            )
            #expect(
                error.description
                    == "HTTP 400, Twilio error 21231: Domain name is invalid (https://www.twilio.com/docs/errors/21231)"
            )
        }
    }
}

@Suite struct PagedSequenceTests {
    struct Page: Sendable {
        var items: [Int]
        var next: String?
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func increment() { lock.withLock { value += 1 } }
    }

    static func sequence(pages: [[Int]], limit: Int?, fetches: Counter) -> PagedSequence<Int> {
        PagedSequence(limit: limit) { () async throws(ClientError) in
            fetches.increment()
            return Page(items: pages[0], next: pages.count > 1 ? "1" : nil)
        } next: { uri async throws(ClientError) in
            fetches.increment()
            let index = Int(uri)!
            return Page(items: pages[index], next: index + 1 < pages.count ? "\(index + 1)" : nil)
        } contents: {
            ($0.items, $0.next)
        }
    }

    @Test func followsEveryPageWithoutALimit() async throws {
        let fetches = Counter()
        let items = try await Self.sequence(pages: [[1, 2], [3, 4], [5]], limit: nil, fetches: fetches).collect()
        #expect(items == [1, 2, 3, 4, 5])
        #expect(fetches.count == 3)
    }

    @Test func stopsAtTheLimitWithoutFetchingFurther() async throws {
        let fetches = Counter()
        let items = try await Self.sequence(pages: [[1, 2], [3, 4], [5]], limit: 3, fetches: fetches).collect()
        #expect(items == [1, 2, 3])
        #expect(fetches.count == 2)
    }

    @Test func aLimitOfZeroFetchesNothing() async throws {
        let fetches = Counter()
        let items = try await Self.sequence(pages: [[1]], limit: 0, fetches: fetches).collect()
        #expect(items.isEmpty)
        #expect(fetches.count == 0)
    }

    @Test func anEmptyFirstPageEndsTheSequence() async throws {
        let fetches = Counter()
        var iterator = Self.sequence(pages: [[]], limit: nil, fetches: fetches).makeAsyncIterator()
        #expect(try await iterator.next() == nil)
        #expect(fetches.count == 1)
    }

    @Test func arraysAreSentAsRepeatedKeysAndNumbersExactly() {
        let parameters: FormParameters = [
            "Event": ["initiated", "ringing"], "None": [String]?.none, "Empty": [Int](), "Ratio": -0.0075,
            "Whole": 2.0, "Day": CalendarDate(year: 2024, month: 2, day: 29),
        ]
        #expect(parameters.encoded == "Event=initiated&Event=ringing&Ratio=-0.0075&Whole=2&Day=2024-02-29")
    }
}
