/// Emits the CLI module: an executable with a command per resource and a subcommand per
/// operation, on swift-argument-parser, over the generated client.
public struct CLIEmitter: Emitter {
    public let piece = "cli"
    public let moduleSuffix = "CLI"

    public init() {}

    public func emit(_ api: APIDefinition, templates: TemplateSet) throws(DiagnosticError) -> [GeneratedFile] {
        let header = FileHeader(specFile: api.specFile).text
        let folder = api.modules.cli
        let root = CLIRootView(header: header, api: api)
        var files = [
            GeneratedFile(
                path: "\(folder)/\(root.typeName).swift",
                contents: try render("CLI/root", root, with: templates)
            )
        ]
        for resource in api.resources {
            let view = CLIResourceView(header: header, api: api, resource: resource)
            files.append(
                GeneratedFile(
                    path: "\(folder)/\(view.typeName).swift",
                    contents: try render("CLI/resource", view, with: templates)
                )
            )
        }
        return files
    }
}

/// What `CLI/root.mustache` renders: the tool's command, its connection options and the
/// argument conformances of SID and enum types.
struct CLIRootView {
    struct Conformance {
        let typeName: String
    }

    let header: String
    let imports: [String]
    let typeName: String
    let commandName: String
    let abstractLiteral: String
    let subcommands: String
    let clientType: String
    let usernameOption: String
    let usernameProperty: String
    let usernameHelp: String
    let passwordOption: String
    let passwordHelp: String
    let usernameVariable: String
    let passwordVariable: String
    let baseURLVariable: String
    let baseURLHelp: String
    /// The statements that make the client from `username` and `password` (both `String`).
    let clientLines: [String]
    let sids: [Conformance]
    let enums: [Conformance]

    init(header: String, api: APIDefinition) {
        self.header = header
        imports = [
            "ArgumentParser", "Foundation", "GenCLIRuntime", "GenClientRuntime", api.modules.client, api.modules.models,
        ]
        typeName = Namer.commandTypeName(api.name)
        commandName = api.cliName
        abstractLiteral = SwiftLiteral.string("The \(api.title ?? api.name) API from the command line.")
        subcommands = api.resources.map { Namer.commandTypeName($0.pluralSwiftName) + ".self" }
            .joined(separator: ", ")
        clientType = Namer.clientTypeName(api: api.name)
        let auth = api.auth
        usernameOption = auth.username.optionName
        passwordOption = auth.password.optionName
        usernameProperty = Namer.memberName(auth.username.name)
        let baseVariable = Namer.baseURLVariable(cliName: api.cliName)
        usernameVariable = auth.username.environmentVariable.map(SwiftLiteral.string) ?? "nil"
        passwordVariable = auth.password.environmentVariable.map(SwiftLiteral.string) ?? "nil"
        baseURLVariable = SwiftLiteral.string(baseVariable)
        func help(_ credential: Auth.Credential) -> String {
            SwiftLiteral.string(
                "The \(credential.name)" + (credential.environmentVariable.map { "; default: $\($0)" } ?? "") + "."
            )
        }
        usernameHelp = help(auth.username)
        passwordHelp = help(auth.password)
        baseURLHelp = SwiftLiteral.string("Where requests go; default: $\(baseVariable), else \(api.baseURL).")
        let passwordLabel = Namer.memberName(auth.password.name)
        let common = [
            "\(passwordLabel): password", "configuration: configuration",
            "transport: AsyncHTTPClientTransport.failingFast",
        ]
        if let account = auth.account {
            let message =
                "--\(usernameOption) is not \(Self.article(auth.username.name)) \(auth.username.name): "
                + "\(account.sidPrefix) and 32 hexadecimal digits."
            clientLines = [
                "guard let account = \(account.sidType)(validating: username) else {",
                "    throw ValidationError(\(SwiftLiteral.string(message)))",
                "}",
                SwiftCall.statement(
                    "return \(clientType)",
                    arguments: ["\(Namer.argumentLabel(account.swiftName)): account"] + common,
                    indent: 8
                ),
            ]
        } else {
            clientLines = [
                SwiftCall.statement(
                    "return \(clientType)",
                    arguments: ["\(Namer.memberName(auth.username.name)): username"] + common,
                    indent: 8
                )
            ]
        }
        sids = api.sids.map { Conformance(typeName: $0.swiftName) }
        enums = api.enums.map { Conformance(typeName: $0.swiftName) }
    }

    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}

/// What `CLI/resource.mustache` renders: a resource's command and its operations' subcommands.
struct CLIResourceView {
    struct Command {
        let typeName: String
        let configuration: String
        let options: [String]
        let body: [String]
    }

    let header: String
    let imports: [String]
    let typeName: String
    let configuration: String
    let defaultPropertiesLiteral: String
    let knownPropertiesLiteral: String
    let commands: [Command]

    init(header: String, api: APIDefinition, resource: Resource) {
        self.header = header
        let usesDates = resource.operations.flatMap(\.parameters).contains { $0.type.kind == .dateTimeRFC2822 }
        imports =
            ["ArgumentParser"] + (usesDates ? ["Foundation"] : []) + ["GenCLIRuntime", "GenClientRuntime"]
            + (usesDates ? ["GenRuntime"] : []) + [api.modules.client, api.modules.models]
        typeName = Namer.commandTypeName(resource.pluralSwiftName)
        let builder = CLICommandBuilder(api: api, resource: resource)
        commands = resource.operations.map(builder.command)
        configuration = SwiftCall.statement(
            "static let configuration = CommandConfiguration",
            arguments: [
                "commandName: \(SwiftLiteral.string(resource.commandName))",
                "abstract: \(SwiftLiteral.string(resource.description ?? "\(resource.swiftName) resources."))",
                "subcommands: [\(commands.map { $0.typeName + ".self" }.joined(separator: ", "))]",
            ],
            indent: 4
        )
        let wireNames = resource.properties.map(\.wireName)
        let defaults = resource.defaultOutput.isEmpty ? Array(wireNames.prefix(3)) : resource.defaultOutput
        defaultPropertiesLiteral = SwiftLiteral.string(defaults.joined(separator: ","))
        knownPropertiesLiteral = SwiftCall.literal(wireNames.map(SwiftLiteral.string), indent: 8)
    }
}

