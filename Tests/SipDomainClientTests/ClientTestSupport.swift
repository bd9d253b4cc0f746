import Foundation
import GenClientRuntime
import SipDomainClient
import SipDomainModels

/// A client on a recording transport, with fixed credentials and examples.
enum Fixture {
    static let account: AccountSid = "AC0123456789abcdef0123456789abcdef"
    static let otherAccount: AccountSid = "ACfedcba9876543210fedcba9876543210"
    static let token = "s3cr3t-auth-token"
    static let authorization = "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpzM2NyM3QtYXV0aC10b2tlbg=="
    static let domain: SipDomainSid = "SD00000000000000000000000000000001"
    static let accountPath = "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef"

    static func client(
        _ transport: RecordingTransport,
        configuration: ClientConfiguration = ClientConfiguration()
    ) -> SipDomainAPI {
        SipDomainAPI(accountSid: account, authToken: token, configuration: configuration, transport: transport)
    }

    /// A documented response from `GeneratedModelsTests/Examples`.
    static func example(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("GeneratedModelsTests/Examples/\(name).json")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The `User-Agent` the client should send, worked out here from the running system rather
    /// than read from `UserAgent`, so that a wrong value there fails the request tests.
    static var userAgent: String {
        var system = utsname()
        _ = uname(&system)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let machine = text(system.machine) == "aarch64" ? "arm64" : text(system.machine)
        #if swift(>=6.4)
            let swift = "6.4 or later"
        #elseif swift(>=6.3)
            let swift = "6.3"
        #else
            let swift = "6.1 or 6.2"
        #endif
        return "gen-swift/0.1.0 (\(text(system.sysname)) \(machine)) Swift/\(swift)"
    }

    /// The headers every request carries, then those of a form body.
    static func headers(form: Bool) -> [String] {
        [
            "Authorization: \(authorization)", "User-Agent: \(userAgent)", "Accept: application/json",
        ] + (form ? ["Content-Type: application/x-www-form-urlencoded"] : [])
    }

    /// A page of `count` domains numbered from `first`, linking to `next`.
    static func page(first: Int, count: Int, next: String?) -> String {
        let domains = (first..<first + count).map { index in
            #"{"sid": "SD\#(String(format: "%032x", index))", "friendly_name": "domain \#(index)"}"#
        }
        let nextURI = next.map { "\"\($0)\"" } ?? "null"
        return #"""
            {"domains": [\#(domains.joined(separator: ","))], "start": \#(first), "end": \#(first + count - 1),
             "page": 0, "page_size": \#(count), "uri": "/u", "first_page_uri": "/f",
             "next_page_uri": \#(nextURI), "previous_page_uri": null}
            """#
    }
}

extension ClientRequest {
    /// Headers as `Name: value` lines, for comparing in one expectation.
    var headerLines: [String] { headers.map { "\($0.name): \($0.value)" } }

    var bodyText: String? { body.map { String(decoding: $0, as: UTF8.self) } }
}
