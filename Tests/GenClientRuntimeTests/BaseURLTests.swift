import GenClientRuntime
import Testing

/// Base URLs are parsed and checked once, and a URI from a response is followed only when it is
/// a path of the base URL's origin.
@Suite struct BaseURLTests {
    @Test(arguments: [
        ("https://api.twilio.com", "https://api.twilio.com", ""),
        ("https://api.twilio.com/", "https://api.twilio.com", ""),
        ("HTTPS://API.Twilio.com:8443/proxy/twilio//", "https://api.twilio.com:8443", "/proxy/twilio"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080", ""),
        ("http://127.10.0.1", "http://127.10.0.1", ""),
        ("http://localhost:9", "http://localhost:9", ""),
        ("http://[::1]:9", "http://[::1]:9", ""),
    ])
    func aUsableBaseURLKeepsItsOriginAndPrefix(_ text: String, _ origin: String, _ prefix: String) throws {
        let base = try BaseURL(parsing: text)
        #expect(base.origin == origin)
        #expect(base.pathPrefix == prefix)
    }

    @Test(arguments: [
        ("api.twilio.com", "the scheme must be http or https"),
        ("ftp://api.twilio.com", "the scheme must be http or https"),
        ("https://", "it names no host"),
        ("https:///path", "it names no host"),
        (
            "https://AC123:token@api.twilio.com",
            "it must not carry a user or password: credentials go in the "
                + "Authorization header"
        ),
        (
            "https://evil.example@api.twilio.com",
            "it must not carry a user or password: credentials go in the "
                + "Authorization header"
        ),
        ("https://api.twilio.com?x=1", "it must not have a query"),
        ("https://api.twilio.com#top", "it must not have a fragment"),
        ("https://api.twilio.com\r\nX: y", "it contains a control character"),
        ("https://api twilio.com", "it contains a space"),
        ("https://api.twilio.com\\@evil", "it contains a backslash"),
        ("https://äpi.twilio.com", "it contains a character outside ASCII that is not percent-encoded"),
        (
            "http://api.twilio.com",
            "plain http to a host other than this machine would send the credentials in "
                + "the clear; use https, or set ClientConfiguration.allowsInsecureHTTP"
        ),
        (
            "http://127.0.0.1.evil.example",
            "plain http to a host other than this machine would send the "
                + "credentials in the clear; use https, or set ClientConfiguration.allowsInsecureHTTP"
        ),
        (
            "http://localhost.evil.example",
            "plain http to a host other than this machine would send the "
                + "credentials in the clear; use https, or set ClientConfiguration.allowsInsecureHTTP"
        ),
    ])
    func anUnusableBaseURLIsRefusedSayingWhy(_ text: String, _ reason: String) {
        #expect {
            try BaseURL(parsing: text)
        } throws: { error in
            guard case ClientError.invalidBaseURL(let url, let given) = error else { return false }
            return url == text && given == reason
        }
    }

    @Test func plainHTTPToAnotherHostIsAllowedOnlyWhenAskedFor() throws {
        let base = try BaseURL(parsing: "http://mock.internal:4010", allowsInsecureHTTP: true)
        #expect(base.origin == "http://mock.internal:4010")
        #expect(!base.isLoopback)
    }

    @Test(arguments: [
        (
            "/2010-04-01/Accounts/AC1/SIP/Domains.json?Page=1",
            "https://api.twilio.com/2010-04-01/Accounts/AC1/SIP/Domains.json?Page=1"
        ),
        ("/a/%40b?c=%2F", "https://api.twilio.com/a/%40b?c=%2F"),
        ("https://api.twilio.com/x?y=1", "https://api.twilio.com/x?y=1"),
        ("HTTPS://API.TWILIO.COM:443/x", "https://api.twilio.com/x"),
    ])
    func aPathOfTheSameOriginIsFollowed(_ uri: String, _ url: String) throws {
        #expect(try BaseURL(parsing: "https://api.twilio.com").url(following: uri) == url)
    }

    @Test func aRelativePathKeepsTheBaseURLsPrefix() throws {
        let base = try BaseURL(parsing: "http://127.0.0.1:8080/twilio")
        #expect(try base.url(following: "/2010-04-01/x") == "http://127.0.0.1:8080/twilio/2010-04-01/x")
        #expect(try base.url(following: "http://127.0.0.1:8080/2010-04-01/x") == "http://127.0.0.1:8080/2010-04-01/x")
    }

    @Test(arguments: [
        ("@evil.example/steal", "it is neither a path that starts with / nor an absolute URL"),
        ("%40evil.example/steal", "it is neither a path that starts with / nor an absolute URL"),
        ("evil.example/steal", "it is neither a path that starts with / nor an absolute URL"),
        ("", "it is neither a path that starts with / nor an absolute URL"),
        ("//evil.example/steal", "it names another host (a scheme-relative URL)"),
        ("https://evil.example/steal", "its host is not api.twilio.com"),
        ("https://api.twilio.com.evil.example/steal", "its host is not api.twilio.com"),
        ("https://api.twilio.com@evil.example/steal", "it carries a user or password"),
        ("https://user:pass@api.twilio.com/steal", "it carries a user or password"),
        ("http://api.twilio.com/steal", "its scheme is not https"),
        ("http:api.twilio.com/steal", "its scheme is not https"),
        ("https:evil.example/steal", "its host is not api.twilio.com"),
        ("https://api.twilio.com:8443/steal", "its port is not that of https://api.twilio.com"),
        ("javascript:alert(1)", "its scheme is not https"),
        ("/steal\r\nHost: evil.example", "it contains a control character"),
        ("/steal\u{0}", "it contains a control character"),
        ("/steal evil", "it contains a space"),
        ("/\\evil.example/steal", "it contains a backslash"),
        ("/stéal", "it contains a character outside ASCII that is not percent-encoded"),
    ])
    func anyOtherURIIsRejectedSayingWhy(_ uri: String, _ reason: String) throws {
        let base = try BaseURL(parsing: "https://api.twilio.com")
        #expect {
            try base.url(following: uri)
        } throws: { error in
            guard case ClientError.rejectedURI(let rejected, let given) = error else { return false }
            return rejected == uri && given == reason
        }
    }
}
