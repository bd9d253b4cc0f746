/// The landing article of each generated module's DocC catalog (`SipDomainModels.docc/SipDomainModels.md`),
/// from the spec: an overview, the module's resources and operations, and an example that uses
/// the real type names. Written in the modules layout only, and for public declarations only: a
/// module of the single layout (the build plugin's) is the user's own, as is its documentation,
/// and DocC documents a module's public API (its links to `package` types would not resolve).
enum DocumentationArticle {
    /// The pieces whose modules get an article: each module's name, and the article's template
    /// (`Docs/` and the piece).
    static let modules: [String: KeyPath<ModuleNames, String> & Sendable] = [
        "models": \.models, "client": \.client, "server": \.server, "cli": \.cli, "memory": \.memory,
    ]

    /// The article of `piece`'s module, or nil for a piece that is not a Swift module.
    static func file(for piece: String, of plan: APIPlan, with templates: TemplateSet) throws(DiagnosticError)
        -> GeneratedFile?
    {
        guard let name = Self.modules[piece] else { return nil }
        let module = plan.modules[keyPath: name]
        let template = "Docs/" + piece
        let view = ArticleView(plan: plan, module: module)
        guard let text = templates.render(template, view, withHeader: false) else {
            throw DiagnosticError([
                Diagnostic(
                    "no template '\(template)' for the \(piece) documentation",
                    at: SourceLocation(file: "Templates/\(template).mustache", line: 1, column: 1)
                )
            ])
        }
        return GeneratedFile(path: "\(module)/\(module).docc/\(module).md", contents: SwiftSourceText.tidy(text))
    }
}

/// What the `Docs/` templates render: the API as a reader of its documentation meets it.
struct ArticleView {
    struct Resource {
        let typeName: String
        let pluralTypeName: String
        let accessorName: String
        let commandName: String
        let pageTypeName: String?
        let summary: String
        let operations: [Operation]
    }

    struct Operation {
        let summary: String
        let httpMethod: String
        let path: String
        /// The client call as code, such as `sipDomains.create(domainName:…)`.
        let clientCall: String
        let handlerMethodName: String
        let inputTypeName: String
        /// The CLI's command line, such as `sipdomain sip-domains create`.
        let commandLine: String
    }

    let module: String
    let title: String
    let overview: String
    let specFile: String
    let modelsModule: String
    let clientModule: String
    let serverModule: String
    let memoryModule: String
    let cliName: String
    let clientTypeName: String
    let handlerTypeName: String
    let memoryTypeName: String
    let resources: [Resource]
    let enums: [String]
    let sids: [String]
    let objects: [String]
    let hasEnums: Bool
    let hasSids: Bool
    let hasObjects: Bool
    /// The lines of a client example, each a line of Swift.
    let clientExample: [String]
    /// The resource a decoding example and a handler example use, and the handler's method.
    let exampleResource: String?
    let exampleHandlerMethod: String?
    let exampleInput: String?
    /// What the handler's `authenticate(_:)` takes, and `, caller: Caller` when the example's
    /// operation is given the caller.
    let authorizationType: String
    let exampleCaller: String
    /// The environment variables of the credentials, for the CLI's example.
    let credentialVariables: [String]
    let exampleCommand: String?
    let generatedNote: String

    init(plan: APIPlan, module: String) {
        self.module = module
        let api = plan.api
        title = api.title ?? api.name
        overview = Self.filled(api.description ?? "The \(title) API.")
        specFile = api.specFile
        modelsModule = plan.modules.models
        clientModule = plan.modules.client
        serverModule = plan.modules.server
        memoryModule = plan.modules.memory
        cliName = plan.cliName
        clientTypeName = plan.clientTypeName
        handlerTypeName = plan.handlerTypeName
        memoryTypeName = MemoryPlan.typeName(of: plan)
        resources = plan.resources.map { resource in
            Resource(
                typeName: resource.typeName,
                pluralTypeName: resource.pluralTypeName,
                accessorName: resource.accessorName,
                commandName: resource.commandName,
                pageTypeName: resource.page?.typeName,
                summary: Self.firstSentence(of: resource.resource.description) ?? "The \(resource.typeName) resource.",
                operations: resource.operations.map { operation in
                    // The required arguments; `…` for the others, the account among them.
                    let labels = operation.clientParameters.filter { $0.required && $0.role != .account }
                        .map { $0.argumentLabel + ":" }
                    return Operation(
                        summary: Self.firstSentence(of: operation.operation.summary ?? operation.operation.description)
                            ?? operation.operationID,
                        httpMethod: operation.operation.method,
                        path: operation.operation.path,
                        clientCall: "\(resource.accessorName).\(operation.methodName)(\(labels.joined())"
                            + (labels.count < operation.clientParameters.count ? "…)" : ")"),
                        handlerMethodName: operation.handlerMethodName,
                        inputTypeName: operation.inputTypeName,
                        commandLine: "\(plan.cliName) \(resource.commandName) \(operation.commandName)"
                    )
                }
            )
        }
        enums = plan.enums.map(\.typeName)
        sids = plan.sids.map(\.typeName)
        objects = plan.objects.map(\.typeName)
        hasEnums = !enums.isEmpty
        hasSids = !sids.isEmpty
        hasObjects = !objects.isEmpty
        let fetched = plan.operations.first { $0.operation.operation.returns == .resource }
        exampleResource = fetched?.resource.typeName ?? plan.resources.first?.typeName
        exampleHandlerMethod = fetched?.operation.handlerMethodName
        exampleInput = fetched?.operation.inputTypeName
        authorizationType = HandlerView.authorizationType(of: plan)
        exampleCaller = fetched?.operation.operation.authenticated == false ? "" : ", caller: Caller"
        credentialVariables = [plan.username, plan.password, plan.token].compactMap {
            $0?.credential.environmentVariable
        }
        let listed = plan.operations.first {
            $0.operation.paging != nil && Self.arguments(of: $0.operation, plan) != nil
        }
        exampleCommand = listed.map { "\(plan.cliName) \($0.resource.commandName) \($0.operation.commandName)" }
        clientExample = Self.clientExample(plan)
        generatedNote = FileHeader(specFile: api.specFile).sentence
    }

