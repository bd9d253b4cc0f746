/// Emits the server module: a handler protocol with a method per operation, each operation's
/// typed input, and routing that decodes, validates and answers requests on Hummingbird 2.
///
/// It imports `GenServerRuntime` and Hummingbird, never the HTTP client.
public struct ServerEmitter: Emitter {
    public let piece = "server"
    public let moduleSuffix = "Server"

    public init() {}

    public func emit(_ api: APIDefinition, templates: TemplateSet) throws(DiagnosticError) -> [GeneratedFile] {
        let header = FileHeader(specFile: api.specFile).text
        let folder = api.modules.server
        let handler = HandlerView(header: header, api: api)
        var files = [
            GeneratedFile(
                path: "\(folder)/\(handler.protocolName).swift",
                contents: try render("Server/handler", handler, with: templates)
            ),
            GeneratedFile(
                path: "\(folder)/\(handler.protocolName)+Routes.swift",
                contents: try render("Server/routes", RoutesView(header: header, api: api), with: templates)
            ),
        ]
        for resource in api.resources {
            files.append(
                GeneratedFile(
                    path: "\(folder)/\(resource.swiftName)Inputs.swift",
                    contents: try render(
                        "Server/inputs",
                        InputsView(header: header, api: api, resource: resource),
                        with: templates
                    )
                )
            )
        }
        return files
    }
}

/// What `Server/handler.mustache` renders: the protocol a host implements.
struct HandlerView {
    struct Method {
        let docLines: [String]
        let declaration: String
    }

    let header: String
    let imports: [String]
    let docLines: [String]
    let protocolName: String
    let methods: [Method]

    init(header: String, api: APIDefinition) {
        self.header = header
        imports = ["GenServerRuntime", api.modules.models]
        protocolName = Namer.handlerTypeName(api: api.name)
        docLines = DocComment.lines(
            [
                "The operations of \(api.title ?? api.name), as a server implements them.",
                "Conform a type to it and call `addRoutes(to:)` to serve the API on a Hummingbird router: the generated "
                    + "routing authenticates each request with `authenticate(_:)`, decodes and validates its parameters, "
                    + "calls the method for its operation and encodes the answer.",
            ],
            indent: 0
        )
        methods = api.resources.flatMap { resource in
            resource.operations.map { operation in
                let output: String =
                    switch operation.returns {
                    case .resource: " -> \(resource.swiftName)"
                    case .page: " -> \(resource.page?.swiftName ?? resource.swiftName)"
                    case .nothing: ""
                    }
                let name = Namer.handlerMethodName(operation: operation.name, resource: resource.name)
                let input = Namer.inputTypeName(operation: operation.name, resource: resource.name)
                return Method(
                    docLines: DocComment.joined([
                        DocComment.lines([operation.summary, operation.description], indent: 4),
                        DocComment.lines(
                            [
                                "Answered with HTTP \(operation.status)"
                                    + (operation.returns == .nothing ? " and no body." : ".")
                                    + " Throw an `APIError` to answer with an error."
                            ],
                            indent: 4
                        ),
                    ]),
                    declaration: "func \(name)(_ input: \(input), caller: Caller) async throws\(output)"
                )
            }
        }
    }
}

/// What `Server/inputs.mustache` renders: one struct per operation of a resource.
struct InputsView {
    struct Input {
        let docLines: [String]
        let typeName: String
        let fields: [Field]
        let initParameters: [String]
    }

    struct Field {
        let docLines: [String]
        let name: String
        let declaredType: String
    }

    let header: String
    let imports: [String]
    let inputs: [Input]

    init(header: String, api: APIDefinition, resource: Resource) {
        self.header = header
        let usesDates = resource.operations.flatMap(\.parameters).contains { $0.type.kind == .dateTimeRFC2822 }
        imports = (usesDates ? ["Foundation"] : []) + ["GenServerRuntime", api.modules.models]
        inputs = resource.operations.map { operation in
            let fields = operation.parameters.map { parameter in
                Field(
                    docLines: DocComment.lines([parameter.description], indent: 4),
                    name: parameter.swiftName,
                    declaredType: parameter.type.swiftType + (parameter.required ? "" : "?")
                )
            }
            return Input(
                docLines: DocComment.lines(
                    [
                        "The parameters of `\(operation.method) \(operation.path)`: \(operation.summary ?? operation.name)"
                    ],
                    indent: 0
                ),
                typeName: Namer.inputTypeName(operation: operation.name, resource: resource.name),
                fields: fields,
                initParameters: fields.enumerated().map { index, field in
                    "\(field.name): \(field.declaredType)" + (field.declaredType.hasSuffix("?") ? " = nil" : "")
                        + (index == fields.count - 1 ? "" : ",")
                }
            )
        }
    }
}

/// What `Server/routes.mustache` renders: a route per operation.
struct RoutesView {
    struct Route {
        let docLines: [String]
        let registration: [String]
    }

    let header: String
    let imports: [String]
    let protocolName: String
    let errorCodes: String
    let routes: [Route]
    /// `OperationRoute(.post, "/…")` for each operation, in spec order.
    let operationRoutes: [String]

