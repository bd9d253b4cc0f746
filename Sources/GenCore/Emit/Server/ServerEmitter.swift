/// Emits the server module: a handler protocol with a method per operation, each operation's
/// typed input, and routing that decodes, validates and answers requests on Hummingbird 2.
///
/// It imports `GenServerRuntime` and Hummingbird, never the HTTP client.
public struct ServerEmitter: Emitter {
    public let piece = "server"
    public let moduleSuffix = "Server"

    public init() {}

    public func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    {
        let header = FileHeader(specFile: plan.api.specFile).text
        let folder = plan.modules.server
        var files = [
            try file(
                "\(folder)/\(plan.handlerTypeName).swift",
                "Server/handler",
                HandlerView(header: header, plan: plan),
                with: templates,
                options: options
            ),
            try file(
                "\(folder)/\(plan.handlerTypeName)+Routes.swift",
                "Server/routes",
                RoutesView(header: header, plan: plan),
                with: templates,
                options: options
            ),
        ]
        for resource in plan.resources {
            files.append(
                try file(
                    "\(folder)/\(resource.inputsFileName).swift",
                    "Server/inputs",
                    InputsView(header: header, plan: plan, resource: resource),
                    with: templates,
                    options: options
                )
            )
        }
        return files
    }
}

/// What the handler returns for an operation, such as `SipDomain`; nil when it answers no body.
private func output(of operation: OperationPlan, in resource: ResourcePlan) -> String? {
    switch operation.operation.returns {
    case .resource: resource.typeName
    case .page: resource.page?.typeName ?? resource.typeName
    case .nothing: nil
    }
}

/// What `Server/handler.mustache` renders: the protocol a host implements.
struct HandlerView {
    struct Method {
        let docLines: [String]
        let name: String
        let inputType: String
        /// ` -> SipDomain`, or nothing.
        let returnClause: String
        /// Whether it is given the caller; an operation that takes no credentials is not.
        let authenticated: Bool
    }

    let header: String
    var imports: [String]
    var access = ""
    let docLines: [String]
    let protocolName: String
    /// What `authenticate(_:)` is given, and how it is described.
    let authorizationType: String
    let authorizationNoun: String
    let methods: [Method]

    /// What the handler's `authenticate(_:)` takes.
    static func authorizationType(of plan: APIPlan) -> String {
        plan.api.auth.scheme == "bearer" ? "BearerAuthorization" : "BasicAuthorization"
    }

    init(header: String, plan: APIPlan) {
        self.header = header
        imports = ["GenServerRuntime", plan.modules.models]
        protocolName = plan.handlerTypeName
        authorizationType = Self.authorizationType(of: plan)
        authorizationNoun = plan.api.auth.scheme == "bearer" ? "bearer token" : "Basic credentials"
        docLines = DocComment.lines([
            "The operations of \(plan.api.title ?? plan.api.name), as a server implements them.",
            "Conform a type to it and call `addRoutes(to:)` to serve the API on a Hummingbird router: the generated "
                + "routing authenticates each request with `authenticate(_:)`, decodes and validates its parameters, "
                + "calls the method for its operation and encodes the answer.",
        ])
        methods = plan.operations.map { resource, operation in
            let spec = operation.operation
            return Method(
                docLines: DocComment.joined([
                    DocComment.lines([spec.summary, spec.description]),
                    DocComment.lines([
                        "Answered with HTTP \(spec.status)" + (spec.returns == .nothing ? " and no body." : ".")
                            + " Throw an `APIError` to answer with an error."
                    ]),
                    DocComment.lines([
                        spec.authenticated ? nil : "The operation takes no credentials: anyone may call it."
                    ]),
                ]),
                name: operation.handlerMethodName,
                inputType: operation.inputTypeName,
                returnClause: output(of: operation, in: resource).map { " -> \($0)" } ?? "",
                authenticated: spec.authenticated
            )
        }
    }
}

/// What `Server/inputs.mustache` renders: one struct per operation of a resource.
struct InputsView {
    struct Input {
        let docLines: [String]
        let typeName: String
        let fields: [Field]
        /// Whether it has an `init(_:)` that reads them from a request.
        let hasFields: Bool
    }

    struct Field {
        let docLines: [String]
        let name: String
        let declaredType: String
        let optional: Bool
        /// The call of `OperationRequest` that reads and checks it, such as
        /// `sid("Sid", in: .path, as: SipDomainSid.self)`.
        let read: String
        var isLast = false
    }

    let header: String
    var imports: [String]
    var access = ""
    let inputs: [Input]

