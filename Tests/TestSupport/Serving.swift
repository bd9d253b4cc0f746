import Hummingbird
import Logging
import ServiceLifecycle

/// Runs servers inside a test process, for the length of one test.
public enum Serving {
    /// A logger that says nothing below critical, for servers whose logs a test does not read.
    public static var quiet: Logger {
        var logger = Logger(label: "test-server")
        logger.logLevel = .critical
        return logger
    }

    /// Runs the service that `service` makes, which must call its argument with the port it
    /// listens on, for the length of `body`; then shuts it down gracefully, even when `body`
    /// throws.
    public static func serve<Result: Sendable>(
        _ service: (@escaping @Sendable (Int) async -> Void) -> some Service,
        _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = service { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: quiet)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let result: Swift.Result<Result, any Error>
            do {
                result = .success(try await body(port))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    /// Serves on loopback, for the length of `body`, a router that `configure` fills (the
    /// generated routes of a handler, and their `TwilioErrorMiddleware`).
    public static func serveRouter<Result: Sendable>(
        _ configure: (Router<BasicRequestContext>) -> Void,
        _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        try await serve(
            { onRunning in
                let router = Router()
                configure(router)
                return Application(
                    router: router,
                    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                    logger: quiet
                )
            },
            body
        )
    }
}
