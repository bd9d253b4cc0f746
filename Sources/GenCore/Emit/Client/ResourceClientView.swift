/// What `Client/resource.mustache` renders: a resource's operations as methods.
struct ResourceClientView {
    /// A method that sends one request: one operation, or one page of a list.
    struct Request {
        let docLines: [String]
        let name: String
        let parameters: String
        /// ` -> SipDomain`, or nothing.
        let returnClause: String
        /// The account parameter, which defaults to the client's own.
        let defaultedAccount: ClientView.Account?
        let returnsValue: Bool
        /// The members of a JSON body, each the arguments of `body.field`; empty for no JSON body.
        let jsonMembers: [String]
        let hasJSONBody: Bool
        /// The local holding the JSON body.
        let bodyName: String
        /// The arguments of `connection.send`.
        let sendArguments: String
    }

    /// A method that goes through every page of a list.
    struct Sequence {
        let docLines: [String]
        let name: String
        let parameters: String
        let elementType: String
        let sizeName: String
        /// The page size asked for by default, such as `limit.map { min($0, 1000) }`.
        let defaultSize: String
        let pageMethod: String
        let pageArguments: String
        let pageType: String
        let itemsName: String
        let nextName: String
    }

    let header: String
    var imports: [String]
    var access = ""
    let docLines: [String]
    let typeName: String
    let account: ClientView.Account?
    let methods: [Method]

    /// One method, either kind.
    struct Method {
        let request: Request?
        let sequence: Sequence?
    }

    init(header: String, plan: APIPlan, resource: ResourcePlan) {
        self.header = header
        typeName = resource.pluralTypeName
        docLines = DocComment.lines(["Operations on \(resource.typeName) resources.", resource.resource.description])
        account = plan.account.map(ClientView.Account.init)
        let builder = MethodBuilder(account: account, resource: resource)
        methods = resource.operations.flatMap(builder.methods)
        let parameters = resource.operations.flatMap(\.parameters)
        let types = parameters.map(\.type)
        let usesFoundation = types.contains(where: \.needsFoundation)
        // A JSON body is written with the runtime's `JSONWriter`.
        let usesRuntime =
            types.contains(where: \.clientNeedsRuntime) || parameters.contains { $0.parameter.location == .json }
        imports =
            ["GenClientRuntime"] + (usesRuntime ? ["GenRuntime"] : []) + [plan.modules.models]
            + (usesFoundation ? [TypePlan.dateImport] : [])
    }
}

/// Builds the methods of one resource's operations.
private struct MethodBuilder {
    let account: ClientView.Account?
    let resource: ResourcePlan

    func declaration(_ parameter: ParameterPlan) -> String {
        let type = parameter.type.swiftName
        return parameter.required && parameter.role != .account
            ? "\(parameter.name): \(type)" : "\(parameter.name): \(type)? = nil"
    }

    func documentation(_ parameter: ParameterPlan) -> String {
        var text = parameter.parameter.description ?? ""
        if parameter.role == .account { text += (text.isEmpty ? "" : " ") + "Defaults to the client's account." }
        if let defaultValue = parameter.parameter.defaultValue {
            text += (text.isEmpty ? "" : " ") + "The server assumes \(Self.describe(defaultValue)) when it is not sent."
        }
        return text
    }

