/// The plan of each operation: its names, its parameters in order with their roles, its path.
extension Planner {
    mutating func plan(
        _ operation: Operation,
        of resource: Resource,
        page: PagePlan?,
        account: AccountPlan?,
        credentialOptions: Set<String>
    ) -> OperationPlan {
        let what = "operation '\(operation.name)'"
        var names = NameScope(kind: "parameter", of: what)
        var options = NameScope(kind: "parameter", of: what)
        let paging = operation.paging
        let parameters = operation.parameters.map { parameter in
            let name = Namer.memberName(parameter.wireName)
            let source = Located(parameter.wireName, at: parameter.source)
            names.claim(name, for: source, log: &log)
            let role = role(of: parameter, in: resource, paging: paging, account: account)
            let optionName = Namer.optionName(parameter.wireName, taken: credentialOptions)
            if role != .account { options.claim(optionName, for: source, log: &log) }
            // A JSON body's object is named after the resource, the operation and itself.
            let (type, _) = typeOrObject(
                parameter.type,
                wireName: parameter.wireName,
                owner: Namer.typeName(resource.name) + "_" + operation.name,
                description: parameter.description,
                source: parameter.source
            )
            return ParameterPlan(
                parameter: parameter,
                role: role,
                name: name,
                argumentLabel: Namer.argumentLabel(name),
                type: type,
                optionName: optionName,
                commandPropertyName: Namer.commandPropertyName(name),
                reader: Self.reader(parameter, type: type)
            )
        }
        let command = Namer.command(operation: operation.name)
        var bodyVariableName = "body"
        while parameters.contains(where: { $0.name == bodyVariableName }) { bodyVariableName += "_" }
        return OperationPlan(
            operation: operation,
            methodName: Namer.memberName(operation.name),
            operationID: Namer.operationID(operation: operation.name, resource: resource.name),
            handlerMethodName: Namer.handlerMethodName(operation: operation.name, resource: resource.name),
            inputTypeName: Namer.inputTypeName(operation: operation.name, resource: resource.name),
            commandName: command.name,
            commandTypeName: Namer.commandTypeName(operation.name),
            commandAliases: command.aliases,
            parameters: parameters,
            clientParameters: Self.clientOrder(parameters),
            path: Self.path(operation.path, parameters),
            route: routes.next() ?? RouterPaths.Route(path: operation.path, renamed: [:], methods: [operation.method]),
            paging: paging.flatMap { plan($0, of: operation, page: page, parameters: parameters) },
            bodyVariableName: bodyVariableName
        )
    }

    private mutating func plan(
        _ paging: Paging,
        of operation: Operation,
        page: PagePlan?,
        parameters: [ParameterPlan]
    ) -> PagingPlan? {
        guard let size = parameters.first(where: { $0.role == .pageSize }) else { return nil }
        // The method that goes through all pages takes these beside the other parameters.
        for clash in parameters
        where ReservedNames.pagedMethodParameters.contains(clash.name) && clash.role != .pageSize {
            log.error(
                "parameter '\(clash.wireName)' of operation '\(operation.name)' clashes with the "
                    + "`\(clash.name)` of its paged method",
                at: paging.source
            )
        }
        return PagingPlan(
            paging: paging,
            singlePageMethodName: Namer.singlePageMethodName(operation: operation.name),
            size: size,
            followsPages: page?.next != nil
        )
    }

    private func role(
        of parameter: Parameter,
        in resource: Resource,
        paging: Paging?,
        account: AccountPlan?
    ) -> ParameterPlan.Role {
        switch parameter.location {
        case .path:
            if parameter.wireName == account?.wireName { return .account }
            guard parameter.type.kind == .sid, let prefix = parameter.type.reference else { return .path }
            let entity = api.sids.first { $0.prefix == prefix }?.entity
            return entity == resource.name ? .identity : .parentSid
        case .query where parameter.wireName == paging?.sizeParameter: return .pageSize
        case .query where paging?.cursorParameters.contains(parameter.wireName) == true: return .cursor
        case .query, .header, .form, .json: return .input
        }
    }

    /// Path parameters first, then required, then optional ones, then the account, which
    /// defaults to the client's own.
    private static func clientOrder(_ parameters: [ParameterPlan]) -> [ParameterPlan] {
        let path = parameters.filter { $0.parameter.location == .path && $0.role != .account }
        let rest = parameters.filter { $0.parameter.location != .path }
        return path + rest.filter(\.required) + rest.filter { !$0.required } + parameters.filter { $0.role == .account }
    }

    private static func path(_ path: String, _ parameters: [ParameterPlan]) -> [PathSegment] {
        (PathTemplate.segments(of: path) ?? [.literal(path)]).map { segment in
            switch segment {
            case .literal(let text): .literal(text)
            case .placeholder(let name):
                parameters.first { $0.wireName == name }.map(PathSegment.parameter) ?? .literal("{\(name)}")
            }
        }
    }

    /// How the generated server reads `parameter`, such as `string("DomainName", in: .form, maxLength: 255)`.
    static func reader(_ parameter: Parameter, type: TypePlan) -> ReaderCall {
        let (method, typeArguments) = type.reader(optional: !parameter.required)
        var arguments = [SwiftLiteral.string(parameter.wireName), "in: .\(parameter.location.rawValue)"]
        let constraints = parameter.constraints
        if let minLength = constraints.minLength { arguments.append("minLength: \(minLength)") }
        if let maxLength = constraints.maxLength { arguments.append("maxLength: \(maxLength)") }
        if let pattern = constraints.pattern, parameter.type.kind != .sid {
            arguments.append("pattern: \(SwiftLiteral.raw(pattern))")
        }
        if let minimum = constraints.minimum { arguments.append("minimum: \(minimum)") }
        if let maximum = constraints.maximum { arguments.append("maximum: \(maximum)") }
        arguments += typeArguments
        if let code = parameter.errorCode { arguments.append("errorCode: \(code)") }
        return ReaderCall(method: method, arguments: arguments)
    }
}
