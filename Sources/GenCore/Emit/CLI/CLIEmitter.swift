/// Emits the CLI module: an executable with a command per resource and a subcommand per
/// operation, on swift-argument-parser, over the generated client.
public struct CLIEmitter: Emitter {
    public let piece = "cli"
    public let moduleSuffix = "CLI"

    public init() {}

    public func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    {
        let header = FileHeader(specFile: plan.api.specFile).text
        let folder = plan.modules.cli
        var files = [
            try file(
                "\(folder)/\(plan.rootCommandTypeName).swift",
                "CLI/root",
                CLIRootView(header: header, plan: plan),
                with: templates,
                options: options
            )
        ]
        for resource in plan.resources {
            files.append(
                try file(
                    "\(folder)/\(resource.commandTypeName).swift",
                    "CLI/resource",
                    CLIResourceView(header: header, plan: plan, resource: resource),
                    with: templates,
                    options: options
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

    /// The account the username names, checked before a client is made.
    struct Account {
        let sidType: String
        /// The error when the username is not such a SID, as a string literal.
        let messageLiteral: String
    }

    /// The option of one credential, and the property that holds it.
    struct Credential {
        let property: String
        let option: String
        let help: String
        /// The environment variable as a literal, or `nil`.
        let variable: String

        init(property: String, plan: CredentialPlan) {
            self.property = property
            option = plan.optionName
            let credential = plan.credential
            help = SwiftLiteral.string(
                "The \(credential.name)" + (credential.environmentVariable.map { "; default: $\($0)" } ?? "") + "."
            )
            variable = credential.environmentVariable.map(SwiftLiteral.string) ?? "nil"
        }
    }

    let header: String
    var imports: [String]
    var access = ""
    let typeName: String
    let commandName: String
    let abstractLiteral: String
    let subcommands: String
    let clientType: String
    /// The options of the credentials: `username` and `password`, or `token` for a bearer scheme.
    let credentials: [Credential]
    let baseURLVariable: String
    let baseURLHelp: String
    let account: Account?
    /// The arguments that make the client from `username` (or `account`) and `password`.
    let clientArguments: String
    let sids: [Conformance]
    let enums: [Conformance]

    init(header: String, plan: APIPlan) {
        self.header = header
        let api = plan.api
        imports = [
            "ArgumentParser", "Foundation", "GenCLIRuntime", "GenClientRuntime", plan.modules.client,
            plan.modules.models,
        ]
        typeName = plan.rootCommandTypeName
        commandName = plan.cliName
        abstractLiteral = SwiftLiteral.string("The \(api.title ?? api.name) API from the command line.")
        subcommands = SwiftLayout.list(plan.resources.map { $0.commandTypeName + ".self" })
        clientType = plan.clientTypeName
        let named = [("username", plan.username), ("password", plan.password), ("token", plan.token)]
        credentials = named.compactMap { property, credential in
            credential.map { Credential(property: property, plan: $0) }
        }
        baseURLVariable = SwiftLiteral.string(plan.baseURLVariable)
        baseURLHelp = SwiftLiteral.string(
            "Where requests go; default: $\(plan.baseURLVariable), else \(api.baseURL)."
        )
        let common = ["configuration: configuration", "transport: CommandSupport.transport"]
        if let account = plan.account, let username = plan.username, let password = plan.password {
            let name = username.credential.name
            let message =
                "--\(username.optionName) is not \(article(name)) \(name): \(account.sidPrefix) and 32 hexadecimal digits."
            self.account = Account(sidType: account.sidTypeName, messageLiteral: SwiftLiteral.string(message))
            clientArguments = SwiftLayout.arguments(
                ["\(account.argumentLabel): account", "\(password.label): password"] + common
            )
        } else {
            account = nil
            // Each credential by its own label, in order: `accountSid: username, authToken: password`.
            let labelled = named.compactMap { property, credential in credential.map { "\($0.label): \(property)" } }
            clientArguments = SwiftLayout.arguments(labelled + common)
        }
        sids = plan.sids.map { Conformance(typeName: $0.typeName) }
        enums = plan.enums.map { Conformance(typeName: $0.typeName) }
    }
}

/// What `CLI/resource.mustache` renders: a resource's command and its operations' subcommands.
struct CLIResourceView {
    struct Command {
        let typeName: String
        let configuration: String
        let options: [Option]
        /// Whether it prints what it gets; a command whose operation returns nothing prints nothing.
        let prints: Bool
        /// The arguments of `credentials.client`: none, or that its operation needs no credentials.
        let clientArguments: String
        /// How it calls the client: exactly one of these.
        let sequence: Call?
        let resource: Call?
        let page: Call?
        let nothing: Call?
    }

    /// An option or flag: its attribute and arguments, then its property.
    struct Option {
        /// `Option` or `Flag`.
        let attribute: String
        let arguments: String
        /// The property after `var`, such as `domainName: String` or `limit = 50`.
        let property: String
    }

    /// A call of the client, such as `client.sipDomains.create(domainName: self.domainName)`.
    struct Call {
        let function: String
        let arguments: String
        /// The page's items, for a page printed as it is.
        let itemsName: String
    }

    let header: String
    var imports: [String]
    var access = ""
    let typeName: String
    let configuration: String
    let defaultPropertiesLiteral: String
    let knownProperties: String
    /// The elements of the spec's acronyms, `"SIP", "BYOC"`, for the printer's headings.
    let acronyms: String
    let commands: [Command]

    init(header: String, plan: APIPlan, resource: ResourcePlan) {
        self.header = header
        let types = resource.operations.flatMap(\.parameters).map(\.type)
        imports =
            ["ArgumentParser", "GenCLIRuntime", "GenClientRuntime"]
            + (types.contains(where: \.clientNeedsRuntime) ? ["GenRuntime"] : [])
            + [plan.modules.client, plan.modules.models]
            + (types.contains(where: \.needsFoundation) ? [TypePlan.dateImport] : [])
        typeName = resource.commandTypeName
        let builder = CLICommandBuilder(resource: resource)
        commands = resource.operations.map(builder.command)
        configuration = SwiftLayout.arguments([
            "commandName: \(SwiftLiteral.string(resource.commandName))",
            "abstract: \(SwiftLiteral.string(resource.resource.description ?? "\(resource.typeName) resources."))",
            "subcommands: [\(SwiftLayout.list(commands.map { $0.typeName + ".self" }))]",
        ])
        let wireNames = resource.properties.map(\.wireName)
        let defaults =
            resource.resource.defaultOutput.isEmpty ? Array(wireNames.prefix(3)) : resource.resource.defaultOutput
        defaultPropertiesLiteral = SwiftLiteral.string(defaults.joined(separator: ","))
        knownProperties = SwiftLayout.elements(wireNames.map(SwiftLiteral.string))
        acronyms = SwiftLayout.elements(plan.api.acronyms.map(SwiftLiteral.string))
    }
}

/// Builds one operation's subcommand: its options and how its `run()` calls the client.
private struct CLICommandBuilder {
    let resource: ResourcePlan

    /// The option or flag of a parameter.
    func option(_ parameter: ParameterPlan) -> CLIResourceView.Option {
        let property = parameter.commandPropertyName
        var help = Self.firstSentence(parameter.parameter.description) ?? parameter.wireName
        if parameter.type.isJSONText { help += " (JSON, or @FILE to read it from a file)" }
        var arguments = [
            "name: .customLong(\(SwiftLiteral.string(parameter.optionName)))",
            "help: \(SwiftLayout.stringLiteral(help))",
        ]
        if parameter.type.kind == .boolean, !parameter.required {
            arguments.insert("inversion: .prefixedNo", at: 1)
            return .init(attribute: "Flag", arguments: SwiftLayout.arguments(arguments), property: "\(property): Bool?")
        }
        let type = parameter.type.optionType
        let optionality = parameter.required ? "" : parameter.type.isRepeated ? " = []" : "?"
        return .init(
            attribute: "Option",
            arguments: SwiftLayout.arguments(arguments),
            property: "\(property): \(type)" + optionality
        )
    }

    /// The argument passing a parameter's option to the client; `self.` keeps it apart from
    /// the body's locals.
    func argument(_ parameter: ParameterPlan) -> String {
        let property = "self." + parameter.commandPropertyName
        let option = "--" + parameter.optionName
        let value = parameter.type.optionConversion(property, option: option, required: parameter.required)
        return "\(parameter.argumentLabel): \(value ?? property)"
    }

    static func firstSentence(_ text: String?) -> String? {
        guard let text else { return nil }
        if let end = text.range(of: ". ") { return String(text[..<end.lowerBound]) + "." }
        return text
    }

    func command(_ operation: OperationPlan) -> CLIResourceView.Command {
        let spec = operation.operation
        // Options in the spec's order; the account comes from the credentials, and a list
        // follows its pages itself.
        let isOption = { (parameter: ParameterPlan) in parameter.role != .account && parameter.role != .cursor }
        var options = operation.parameters.filter(isOption)
        var configuration = [
            "commandName: \(SwiftLiteral.string(operation.commandName))",
            "abstract: \(SwiftLiteral.string(spec.summary ?? spec.name))",
        ]
        if !operation.commandAliases.isEmpty {
            configuration.append(
                "aliases: [\(operation.commandAliases.map(SwiftLiteral.string).joined(separator: ", "))]"
            )
        }
        let client = "client.\(resource.accessorName)"
        var declarations: [CLIResourceView.Option] = []
        var sequence: CLIResourceView.Call?
        var single: CLIResourceView.Call?
        if let paging = operation.paging, paging.followsPages {
            options.removeAll { $0.role == .pageSize }
            declarations = [
                .init(
                    attribute: "Option",
                    arguments: SwiftLayout.arguments([
                        "name: .customLong(\"limit\")",
                        "help: \(SwiftLiteral.string("The most \(resource.pluralTypeName) to print."))",
                    ]),
                    property: "limit = 50"
                ),
                .init(
                    attribute: "Flag",
                    arguments: SwiftLayout.arguments([
                        "name: .customLong(\"no-limit\")",
                        "help: \(SwiftLiteral.string("Print every \(resource.typeName), however many."))",
                    ]),
                    property: "noLimit = false"
                ),
                option(paging.size),
            ]
            // The client's order: the required, then `limit` and the page size, then the rest.
            let passed = operation.clientParameters.filter { isOption($0) && $0.role != .pageSize }
            let arguments =
                passed.filter(\.required).map(argument) + ["limit: self.noLimit ? nil : self.limit"]
                + ["\(paging.size.argumentLabel): self.\(paging.size.commandPropertyName)"]
                + passed.filter { !$0.required }.map(argument)
            sequence = .init(
                function: "\(client).\(operation.methodName)",
                arguments: SwiftLayout.arguments(arguments),
                itemsName: ""
            )
        } else {
            // A list whose pages do not link to the next has one client method, for one page.
            let ordered = operation.clientParameters.filter(isOption)
            single = .init(
                function: "\(client).\(operation.methodName)",
                arguments: SwiftLayout.arguments(ordered.map(argument)),
                itemsName: resource.page?.itemsName ?? "items"
            )
        }
        return CLIResourceView.Command(
            typeName: operation.commandTypeName,
            configuration: SwiftLayout.arguments(configuration),
            options: options.map(option) + declarations,
            prints: spec.returns != .nothing,
            clientArguments: spec.authenticated ? "" : "requiringCredentials: false",
            sequence: sequence,
            resource: spec.returns == .resource ? single : nil,
            page: spec.returns == .page ? single : nil,
            nothing: spec.returns == .nothing ? single : nil
        )
    }
}
