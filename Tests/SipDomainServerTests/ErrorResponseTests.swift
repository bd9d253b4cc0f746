import Foundation
import GenClientRuntime
import Testing

/// Every error the local server answers, byte for byte: Twilio's error JSON with its status,
/// code, message and more_info, and the headers that go with it.
@Suite struct ErrorResponseTests {
    typealias Harness = LocalServerHarness

    static func body(_ response: ClientResponse) -> String {
        String(decoding: response.body, as: UTF8.self)
    }

    @Test func aParameterWithItsOwnCodeAnswers400WithThatCode() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw("POST", Harness.domainsPath(baseURL), body: "DomainName=bad")
            #expect(response.status == 400)
            #expect(response.header("Content-Type") == "application/json")
            #expect(
                Self.body(response)
                    == #"{"code":21231,"message":"DomainName 'bad' is not valid: it must match "#
                    + #"^[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.sip\\.twilio\\.com$","#
                    + #""more_info":"https://www.twilio.com/docs/errors/21231","status":400}"#
            )
        }
    }

    @Test func aParameterWithoutACodeAnswers400WithNullCode() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw("GET", Harness.domainsPath(baseURL) + "?PageSize=0")
            #expect(response.status == 400)
            #expect(
                Self.body(response)
                    == #"{"code":null,"message":"PageSize must be from 1 to 1000, not 0","more_info":null,"status":400}"#
            )
        }
    }

    @Test func wrongCredentialsAnswer401WithTheRealm() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw(
                "GET",
                Harness.domainsPath(baseURL),
                authorization: Harness.basic(Harness.alice, "wrong")
            )
            #expect(response.status == 401)
            #expect(response.header("WWW-Authenticate") == #"Basic realm="Twilio API""#)
            #expect(
                Self.body(response)
                    == #"{"code":20003,"message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","#
                    + #""status":401}"#
            )
        }
    }

    @Test func anUnknownPathAnswers404() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw("GET", "\(baseURL)/nothing/here.json")
            #expect(response.status == 404)
            #expect(
                Self.body(response)
                    == #"{"code":20404,"message":"The requested resource /nothing/here.json was not found","#
                    + #""more_info":"https://www.twilio.com/docs/errors/20404","status":404}"#
            )
        }
    }

    @Test(arguments: [
        ("TRACE", "/2010-04-01/Accounts/{a}/SIP/Domains.json", "POST, GET, HEAD"),
        ("PUT", "/2010-04-01/Accounts/{a}/SIP/Domains.json", "POST, GET, HEAD"),
        ("DELETE", "/2010-04-01/Accounts/{a}/SIP/Domains.json", "POST, GET, HEAD"),
        (
            "PATCH", "/2010-04-01/Accounts/{a}/SIP/Domains/SD0123456789abcdef0123456789abcdef.json",
            "GET, HEAD, POST, DELETE"
        ),
        ("OPTIONS", "/2010-04-01/Accounts/nonsense/SIP/Domains/x.json", "GET, HEAD, POST, DELETE"),
    ])
    func aMethodThePathDoesNotHaveAnswers405(_ method: String, _ path: String, _ allow: String) async throws {
        try await Harness.withServer { baseURL in
            let path = path.replacingOccurrences(of: "{a}", with: Harness.alice.rawValue)
            let response = try await Harness.raw(method, baseURL + path)
            #expect(response.status == 405)
            #expect(response.header("Allow") == allow)
            #expect(
                Self.body(response)
                    == #"{"code":null,"message":"The method \#(method) is not allowed for \#(path)","more_info":null,"#
                    + #""status":405}"#
            )
        }
    }

    @Test func aBodyOverTheLimitAnswers413() async throws {
        try await Harness.withServer { baseURL in
            let body = "FriendlyName=" + String(repeating: "x", count: 3 * 1024 * 1024)
            let response = try await Harness.raw("POST", Harness.domainsPath(baseURL), body: body)
            #expect(response.status == 413)
            #expect(
                Self.body(response)
                    == #"{"code":null,"message":"The request body is larger than 2097152 bytes","more_info":null,"#
                    + #""status":413}"#
            )
        }
    }

    @Test func emptyBasicCredentialsAnswer401() async throws {
        try await Harness.withServer { baseURL in
            for authorization in [
                "Basic Og==", "Basic " + Data("\(Harness.alice.rawValue):".utf8).base64EncodedString(),
            ] {
                let response = try await Harness.raw("GET", Harness.domainsPath(baseURL), authorization: authorization)
                #expect(response.status == 401, "\(authorization)")
                #expect(response.header("WWW-Authenticate") == #"Basic realm="Twilio API""#)
                #expect(response.json?["code"] as? Int == 20003)
            }
        }
    }

    /// A route reads a body only in the media type its operation declares, and none where it
    /// declares none: the bytes of any other are not parsed.
    @Test func aBodyInAnotherMediaTypeAnswers415() async throws {
        try await Harness.withServer { baseURL in
            let deep = "{\"zzz\":" + String(repeating: #"{"a":"#, count: 510) + "1" + String(repeating: "}", count: 511)
            let response = try await Harness.raw(
                "POST",
                Harness.domainsPath(baseURL),
                body: deep,
                contentType: "application/json"
            )
            #expect(response.status == 415)
            let path = "/2010-04-01/Accounts/\(Harness.alice.rawValue)/SIP/Domains.json"
            #expect(
                Self.body(response)
                    == #"{"code":null,"message":"POST \#(path) takes a body of application/x-www-form-urlencoded, "#
                    + #"not application/json","more_info":null,"status":415}"#
            )
        }
    }

    @Test func aBodyWhereTheOperationHasNoneAnswers400() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw(
                "GET",
                Harness.domainsPath(baseURL),
                body: #"{"a":[[[[1]]]]}"#,
                contentType: "application/json"
            )
            #expect(response.status == 400)
            #expect((response.json?["message"] as? String)?.hasSuffix("takes no request body") == true)
            // Whitespace is no body.
            let blank = try await Harness.raw("GET", Harness.domainsPath(baseURL), body: " \r\n")
            #expect(blank.status == 200)
        }
    }

    /// HEAD is the GET without its body, for answers and errors alike.
    @Test func headIsTheGetWithoutItsBody() async throws {
        try await Harness.withServer { baseURL in
            let list = try await Harness.raw("HEAD", Harness.domainsPath(baseURL))
            #expect(list.status == 200)
            #expect(list.body.isEmpty)
            #expect(list.header("Content-Type") == "application/json")
            let missing = try await Harness.raw("HEAD", "\(baseURL)/nothing/here.json")
            #expect(missing.status == 404)
            #expect(missing.body.isEmpty)
            let unauthorized = try await Harness.raw("HEAD", Harness.domainsPath(baseURL), authorization: nil)
            #expect(unauthorized.status == 401)
            #expect(unauthorized.body.isEmpty)
        }
    }

    /// What HTTP's parser refuses before any route sees it still gets the error JSON.
    @Test func aRequestLineOverTheLimitAnswers431WithTheErrorJSON() async throws {
        try await Harness.withServer { baseURL in
            let response = try await Harness.raw("GET", baseURL + "/" + String(repeating: "a", count: 100 * 1024))
            #expect(response.status == 431)
            #expect(response.header("Content-Type") == "application/json")
            #expect(
                Self.body(response)
                    == #"{"code":null,"message":"The request line and headers are larger than the 80 KiB the "#
                    + #"server reads","more_info":null,"status":431}"#
            )
        }
    }
}