/// Builds one operation's subcommand: its options and what its `run()` does.
private struct CLICommandBuilder {
    let api: APIDefinition
    let resource: Resource

    func isAccount(_ parameter: Parameter) -> Bool {
        parameter.location == .path && parameter.wireName == api.auth.account?.wireName
    }

    /// The option or flag declaration of a parameter: its attribute (wrapped when long), then
    /// its property.
    func declaration(_ parameter: Parameter) -> String {
        let property = Namer.commandPropertyName(parameter.swiftName)
        var arguments = [
            "name: .customLong(\(SwiftLiteral.string(parameter.optionName)))",
            "help: \(SwiftLiteral.wrapped(Self.firstSentence(parameter.description) ?? parameter.wireName, prefix: "help: ", indent: 12))",
        ]
        if parameter.type.kind == .boolean, !parameter.required {
            arguments.insert("inversion: .prefixedNo", at: 1)
            return SwiftCall.statement("@Flag", arguments: arguments, indent: 8) + "\n        var \(property): Bool?"
        }
        let type =
            switch parameter.type.kind {
            case .dateTimeRFC2822, .uri, .uriMap, .string: "String"
            default: parameter.type.swiftType
            }
        return SwiftCall.statement("@Option", arguments: arguments, indent: 8) + "\n        var \(property): \(type)"
            + (parameter.required ? "" : "?")
    }

    /// The argument passing a parameter's option to the client; `self.` keeps it apart from
    /// the body's locals.
    func argument(_ parameter: Parameter) -> String {
        let property = "self." + Namer.commandPropertyName(parameter.swiftName)
        let label = Namer.argumentLabel(parameter.swiftName)
        if parameter.type.kind == .dateTimeRFC2822 {
            let call = "CommandSupport.date(\(property), option: \(SwiftLiteral.string("--" + parameter.optionName)))"
            return "\(label): try \(call)" + (parameter.required ? "!" : "")
        }
        return "\(label): \(property)"
    }

    static func firstSentence(_ text: String?) -> String? {
        guard let text else { return nil }
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        return text
    }

    func command(_ operation: Operation) -> CLIResourceView.Command {
        let shown = operation.parameters.filter { !isAccount($0) }
        var options = shown.filter { !(operation.paging?.cursorParameters.contains($0.wireName) ?? false) }
        var configuration = [
            "commandName: \(SwiftLiteral.string(operation.commandName))",
            "abstract: \(SwiftLiteral.string(operation.summary ?? operation.name))",
        ]
        if !operation.commandAliases.isEmpty {
            configuration.append(
                "aliases: [\(operation.commandAliases.map(SwiftLiteral.string).joined(separator: ", "))]"
            )
        }
        let client = "client.\(resource.accessorName)"
        var body = ["let client = try self.credentials.client()"]
        if operation.returns != .nothing { body.append("var printer = try self.display.printer()") }
        var declarations: [String] = []
        if let paging = operation.paging, resource.page?.nextSwiftName != nil {
            options.removeAll { $0.wireName == paging.sizeParameter }
            declarations = [
                "@Option(name: .customLong(\"limit\"), help: \"The most \(resource.pluralSwiftName) to print.\")\n        var limit = 50",
                "@Flag(name: .customLong(\"no-limit\"), help: \"Print every \(resource.swiftName), however many.\")\n        var noLimit = false",
            ]
            let size = operation.parameters.first { $0.wireName == paging.sizeParameter }
            if let size { declarations.append(declaration(size)) }
            let arguments =
                options.filter(\.required).map(argument) + ["limit: self.noLimit ? nil : self.limit"]
                + (size.map { ["\(paging.sizeSwiftName): self.\(Namer.commandPropertyName($0.swiftName))"] } ?? [])
                + options.filter { !$0.required }.map(argument)
            body += [
                SwiftCall.statement(
                    "let sequence = \(client).\(operation.swiftName)",
                    arguments: arguments,
                    indent: 16
                ),
                "for try await page in sequence.pages {",
                "    try printer.printPage(page)",
                "}",
                "printer.finish()",
            ]
        } else {
            let ordered = options.filter(\.required) + options.filter { !$0.required }
            let method = operation.paging?.singlePageSwiftName ?? operation.swiftName
            let call = "try await \(client).\(method)"
            let arguments = ordered.map(argument)
            switch operation.returns {
            case .resource:
                body.append(SwiftCall.statement("let result = " + call, arguments: arguments, indent: 16))
                body.append("try printer.printResource(result)")
            case .page:
                body.append(SwiftCall.statement("let result = " + call, arguments: arguments, indent: 16))
                body += [
                    "try printer.printPage(result.\(resource.page?.itemsSwiftName ?? "items"))", "printer.finish()",
                ]
            case .nothing:
                body.append(SwiftCall.statement(call, arguments: arguments, indent: 16))
            }
        }
        declarations = options.map(declaration) + declarations
        return CLIResourceView.Command(
            typeName: Namer.commandTypeName(operation.name),
            configuration: SwiftCall.statement(
                "static let configuration = CommandConfiguration",
                arguments: configuration,
                indent: 8
            ),
            options: declarations,
            body: body
        )
    }
}
