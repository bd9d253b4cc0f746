/// Emits the client module: the API's client type and one type per resource with a method per
/// operation, over the hand-written `GenClientRuntime`.
public struct ClientEmitter: Emitter {
    public let piece = "client"
    public let moduleSuffix = "Client"

    public init() {}

    public func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    {
        let header = FileHeader(specFile: plan.api.specFile).text
        let folder = plan.modules.client
        var files = [
            try file(
                "\(folder)/\(plan.clientTypeName).swift",
                "Client/client",
                ClientView(header: header, plan: plan),
                with: templates,
                options: options
            )
        ]
        for resource in plan.resources {
            let view = ResourceClientView(header: header, plan: plan, resource: resource)
            files.append(
                try file(
                    "\(folder)/\(resource.pluralTypeName).swift",
                    "Client/resource",
                    view,
                    with: templates,
                    options: options
                )
            )
        }
        return files
    }
}

/// What `Client/client.mustache` renders: the client type, its initializers and accessors.
struct ClientView {
    struct Accessor {
        let docLines: [String]
        let name: String
        let typeName: String
    }

    /// The account the client acts for, when the spec names an account parameter.
    struct Account {
        let propertyName: String
        /// The property as an argument label, without the backticks a keyword needs elsewhere.
        let argumentLabel: String
        let sidType: String

        init(_ account: AccountPlan) {
            propertyName = account.name
            argumentLabel = account.argumentLabel
            sidType = account.sidTypeName
        }
    }

    /// The environment variables holding the credentials, when the spec names both.
    struct Environment {
        let usernameVariable: String
        let passwordVariable: String
        let usernameLiteral: String
        let passwordLiteral: String
    }

    /// A bearer scheme's token: its argument label and human name, and its environment variable.
    struct Bearer {
        let tokenLabel: String
        let tokenName: String
        let tokenVariable: String?
        let tokenLiteral: String?
    }

    let header: String
    var imports: [String]
    var access = ""
    let docLines: [String]
    let typeName: String
    let baseURLLiteral: String
    let account: Account?
    let environment: Environment?
    /// For a bearer scheme; the username and password are then empty.
    let bearer: Bearer?
    /// Argument labels and human names of the credentials: `accountSid`, `Account SID`.
    let usernameLabel: String
    let usernameName: String
    let passwordLabel: String
    let passwordName: String
    let accessors: [Accessor]

    init(header: String, plan: APIPlan) {
        self.header = header
        let api = plan.api
        imports = ["Foundation", "GenClientRuntime", plan.modules.models]
        typeName = plan.clientTypeName
        docLines = DocComment.lines(["A client for \(api.title ?? api.name).", api.description])
        baseURLLiteral = SwiftLiteral.string(api.baseURL)
        usernameName = plan.username?.credential.name ?? ""
        passwordName = plan.password?.credential.name ?? ""
        usernameLabel = plan.username?.label ?? ""
        passwordLabel = plan.password?.label ?? ""
        bearer = plan.token.map { token in
            Bearer(
                tokenLabel: token.label,
                tokenName: token.credential.name,
                tokenVariable: token.credential.environmentVariable,
                tokenLiteral: token.credential.environmentVariable.map(SwiftLiteral.string)
            )
        }
        account = plan.account.map(Account.init)
        if let usernameVariable = plan.username?.credential.environmentVariable,
            let passwordVariable = plan.password?.credential.environmentVariable
        {
            environment = Environment(
                usernameVariable: usernameVariable,
                passwordVariable: passwordVariable,
                usernameLiteral: SwiftLiteral.string(usernameVariable),
                passwordLiteral: SwiftLiteral.string(passwordVariable)
            )
        } else {
            environment = nil
        }
        accessors = plan.resources.map { resource in
            Accessor(
                docLines: DocComment.lines(["Operations on \(resource.typeName) resources."]),
                name: resource.accessorName,
                typeName: resource.pluralTypeName
            )
        }
    }
}