    /// `text` as lines of at most 100 columns, broken between words; each newline of `text` is
    /// a space.
    static func filled(_ text: String) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty, line.count + 1 + word.count > 100 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return (lines + [line]).joined(separator: "\n")
    }

    /// The first sentence of `text`: up to its first full stop followed by a space, or all of it.
    static func firstSentence(of text: String?) -> String? {
        guard let text = text?.split(whereSeparator: \.isNewline).joined(separator: " "), !text.isEmpty else {
            return nil
        }
        guard let end = text.range(of: ". ") else { return text }
        return String(text[..<end.lowerBound]) + "."
    }

    /// Creating the client, then one call: a list when the API has one that needs no arguments
    /// but the account, else the first operation whose required arguments have example values.
    static func clientExample(_ plan: APIPlan) -> [String] {
        let client = plan.clientTypeName
        var lines: [String]
        if let username = plan.username, let password = plan.password,
            let user = username.credential.environmentVariable,
            let secret = password.credential.environmentVariable
        {
            lines = ["// Reads \(user) and \(secret).", "let api = try \(client)()"]
        } else if let token = plan.token, let variable = token.credential.environmentVariable {
            lines = ["// Reads \(variable).", "let api = try \(client)()"]
        } else if let username = plan.username, let password = plan.password {
            lines = ["let api = \(client)(\(username.label): \"…\", \(password.label): \"…\")"]
        } else if let token = plan.token {
            lines = ["let api = \(client)(\(token.label): \"…\")"]
        } else {
            lines = ["let api = \(client)()"]
        }
        let candidates = plan.operations.compactMap { entry -> (ResourcePlan, OperationPlan, [String])? in
            Self.arguments(of: entry.operation, plan).map { (entry.resource, entry.operation, $0) }
        }
        let listed = candidates.first { $0.1.paging?.followsPages == true && $0.2.isEmpty }
        if let (resource, operation, _) = listed {
            lines += [
                "for try await item in api.\(resource.accessorName).\(operation.methodName)() {",
                "    print(item)", "}",
            ]
        } else if let (resource, operation, arguments) = candidates.first {
            let call = "api.\(resource.accessorName).\(operation.methodName)(\(arguments.joined(separator: ", ")))"
            lines.append(operation.operation.returns == .nothing ? "try await \(call)" : "print(try await \(call))")
        }
        return lines
    }

    /// The required arguments of `operation` with example values, or nil when one has a type
    /// without a simple literal.
    static func arguments(of operation: OperationPlan, _ plan: APIPlan) -> [String]? {
        var arguments: [String] = []
        for parameter in operation.clientParameters where parameter.required && parameter.role != .account {
            let value: String
            switch parameter.type.kind {
            case .string, .formatted: value = "\"…\""
            case .uri: value = "\"https://example.com\""
            case .integer: value = "1"
            case .number: value = "1.5"
            case .boolean: value = "true"
            case .sid: value = "\"" + (parameter.type.type.reference ?? "") + String(repeating: "0", count: 32) + "\""
            case .enumeration:
                guard let name = plan.enums.first(where: { $0.typeName == parameter.type.swiftName })?.cases.first?.name
                else { return nil }
                value = "." + name
            default: return nil
            }
            arguments.append("\(parameter.argumentLabel): \(value)")
        }
        return arguments
    }
}

extension ArticleView: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "module": \.module, "title": \.title, "overview": \.overview, "specFile": \.specFile,
        "modelsModule": \.modelsModule, "clientModule": \.clientModule, "serverModule": \.serverModule,
        "memoryModule": \.memoryModule, "cliName": \.cliName, "clientTypeName": \.clientTypeName,
        "handlerTypeName": \.handlerTypeName, "memoryTypeName": \.memoryTypeName, "resources": \.resources,
        "enums": \.enums, "sids": \.sids,
        "objects": \.objects, "hasEnums": \.hasEnums, "hasSids": \.hasSids, "hasObjects": \.hasObjects,
        "clientExample": \.clientExample, "exampleResource": \.exampleResource,
        "exampleHandlerMethod": \.exampleHandlerMethod, "exampleInput": \.exampleInput,
        "authorizationType": \.authorizationType, "exampleCaller": \.exampleCaller,
        "credentialVariables": \.credentialVariables,
        "exampleCommand": \.exampleCommand, "generatedNote": \.generatedNote,
    ]
}

extension ArticleView.Resource: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "typeName": \.typeName, "pluralTypeName": \.pluralTypeName, "accessorName": \.accessorName,
        "commandName": \.commandName, "pageTypeName": \.pageTypeName, "summary": \.summary,
        "operations": \.operations,
    ]
}

extension ArticleView.Operation: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "summary": \.summary, "httpMethod": \.httpMethod, "path": \.path, "clientCall": \.clientCall,
        "handlerMethodName": \.handlerMethodName, "inputTypeName": \.inputTypeName, "commandLine": \.commandLine,
    ]
}