    static func describe(_ value: DefaultValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .integer(let number): "\(number)"
        case .number(let number): "\(number)"
        case .boolean(let flag): "\(flag)"
        }
    }

    /// The wire text of a parameter, as an expression of type `String?`, `Int?` or `Bool?`.
    func wireValue(_ parameter: ParameterPlan) -> String {
        parameter.type.wireValue(parameter.name, optional: !parameter.required)
    }

    func methods(for operation: OperationPlan) -> [ResourceClientView.Method] {
        guard let paging = operation.paging, paging.followsPages, let page = resource.page, let next = page.next else {
            return [.init(request: request(operation, name: operation.methodName), sequence: nil)]
        }
        return [
            .init(request: request(operation, name: paging.singlePageMethodName), sequence: nil),
            .init(request: nil, sequence: sequence(operation, paging: paging, page: page, next: next)),
        ]
    }

    private func request(_ operation: OperationPlan, name: String) -> ResourceClientView.Request {
        let parameters = operation.clientParameters
        let status = operation.operation.status
        let returnType: String? =
            switch operation.operation.returns {
            case .resource: resource.typeName
            case .page: resource.page?.typeName
            case .nothing: nil
            }
        let returns: String? =
            switch operation.operation.returns {
            case .resource: "- Returns: The \(resource.typeName) (HTTP \(status))."
            case .page: "- Returns: One page of \(resource.typeName) resources."
            case .nothing: nil
            }
        let docLines = DocComment.joined([
            DocComment.lines([operation.operation.summary, operation.operation.description]),
            DocComment.parameterLines(parameters.map { ($0.name, documentation($0)) }),
            DocComment.lines([returns]) + DocComment.lines(["- Throws: `ClientError`."]),
        ])
        var arguments = [SwiftLiteral.string(operation.operation.method), "path: \(pathLiteral(operation))"]
        for (label, location) in [("query", Parameter.Location.query), ("headers", .header), ("form", .form)] {
            let pairs = parameters.filter { $0.parameter.location == location }.map {
                "\(SwiftLiteral.string($0.wireName)): \(wireValue($0))"
            }
            if !pairs.isEmpty { arguments.append("\(label): [\(SwiftLayout.elements(pairs))]") }
        }
        let jsonMembers = parameters.filter { $0.parameter.location == .json }.map {
            SwiftLayout.arguments([
                SwiftLiteral.string($0.wireName), $0.type.jsonArgument($0.name, optional: !$0.required),
            ])
        }
        if !jsonMembers.isEmpty { arguments.append("json: \(operation.bodyVariableName)") }
        // Any 2xx is success; another status of success must be named, such as a 307 with a body.
        if !(200..<300).contains(status) { arguments.append("status: \(status)") }
        if !operation.operation.authenticated { arguments.append("authenticated: false") }
        if let returnType { arguments.append("as: \(returnType).self") }
        return ResourceClientView.Request(
            docLines: docLines,
            name: name,
            parameters: SwiftLayout.arguments(parameters.map(declaration)),
            returnClause: returnType.map { " -> \($0)" } ?? "",
            defaultedAccount: operation.parameters.contains { $0.role == .account } ? account : nil,
            returnsValue: returnType != nil,
            jsonMembers: jsonMembers,
            hasJSONBody: !jsonMembers.isEmpty,
            bodyName: operation.bodyVariableName,
            sendArguments: SwiftLayout.arguments(arguments)
        )
    }

    /// The path as a Swift string literal, each placeholder a percent-encoded interpolation.
    private func pathLiteral(_ operation: OperationPlan) -> String {
        let parts = operation.path.map { segment in
            switch segment {
            case .literal(let text): SwiftLiteral.escaped(text)
            case .parameter(let parameter): "\\(segment: \(parameter.name))"
            }
        }
        return "\"" + parts.joined() + "\""
    }

    private func sequence(_ operation: OperationPlan, paging: PagingPlan, page: PagePlan, next: String)
        -> ResourceClientView.Sequence
    {
        let all = operation.clientParameters
        let passed = all.filter { $0.role != .cursor && $0.role != .pageSize }
        let required = passed.filter { $0.required && $0.role != .account }
        let optional = passed.filter { !$0.required || $0.role == .account }
        let limitDoc = "The most \(resource.pluralTypeName) to produce; nil for all. No page beyond it is fetched."
        let sizeDoc =
            "How many to ask for a page; by default as many as `limit`"
            + (paging.paging.maxPageSize.map { " (at most \($0))" } ?? "") + ", else the server's default."
        let size = paging.size.name
        let documented: [(String, String)] =
            required.map { ($0.name, documentation($0)) } + [("limit", limitDoc), (size, sizeDoc)]
            + optional.map { ($0.name, documentation($0)) }
        let docLines = DocComment.joined([
            DocComment.lines([
                "Every \(resource.typeName), page after page, following `\((page.page.next ?? []).joined(separator: "."))`.",
                operation.operation.summary,
            ]),
            DocComment.parameterLines(documented),
            DocComment.lines(["- Returns: An `AsyncSequence` that fetches each page when the one before it is used up."]
            ),
        ])
        return ResourceClientView.Sequence(
            docLines: docLines,
            name: operation.methodName,
            parameters: SwiftLayout.arguments(
                required.map(declaration) + ["limit: Int? = nil", "\(size): Int? = nil"] + optional.map(declaration)
            ),
            elementType: resource.typeName,
            sizeName: size,
            defaultSize: paging.paging.maxPageSize.map { "limit.map { min($0, \($0)) }" } ?? "limit",
            pageMethod: paging.singlePageMethodName,
            pageArguments: SwiftLayout.arguments(
                all.filter { $0.role != .cursor }.map { "\($0.argumentLabel): \($0.name)" }
            ),
            pageType: page.typeName,
            itemsName: page.itemsName,
            nextName: next
        )
    }
}
