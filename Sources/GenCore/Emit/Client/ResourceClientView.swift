/// What `Client/resource.mustache` renders: a resource's operations as methods.
struct ResourceClientView {
    /// One method: a request (one operation) or a sequence (every page of a list operation).
    struct Method {
        let docLines: [String]
        /// The declaration up to and including its opening brace, wrapped when long.
        let signature: String
        /// The statements of the body, each with its own indentation after the first line's.
        let body: [String]
    }

    let header: String
    let imports: [String]
    let docLines: [String]
    let typeName: String
    let account: ClientView.Account?
    let methods: [Method]

    init(header: String, api: APIDefinition, resource: Resource) {
        self.header = header
        typeName = resource.pluralSwiftName
        docLines = DocComment.lines(
            ["Operations on \(resource.swiftName) resources.", resource.description],
            indent: 0
        )
        account = api.auth.account.map { ClientView.Account(propertyName: $0.swiftName, sidType: $0.sidType) }
        let builder = MethodBuilder(account: api.auth.account, resource: resource)
        methods = resource.operations.flatMap(builder.methods)
        let usesDates = resource.operations.flatMap(\.parameters).contains { $0.type.kind == .dateTimeRFC2822 }
        imports =
            (usesDates ? ["Foundation"] : []) + ["GenClientRuntime"] + (usesDates ? ["GenRuntime"] : [])
            + [api.modules.models]
    }
}

/// Builds the methods of one resource's operations.
private struct MethodBuilder {
    let account: Auth.AccountParameter?
    let resource: Resource

    static let throwsClause = "async throws(ClientError)"

    func isAccount(_ parameter: Parameter) -> Bool {
        parameter.location == .path && parameter.wireName == account?.wireName
    }

    /// Path parameters first, then required, then optional ones, then the account, which
    /// defaults to the client's own.
    func ordered(_ parameters: [Parameter]) -> [Parameter] {
        let path = parameters.filter { $0.location == .path && !isAccount($0) }
        let rest = parameters.filter { $0.location != .path }
        return path + rest.filter(\.required) + rest.filter { !$0.required } + parameters.filter(isAccount)
    }

    func declaration(_ parameter: Parameter) -> String {
        let type = parameter.type.swiftType
        return parameter.required && !isAccount(parameter)
            ? "\(parameter.swiftName): \(type)" : "\(parameter.swiftName): \(type)? = nil"
    }

    func documentation(_ parameter: Parameter) -> String {
        var text = parameter.description ?? ""
        if isAccount(parameter) { text += (text.isEmpty ? "" : " ") + "Defaults to the client's account." }
        if let defaultValue = parameter.defaultValue {
            text += (text.isEmpty ? "" : " ") + "The server assumes \(Self.describe(defaultValue)) when it is not sent."
        }
        return text
    }

    static func describe(_ value: DefaultValue) -> String {
        switch value {
        case .string(let text): "\"\(text)\""
        case .integer(let number): "\(number)"
        case .boolean(let flag): "\(flag)"
        }
    }

    /// The wire text of a parameter, as an expression of type `String?`, `Int?` or `Bool?`.
    func wireValue(_ parameter: Parameter) -> String {
        let name = parameter.swiftName
        let optional = !parameter.required
        switch parameter.type.kind {
        case .sid, .enumeration: return optional ? "\(name)?.rawValue" : "\(name).rawValue"
        case .dateTimeRFC2822:
            return optional ? "\(name).map(RFC2822Date.string(from:))" : "RFC2822Date.string(from: \(name))"
        case .string, .uri, .integer, .boolean, .uriMap: return name
        }
    }

    func methods(for operation: Operation) -> [ResourceClientView.Method] {
        guard let paging = operation.paging, let page = resource.page, let next = page.nextSwiftName else {
            return [request(operation, name: operation.swiftName)]
        }
        return [
            request(operation, name: paging.singlePageSwiftName),
            sequence(operation, paging: paging, page: page, next: next),
        ]
    }

