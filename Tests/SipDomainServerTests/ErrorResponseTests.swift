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
        ("TRACE", "/2010-04-01/Accounts/{a}/SIP/Domains.json", "POST, GET"),
        ("PUT", "/2010-04-01/Accounts/{a}/SIP/Domains.json", "POST, GET"),
        ("DELETE", "/2010-04-01/Accounts/{a}/SIP/Domains.json", "POST, GET"),
        ("PATCH", "/2010-04-01/Accounts/{a}/SIP/Domains/SD0123456789abcdef0123456789abcdef.json", "GET, POST, DELETE"),
        ("OPTIONS", "/2010-04-01/Accounts/nonsense/SIP/Domains/x.json", "GET, POST, DELETE"),
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
}
