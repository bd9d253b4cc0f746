import ArgumentParser
import Foundation
import Logging
import SipDomainLocalServer
import SipDomainModels

/// `sipdomain-server`: the SIP Domain API on an in-memory store.
@main
struct SipDomainServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sipdomain-server",
        abstract: "Serves the Twilio SIP Domain API from memory, for local development and tests.",
        discussion: """
            Credentials come from --account-sid and --auth-token, else from TWILIO_ACCOUNT_SID and \
            TWILIO_AUTH_TOKEN. Add more accounts with --account SID:TOKEN.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "The Account SID that may call.")
    var accountSid: String?

    @Option(help: "Its Auth Token.")
    var authToken: String?

    @Option(name: .customLong("account"), help: ArgumentHelp("Another account, as SID:TOKEN.", valueName: "sid:token"))
    var accounts: [String] = []

    @Option(help: "info logs a line per request; warning or error log less, for benchmarks.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard !credentials().isEmpty else {
            throw ValidationError(
                "No account: pass --account-sid and --auth-token, or set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"
            )
        }
        for account in accounts where account.split(separator: ":", maxSplits: 1).count != 2 {
            throw ValidationError("--account takes SID:TOKEN, not '\(account.prefix(34))…'")
        }
        for sid in credentials().keys where !sid.isWellFormed {
            throw ValidationError("'\(sid)' is not an Account SID: AC followed by 32 hexadecimal digits")
        }
    }

    func credentials() -> [AccountSid: String] {
        let environment = ProcessInfo.processInfo.environment
        var result: [AccountSid: String] = [:]
        if let sid = accountSid ?? environment["TWILIO_ACCOUNT_SID"],
            let token = authToken ?? environment["TWILIO_AUTH_TOKEN"]
        {
            result[AccountSid(sid)] = token
        }
        for account in accounts {
            let parts = account.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { result[AccountSid(String(parts[0]))] = String(parts[1]) }
        }
        return result
    }

    func run() async throws {
        let logger = {
            var logger = Logger(label: "sipdomain-server")
            logger.logLevel = logLevel
            return logger
        }()
        let store = InMemorySipDomains(accounts: credentials())
        let accountList = credentials().keys.map(\.rawValue).sorted().joined(separator: ", ")
        let app = LocalServer.application(store: store, host: host, port: port, logger: logger) { port in
            logger.info("listening on http://\(host):\(port) for \(accountList)")
        }
        try await app.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