    private func request(_ operation: Operation, name: String) -> ResourceClientView.Method {
        let parameters = ordered(operation.parameters)
        let returnType: String? =
            switch operation.returns {
            case .resource: resource.swiftName
            case .page: resource.page?.swiftName
            case .nothing: nil
            }
        let returns: String? =
            switch operation.returns {
            case .resource: "- Returns: The \(resource.swiftName) (HTTP \(operation.status))."
            case .page: "- Returns: One page of \(resource.swiftName) resources."
            case .nothing: nil
            }
        let docLines = DocComment.joined([
            DocComment.lines([operation.summary, operation.description], indent: 4),
            DocComment.parameterLines(parameters.map { ($0.swiftName, documentation($0)) }, indent: 4),
            DocComment.lines([returns], indent: 4) + DocComment.lines(["- Throws: ``ClientError``."], indent: 4),
        ])
        let signature = SwiftCall.declaration(
            "public func \(name)",
            parameters: parameters.map(declaration),
            suffix: " \(Self.throwsClause)\(returnType.map { " -> \($0)" } ?? "") {",
            indent: 4
        )
        var arguments = [SwiftLiteral.string(operation.method), "path: \(pathLiteral(operation))"]
        for (label, location) in [("query", Parameter.Location.query), ("form", .form)] {
            let pairs = parameters.filter { $0.location == location }.map {
                "\(SwiftLiteral.string($0.wireName)): \(wireValue($0))"
            }
            if !pairs.isEmpty { arguments.append("\(label): " + SwiftCall.literal(pairs, indent: 12)) }
        }
        if let returnType { arguments.append("as: \(returnType).self") }
        var body: [String] = []
        if let account, operation.parameters.contains(where: isAccount) {
            body.append("let \(account.swiftName) = \(account.swiftName) ?? self.\(account.swiftName)")
        }
        body.append(
            SwiftCall.statement(
                (returnType == nil ? "" : "return ") + "try await self.connection.send",
                arguments: arguments,
                indent: 8
            )
        )
        return ResourceClientView.Method(docLines: docLines, signature: signature, body: body)
    }

    /// The path as a Swift string literal, each placeholder a percent-encoded interpolation.
    private func pathLiteral(_ operation: Operation) -> String {
        var literal = ""
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += SwiftLiteral.escaped(String(rest[..<open]))
            let wireName = String(rest[rest.index(after: open)..<close])
            let swiftName = operation.parameters.first { $0.wireName == wireName }?.swiftName ?? wireName
            literal += "\\(segment: \(swiftName))"
            rest = rest[rest.index(after: close)...]
        }
        return "\"" + literal + SwiftLiteral.escaped(String(rest)) + "\""
    }

    private func sequence(_ operation: Operation, paging: Paging, page: Page, next: String)
        -> ResourceClientView.Method
    {
        let all = ordered(operation.parameters)
        let skipped = Set(paging.cursorParameters + [paging.sizeParameter])
        let passed = all.filter { !skipped.contains($0.wireName) }
        let required = passed.filter { $0.required && !isAccount($0) }
        let optional = passed.filter { !$0.required || isAccount($0) }
        let limitDoc = "The most \(resource.pluralSwiftName) to produce; nil for all. No page beyond it is fetched."
        let sizeDoc =
            "How many to ask for a page; by default as many as `limit`"
            + (paging.maxPageSize.map { " (at most \($0))" } ?? "") + ", else the server's default."
        let documented: [(String, String)] =
            required.map { ($0.swiftName, documentation($0)) } + [("limit", limitDoc), ("pageSize", sizeDoc)]
            + optional.map { ($0.swiftName, documentation($0)) }
        let nextWireName = page.fields.first { $0.swiftName == next }?.wireName ?? next
        let docLines = DocComment.joined([
            DocComment.lines(
                ["Every \(resource.swiftName), page after page, following `\(nextWireName)`.", operation.summary],
                indent: 4
            ),
            DocComment.parameterLines(documented, indent: 4),
            DocComment.lines(
                ["- Returns: An `AsyncSequence` that fetches each page when the one before it is used up."],
                indent: 4
            ),
        ])
        let signature = SwiftCall.declaration(
            "public func \(operation.swiftName)",
            parameters: required.map(declaration) + ["limit: Int? = nil", "\(paging.sizeSwiftName): Int? = nil"]
                + optional.map(declaration),
            suffix: " -> PagedSequence<\(resource.swiftName)> {",
            indent: 4
        )
        let cap = paging.maxPageSize.map { "limit.map { min($0, \($0)) }" } ?? "limit"
        let firstArguments = all.filter { !paging.cursorParameters.contains($0.wireName) }.map {
            "\(Namer.argumentLabel($0.swiftName)): \($0.swiftName)"
        }
        let body = [
            "let \(paging.sizeSwiftName) = \(paging.sizeSwiftName) ?? \(cap)",
            "return PagedSequence(limit: limit) { () async throws(ClientError) in",
            "    "
                + SwiftCall.statement(
                    "try await self.\(paging.singlePageSwiftName)",
                    arguments: firstArguments,
                    indent: 12
                ),
            "} next: { uri async throws(ClientError) in",
            "    try await self.connection.get(uri: uri, as: \(page.swiftName).self)",
            "} contents: {",
            "    ($0.\(page.itemsSwiftName), $0.\(next))",
            "}",
        ]
        return ResourceClientView.Method(docLines: docLines, signature: signature, body: body)
    }
}