    init(header: String, api: APIDefinition) {
        self.header = header
        imports = ["GenServerRuntime", "Hummingbird", api.modules.models]
        protocolName = Namer.handlerTypeName(api: api.name)
        let codes = api.errors
        errorCodes = SwiftCall.statement(
            "ErrorCodes",
            arguments: [
                "authentication: \(codes.authentication.map(String.init) ?? "nil")",
                "notFound: \(codes.notFound.map(String.init) ?? "nil")",
                "invalidParameter: \(codes.invalidParameter.map(String.init) ?? "nil")",
            ],
            indent: 8
        )
        let operations = api.resources.flatMap { resource in resource.operations.map { (resource, $0) } }
        let routerPaths = RouterPaths(operations.map(\.1)).routes
        routes = zip(operations, routerPaths).map { operation, path in
            Self.route(operation.1, resource: operation.0, routerPath: path)
        }
        operationRoutes = api.resources.flatMap(\.operations).map { operation in
            "OperationRoute(.\(operation.method.lowercased()), \(SwiftLiteral.string(operation.path)))"
        }
    }

    /// `pathNames: [...]`, for a route that registers placeholders under other names.
    static func renamedArgument(_ renamed: [String: String]) -> [String] {
        guard !renamed.isEmpty else { return [] }
        let pairs = renamed.sorted { $0.key < $1.key }.map {
            "\(SwiftLiteral.string($0.key)): \(SwiftLiteral.string($0.value))"
        }
        return ["        pathNames: [\(pairs.joined(separator: ", "))],"]
    }

    static func status(_ code: Int) -> String {
        switch code {
        case 200: ".ok"
        case 201: ".created"
        case 202: ".accepted"
        case 204: ".noContent"
        default: ".init(code: \(code))"
        }
    }

    /// The reader call for one parameter, such as `try request.string("DomainName", in: .form, …)`.
    static func reader(_ parameter: Parameter) -> String {
        let optional = !parameter.required
        var arguments = [SwiftLiteral.string(parameter.wireName), "in: .\(parameter.location.rawValue)"]
        let method: String
        switch parameter.type.kind {
        case .string, .uri:
            method = optional ? "optionalString" : "string"
            let constraints = parameter.constraints
            if let minLength = constraints.minLength { arguments.append("minLength: \(minLength)") }
            if let maxLength = constraints.maxLength { arguments.append("maxLength: \(maxLength)") }
            if let pattern = constraints.pattern { arguments.append("pattern: \(SwiftLiteral.raw(pattern))") }
        case .integer:
            method = optional ? "optionalInt" : "int"
            if let minimum = parameter.constraints.minimum { arguments.append("minimum: \(minimum)") }
            if let maximum = parameter.constraints.maximum { arguments.append("maximum: \(maximum)") }
        case .boolean:
            method = optional ? "optionalBool" : "bool"
        case .sid:
            method = optional ? "optionalSid" : "sid"
            arguments.append("as: \(parameter.type.swiftType).self")
        case .enumeration:
            method = optional ? "optionalEnum" : "requiredEnum"
            arguments.append("as: \(parameter.type.swiftType).self")
        case .dateTimeRFC2822:
            method = optional ? "optionalDate" : "date"
        case .uriMap:
            method = "optionalString"
        }
        if let code = parameter.errorCode { arguments.append("errorCode: \(code)") }
        return SwiftCall.statement(
            "\(Namer.argumentLabel(parameter.swiftName)): try request.\(method)",
            arguments: arguments,
            indent: 24
        )
    }

    static func route(_ operation: Operation, resource: Resource, routerPath: RouterPaths.Route) -> Route {
        let handler = Namer.handlerMethodName(operation: operation.name, resource: resource.name)
        let input = Namer.inputTypeName(operation: operation.name, resource: resource.name)
        let fields = operation.parameters.map(reader)
        let construction =
            fields.isEmpty
            ? ["\(input)(),"]
            : ["\(input)("]
                + fields.enumerated().map { index, field in
                    "    " + field + (index == fields.count - 1 ? "" : ",")
                } + ["),"]
        let method = operation.method.lowercased()
        let registration =
            [
                "router.on(\(SwiftLiteral.string(routerPath.path)), method: .\(method)) { request, context in",
                "    try await OperationResponder.respond(",
                "        to: request,",
                "        context: context,",
                "        status: \(status(operation.status)),",
                "        codes: Self.errorCodes,",
            ] + renamedArgument(routerPath.renamed) + [
                "        authenticate: self.authenticate",
                "    ) { request, caller in",
                "        try await self.\(handler)(",
            ] + construction.map { "            " + $0 } + [
                "            caller: caller",
                "        )",
                "    }",
                "}",
            ]
        let comment = DocComment.lines(
            ["\(operation.method) \(operation.path): \(operation.summary ?? operation.name)"],
            indent: 8
        )
        return Route(
            // A plain comment: doc comments do not belong on statements.
            docLines: comment.map { "//" + $0.dropFirst(3) },
            registration: registration
        )
    }
}
