import GenServerRuntime
import Hummingbird
import LandmineServer
import Logging

/// A runnable landmine server on the generated routing, for its tests and `landmine-server`.
public enum LandmineLocalServer {
    /// A Hummingbird application serving `handler`, with the landmine spec's error JSON for
    /// every error and, at info, one log line a request.
    public static func application(
        handler: InMemoryLandmine,
        host: String = "127.0.0.1",
        port: Int = 8080,
        logger: Logger = Logger(label: "landmine-server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(logger: logger))
        router.add(
            middleware: TwilioErrorMiddleware(codes: InMemoryLandmine.errorCodes, routes: InMemoryLandmine.routes)
        )
        handler.addRoutes(to: router)
        var applicationLogger = logger
        applicationLogger.logLevel = max(logger.logLevel, .warning)
        return Application(
            router: router,
            server: .http1WithErrorJSON(),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port),
                serverName: "landmine-server"
            ),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: applicationLogger
        )
    }
}
