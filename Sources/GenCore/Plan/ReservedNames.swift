/// The names that generated code declares itself, which a spec's names must not take. The one
/// list of them: the plan checks names against it and the templates declare these members.
public enum ReservedNames {
    /// Options every generated CLI command has (`Templates/CLI/*.mustache`, swift-argument-parser's
    /// own), which a parameter's option must not take: it gets `-value` added instead.
    static let options: Set<String> = [
        "help", "version", "output", "properties", "limit", "no-limit", "base-url",
        "generate-completion-script",
    ]

    /// Members of a generated CLI command (`Templates/CLI/resource.mustache`, and
    /// `ParsableCommand`'s), which a parameter's property must not shadow: it gets `_` added.
    static let commandMembers: Set<String> = [
        "run", "validate", "configuration", "credentials", "display", "limit", "noLimit", "help",
    ]

    /// The parameters a client's paged method adds to the operation's own (`Templates/Client/resource.mustache`).
    static let pagedMethodParameters: Set<String> = ["limit"]

    /// Members of a client's resource type (`Templates/Client/resource.mustache`), which an
    /// operation's method must not take.
    static let resourceClientMembers: Set<String> = ["connection"]

    /// Members of the client type (`Templates/Client/client.mustache`), which a resource's
    /// accessor must not take.
    static let clientMembers: Set<String> = ["connection"]

    /// Requirements of the handler protocol (`Templates/Server/handler.mustache`), which an
    /// operation's handler method must not take.
    static let handlerMembers: Set<String> = ["authenticate", "Caller", "addRoutes", "errorCodes", "routes"]

    /// Types the generated code names without a module: the runtimes', the frameworks' and the
    /// CLI's own (`ConnectionOptions`), which a generated type must not shadow.
    public static let types: Set<String> = [
        "APIConnection", "ClientError", "ClientConfiguration", "BasicCredentials", "HTTPTransport", "PagedSequence",
        "OperationResponder", "OperationRoute", "ErrorCodes", "BasicAuthorization",
        "APIError", "JSONWritable", "JSONWriter", "RFC2822Date", "TwilioSid", "CommandSupport", "ResourcePrinter",
        "OutputFormat", "ConnectionOptions", "ValidationError", "Date", "String", "Int", "Bool", "Sendable",
        "Hashable", "Codable", "Decoder", "Encoder", "CodingKey",
    ]
}
