import GenServerRuntime
import Hummingbird
import Logging
import SipDomainModels
import SipDomainServer

/// A runnable SIP Domain server on the generated routing: for tests, demos and benchmarks.
public enum LocalServer {
    /// A Hummingbird application serving the SIP Domain API from `store`, with Twilio error
    /// JSON for every error and one log line a request.
    public static func application(
        store: InMemorySipDomains,
        host: String = "127.0.0.1",
        port: Int = 8080,
        logger: Logger = Logger(label: "sipdomain-server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        // Without info lines the log has nothing to say, and a middleware fewer is a little less
        // work for every request.
        if logger.logLevel <= .info {
            router.add(middleware: RequestLogMiddleware(logger: logger))
        }
        router.add(
            middleware: TwilioErrorMiddleware(codes: InMemorySipDomains.errorCodes, routes: InMemorySipDomains.routes)
        )
        store.addRoutes(to: router)
        var requestLogger = logger
        requestLogger.logLevel = .warning
        return Application(
            router: router,
            server: .http1WithErrorJSON(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                serverName: "sipdomain-server"
            ),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: requestLogger
        )
    }
}
