import ArgumentParser
import Foundation
import LandmineBackend
import Logging

/// `landmine-server`: the landmine spec's API over memory, for schemathesis
/// (`Tests/Conformance/run.sh`) and for trying the generated landmine pieces by hand.
@main
struct LandmineServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "landmine-server",
        abstract: "Serves the landmine spec's API from memory, on the generated server code.",
        discussion: """
            Credentials come from --account-sid and --auth-token, else from TWILIO_ACCOUNT_SID and \
            TWILIO_AUTH_TOKEN.
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(help: "The Account SID (the Basic username) that may call.")
    var accountSid: String?

    @Option(help: "Its Auth Token (the Basic password).")
    var authToken: String?

    @Option(help: "info logs a line per request; warning or error log less.")
    var logLevel: Logger.Level = .info

    func validate() throws {
        guard credentials() != nil else {
            throw ValidationError(
                "No account: pass --account-sid and --auth-token, or set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN"
            )
        }
    }

    func credentials() -> (sid: String, token: String)? {
        let environment = ProcessInfo.processInfo.environment
        guard let sid = accountSid ?? environment["TWILIO_ACCOUNT_SID"],
            let token = authToken ?? environment["TWILIO_AUTH_TOKEN"]
        else { return nil }
        return (sid, token)
    }

    func run() async throws {
        var logger = Logger(label: "landmine-server")
        logger.logLevel = logLevel
        guard let (sid, token) = credentials() else { throw ExitCode.validationFailure }
        let handler = InMemoryLandmine(accounts: [sid: token])
        let app = LandmineLocalServer.application(handler: handler, host: host, port: port, logger: logger) {
            [logger, host] port in
            logger.info("listening on http://\(host):\(port) for \(sid)")
        }
        try await app.runService()
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
