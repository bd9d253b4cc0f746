import Hummingbird

extension RouterMethods {
    /// Adds `closure` for each of `methods` at `path`, as generated routing adds a GET with its
    /// HEAD: ``TwilioErrorMiddleware`` sends a HEAD's answer without its body.
    @discardableResult
    public func on(
        _ path: RouterPath,
        methods: [HTTPRequest.Method],
        use closure: @Sendable @escaping (Request, Context) async throws -> some ResponseGenerator
    ) -> Self {
        for method in methods {
            on(path, method: method, use: closure)
        }
        return self
    }
}
