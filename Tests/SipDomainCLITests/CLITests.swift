import Foundation
import SipDomainModels
import TestSupport
import Testing

/// The generated `sipdomain` CLI, run as a subprocess against the local server.
@Suite struct CLITests {
    typealias Harness = CLIServer

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `sipdomain arguments…` with `environment` (and nothing of the test's own).
    static func run(_ arguments: [String], environment: [String: String]) async throws -> Run {
        let run = try await runBuiltExecutable("sipdomain", arguments, environment: environment)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func environment(_ baseURL: String, token: String = Harness.aliceToken) -> [String: String] {
        ["TWILIO_ACCOUNT_SID": Harness.alice.rawValue, "TWILIO_AUTH_TOKEN": token, "SIPDOMAIN_BASE_URL": baseURL]
    }

    @Test func lifecycleInEveryOutputFormat() async throws {
        try await Harness.withServer { baseURL in
            let env = Self.environment(baseURL)
            func sipdomain(_ arguments: String...) async throws -> Run {
                try await Self.run(["sip-domains"] + arguments, environment: env)
            }

            let created = try await sipdomain(
                "create",
                "--domain-name",
                "scranton.sip.twilio.com",
                "--friendly-name",
                "Scranton Office",
                "--secure",
                "--voice-method",
                "get",
                "-o",
                "json"
            )
            #expect(created.status == 0, "\(created.stderr)")
            let domain = try JSONDecoder().decode(SipDomain.self, from: Data(created.stdout.utf8))
            let sid = try #require(domain.sid?.rawValue)
            #expect(domain.secure == true)
            #expect(domain.voiceMethod == .get)
            #expect(created.stdout.hasPrefix("{\n  \"account_sid\" : \"\(Harness.alice)\",\n  \"api_version\" : "))

            let second = try await sipdomain("create", "--domain-name", "stamford.sip.twilio.com", "--no-secure")
            #expect(second.status == 0)
            let secondSid = try #require(second.stdout.split(separator: "\n").last?.split(separator: " ").first)
            #expect(
                second.stdout == """
                    SID                                 Domain Name              Friendly Name
                    \(secondSid)  stamford.sip.twilio.com

                    """
            )

            let columns = try await sipdomain("list")
            #expect(columns.status == 0)
            #expect(
                columns.stdout == """
                    SID                                 Domain Name              Friendly Name
                    \(sid)  scranton.sip.twilio.com  Scranton Office
                    \(secondSid)  stamford.sip.twilio.com

                    """
            )

            let tsv = try await sipdomain("list", "-o", "tsv", "--properties", "sid,secure,voice_method")
            #expect(tsv.stdout == "sid\tsecure\tvoice_method\n\(sid)\ttrue\tGET\n\(secondSid)\tfalse\tPOST\n")

            let limited = try await sipdomain("list", "--limit", "1", "-o", "json")
            let page = try JSONDecoder().decode([SipDomain].self, from: Data(limited.stdout.utf8))
            #expect(page.map(\.sid?.rawValue) == [sid])

            let all = try await sipdomain("list", "--no-limit", "--page-size", "1", "-o", "tsv", "--properties", "sid")
            #expect(all.stdout == "sid\n\(sid)\n\(secondSid)\n")

            let updated = try await sipdomain(
                "update",
                "--sid",
                sid,
                "--friendly-name",
                "Scranton Branch",
                "--properties",
                "friendly_name,secure"
            )
            #expect(updated.status == 0)
            #expect(updated.stdout == "Friendly Name    Secure\nScranton Branch  true\n")

            let removed = try await sipdomain("remove", "--sid", sid)
            #expect(removed.status == 0)
            #expect(removed.stdout.isEmpty)
            let aliased = try await sipdomain("delete", "--sid", String(secondSid))
            #expect(aliased.status == 0)

            let gone = try await sipdomain("fetch", "--sid", sid)
            #expect(gone.status == 1)
            #expect(gone.stdout.isEmpty)
            #expect(
                gone.stderr == """
                    error 20404: The requested resource /2010-04-01/Accounts/\(Harness.alice)/SIP/Domains/\(sid).json was not found (HTTP 404)
                    more info: https://www.twilio.com/docs/errors/20404

                    """
            )

            let empty = try await sipdomain("list", "-o", "json")
            #expect(empty.stdout == "[]\n")
        }
    }

    @Test func badFlagsGetUsageErrors() async throws {
        let env = Self.environment("http://127.0.0.1:9")
        let method = try await Self.run(
            ["sip-domains", "create", "--domain-name", "x.sip.twilio.com", "--voice-method", "FETCH"],
            environment: env
        )
        #expect(method.status == 64)
        #expect(method.stderr.contains("The value 'FETCH' is invalid for '--voice-method <voice-method>'"))

        let missing = try await Self.run(["sip-domains", "create"], environment: env)
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Missing expected argument '--domain-name <domain-name>'"))

        let unknown = try await Self.run(["sip-domains", "list", "--colour"], environment: env)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Unknown option '--colour'"))

        let sid = try await Self.run(["sip-domains", "fetch", "--sid", "AC0123"], environment: env)
        #expect(sid.status == 64)
        #expect(sid.stderr.contains("The value 'AC0123' is invalid for '--sid <sid>'"))

        let properties = try await Self.run(["sip-domains", "list", "--properties", "sid,domain"], environment: env)
        #expect(properties.status == 64)
        #expect(properties.stderr.contains("Unknown property 'domain' for --properties."))

        let noToken = try await Self.run(
            ["sip-domains", "list"],
            environment: ["TWILIO_ACCOUNT_SID": Harness.alice.rawValue]
        )
        #expect(noToken.status == 64)
        #expect(noToken.stderr.contains("Missing --auth-token: pass it or set TWILIO_AUTH_TOKEN."))
    }

    @Test func theAuthTokenIsNeverPrinted() async throws {
        let token = "very-secret-token-value"
        let encoded = Data("\(Harness.alice.rawValue):\(token)".utf8).base64EncodedString()
        try await Harness.withServer { baseURL in
            let wrong = Self.environment(baseURL, token: token)
            let unauthorized =
                "error 20003: Authenticate (HTTP 401)\nmore info: https://www.twilio.com/docs/errors/20003\n"
            let runs: [(run: Run, status: Int32, stderr: String?)] = [
                (try await Self.run(["sip-domains", "list"], environment: wrong), 1, unauthorized),
                (
                    try await Self.run(["sip-domains", "list", "--auth-token", token], environment: wrong), 1,
                    unauthorized
                ),
                (try await Self.run(["sip-domains", "create", "--help"], environment: wrong), 0, ""),
                (
                    try await Self.run(
                        ["sip-domains", "create", "--domain-name", "bad", "--auth-token", token],
                        environment: wrong
                    ), 1, unauthorized
                ),
                (
                    try await Self.run(
                        ["sip-domains", "fetch", "--sid", "SD00000000000000000000000000000000", "--auth-token", token],
                        environment: ["TWILIO_ACCOUNT_SID": Harness.alice.rawValue, "SIPDOMAIN_BASE_URL": baseURL]
                    ), 1, unauthorized
                ),
                (
                    try await Self.run(
                        ["sip-domains", "list", "--colour", "--auth-token", token],
                        environment: wrong
                    ), 64, nil
                ),
            ]
            for (run, status, stderr) in runs {
                #expect(run.status == status, "\(run)")
                if let stderr { #expect(run.stderr == stderr, "\(run)") }
                #expect(run.status != 0 || run.stdout.contains("USAGE: sipdomain sip-domains create"), "\(run)")
                #expect(run.status == 0 || run.stdout.isEmpty, "\(run)")
                for secret in [token, encoded] {
                    #expect(!run.stdout.contains(secret) && !run.stderr.contains(secret), "\(run)")
                }
            }
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAreGenerated(_ shell: String) async throws {
        let run = try await Self.run(["--generate-completion-script", shell], environment: [:])
        #expect(run.status == 0)
        #expect(run.stdout.contains("sip-domains"))
        #expect(run.stdout.contains("voice-method"))
        #expect(run.stdout.contains("POST"), "enum values complete")
    }
}
