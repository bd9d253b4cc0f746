/// Emits the client module: the API's client type and one type per resource with a method per
/// operation, over the hand-written `GenClientRuntime`.
public struct ClientEmitter: Emitter {
    public let piece = "client"
    public let moduleSuffix = "Client"

    public init() {}

    public func emit(_ api: APIDefinition, templates: TemplateSet) throws(DiagnosticError) -> [GeneratedFile] {
        let header = FileHeader(specFile: api.specFile).text
        let folder = api.modules.client
        let client = ClientView(header: header, api: api)
        var files = [
            GeneratedFile(
                path: "\(folder)/\(client.typeName).swift",
                contents: try render("Client/client", client, with: templates)
            )
        ]
        for resource in api.resources {
            let view = ResourceClientView(header: header, api: api, resource: resource)
            files.append(
                GeneratedFile(
                    path: "\(folder)/\(resource.pluralSwiftName).swift",
                    contents: try render("Client/resource", view, with: templates)
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
        let arguments: String
    }

    /// The account the client acts for, when the spec names an account parameter.
    struct Account {
        let propertyName: String
        let sidType: String
    }

    /// The environment variables holding the credentials, when the spec names both.
    struct Environment {
        let usernameVariable: String
        let passwordVariable: String
        let usernameLiteral: String
        let passwordLiteral: String
    }

    let header: String
    let imports: [String]
    let docLines: [String]
    let typeName: String
    let baseURLLiteral: String
    let account: Account?
    let environment: Environment?
    /// Argument labels and human names of the credentials: `accountSid`, `Account SID`.
    let usernameLabel: String
    let usernameName: String
    let passwordLabel: String
    let passwordName: String
    let accessors: [Accessor]

    init(header: String, api: APIDefinition) {
        self.header = header
        imports = ["Foundation", "GenClientRuntime", api.modules.models]
        typeName = Namer.clientTypeName(api: api.name)
        docLines = DocComment.lines(["A client for \(api.title ?? api.name).", api.description], indent: 0)
        baseURLLiteral = SwiftLiteral.string(api.baseURL)
        let (username, password) = (api.auth.username, api.auth.password)
        usernameName = username.name
        passwordName = password.name
        usernameLabel = api.auth.account?.swiftName ?? Namer.memberName(username.name)
        passwordLabel = Namer.memberName(password.name)
        account = api.auth.account.map { Account(propertyName: $0.swiftName, sidType: $0.sidType) }
        if let usernameVariable = username.environmentVariable, let passwordVariable = password.environmentVariable {
            environment = Environment(
                usernameVariable: usernameVariable,
                passwordVariable: passwordVariable,
                usernameLiteral: SwiftLiteral.string(usernameVariable),
                passwordLiteral: SwiftLiteral.string(passwordVariable)
            )
        } else {
            environment = nil
        }
        let accountArgument = api.auth.account.map { ", \(Namer.argumentLabel($0.swiftName)): \($0.swiftName)" } ?? ""
        accessors = api.resources.map { resource in
            Accessor(
                docLines: DocComment.lines(["Operations on \(resource.swiftName) resources."], indent: 4),
                name: resource.accessorName,
                typeName: resource.pluralSwiftName,
                arguments: "connection: connection" + accountArgument
            )
        }
    }
}