    init(header: String, plan: APIPlan, resource: ResourcePlan) {
        self.header = header
        let types = resource.operations.flatMap(\.parameters).map(\.type)
        imports =
            (types.contains(where: \.isRuntimeType) ? ["GenRuntime"] : []) + ["GenServerRuntime", plan.modules.models]
            + (types.contains(where: \.needsFoundation) ? [TypePlan.dateImport] : [])
        inputs = resource.operations.map { operation in
            var fields = operation.parameters.map { parameter in
                Field(
                    docLines: DocComment.lines([parameter.parameter.description]),
                    name: parameter.name,
                    declaredType: parameter.type.swiftName + (parameter.required ? "" : "?"),
                    optional: !parameter.required,
                    read: parameter.reader.method + "(" + SwiftLayout.arguments(parameter.reader.arguments) + ")"
                )
            }
            if !fields.isEmpty { fields[fields.count - 1].isLast = true }
            let spec = operation.operation
            return Input(
                docLines: DocComment.lines([
                    "The parameters of `\(spec.method) \(spec.path)`: \(spec.summary ?? spec.name)"
                ]),
                typeName: operation.inputTypeName,
                fields: fields,
                hasFields: !fields.isEmpty
            )
        }
    }
}

/// What `Server/routes.mustache` renders: a route per operation.
struct RoutesView {
    struct Route {
        let comment: [String]
        /// The arguments of `router.on`: the path as the router registers it, and `method: .post`
        /// or, for a GET, `methods: [.get, .head]`.
        let routeArguments: String
        let status: String
        /// `["in": "In"]` when the router registers placeholders under other names; else empty.
        let pathNames: [String]
        let handlerMethod: String
        let inputType: String
        /// Whether the input has parameters, read by its `init(_:)` from the request.
        let hasFields: Bool
        /// Whether the request is authenticated and the handler given its caller.
        let authenticated: Bool
        /// The body the route reads, such as `.form`: no other is parsed.
        let body: String
    }

    let header: String
    var imports: [String]
    var access = ""
    let protocolName: String
    let errorCodes: String
    let routes: [Route]
    /// `OperationRoute(.post, "/…")` for each method of each operation's route, in spec order.
    let operationRoutes: [String]

    init(header: String, plan: APIPlan) {
        self.header = header
        let types = plan.operations.flatMap(\.operation.parameters).map(\.type)
        imports =
            (types.contains(where: \.isRuntimeType) ? ["GenRuntime"] : [])
            + ["GenServerRuntime", "Hummingbird", plan.modules.models]
        protocolName = plan.handlerTypeName
        let codes = plan.api.errors
        errorCodes = SwiftLayout.arguments(
            [
                "authentication: \(codes.authentication.map(String.init) ?? "nil")",
                "notFound: \(codes.notFound.map(String.init) ?? "nil")",
                "invalidParameter: \(codes.invalidParameter.map(String.init) ?? "nil")",
                "moreInfo: \(codes.moreInfo.map(SwiftLiteral.string) ?? "nil")",
                "realm: \(SwiftLiteral.string(plan.api.auth.realm))",
            ] + (plan.api.auth.scheme == "bearer" ? ["scheme: \"Bearer\""] : [])
        )
        routes = plan.operations.map { Self.route($0.operation) }
        operationRoutes = plan.operations.flatMap { _, operation in
            operation.route.methods.map { method in
                "OperationRoute(.\(method.lowercased()), \(SwiftLiteral.string(operation.operation.path)))"
            }
        }
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

    static func route(_ operation: OperationPlan) -> Route {
        let spec = operation.operation
        let renamed = operation.route.renamed.sorted { $0.key < $1.key }.map {
            "\(SwiftLiteral.string($0.key)): \(SwiftLiteral.string($0.value))"
        }
        return Route(
            // A plain comment: doc comments do not belong on statements.
            comment: ["// " + SwiftLayout.paragraph("\(spec.method) \(spec.path): \(spec.summary ?? spec.name)")],
            routeArguments: SwiftLayout.arguments([
                SwiftLiteral.string(operation.route.path),
                operation.route.methods.count == 1
                    ? "method: .\(spec.method.lowercased())"
                    : "methods: [" + operation.route.methods.map { "." + $0.lowercased() }.joined(separator: ", ")
                        + "]",
            ]),
            status: status(spec.status),
            pathNames: renamed.isEmpty ? [] : ["[\(renamed.joined(separator: ", "))]"],
            handlerMethod: operation.handlerMethodName,
            inputType: operation.inputTypeName,
            hasFields: !operation.parameters.isEmpty,
            authenticated: spec.authenticated,
            body: bodyCase(spec.body)
        )
    }

    static func bodyCase(_ body: Operation.Body) -> String {
        switch body {
        case .none: ".none"
        case .form: ".form"
        case .json: ".json"
        }
    }
}
