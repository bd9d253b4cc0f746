import GenClientRuntime

// Hand-written code beside the generated code of the same module.
extension WidgetAPI {
    /// A client for a local server, for trying things out.
    public static func local(port: Int, accountSid: String, authToken: String) -> WidgetAPI {
        WidgetAPI(
            accountSid: accountSid,
            authToken: authToken,
            configuration: ClientConfiguration(baseURL: "http://127.0.0.1:\(port)")
        )
    }
}
