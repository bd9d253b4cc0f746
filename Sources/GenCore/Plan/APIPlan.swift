/// Stage 3: every Swift fact of one API, computed once from its ``APIDefinition``.
///
/// The plan names every type, member, command and option, claiming each name in its scope so
/// that two spec names that meet in Swift are reported, and it orders each operation's
/// parameters, gives each a role, types its path and says how the server reads it. Emitters
/// are projections of the plan: they read names and facts here and derive none.
public struct APIPlan: Sendable {
    public let api: APIDefinition
    public let modules: ModuleNames
    /// The command-line tool, such as `sipdomain`.
    public let cliName: String
    /// The client type, such as `SipDomainAPI`.
    public let clientTypeName: String
    /// The server's handler protocol, such as `SipDomainHandler`.
    public let handlerTypeName: String
    /// The CLI's root command, such as `SipDomainCommand`.
    public let rootCommandTypeName: String
    /// The environment variable naming the CLI's base URL, such as `SIPDOMAIN_BASE_URL`.
    public let baseURLVariable: String
    /// The schema of the error JSON in the OpenAPI description, such as `APIError`.
    public let errorSchemaName: String
    /// The credentials of the API's scheme: a username and a password for `basic`, a token for `bearer`.
    public let username: CredentialPlan?
    public let password: CredentialPlan?
    public let token: CredentialPlan?
    /// The account the credentials act for, when the spec names an account parameter.
    public let account: AccountPlan?
    public let sids: [SidPlan]
    public let enums: [EnumPlan]
    /// The structs of objects nested in resources and pages.
    public let objects: [ObjectPlan]
    public let resources: [ResourcePlan]

    /// Every operation with its resource, in spec order.
    public var operations: [(resource: ResourcePlan, operation: OperationPlan)] {
        resources.flatMap { resource in resource.operations.map { (resource, $0) } }
    }
}

public struct ModuleNames: Codable, Equatable, Sendable {
    public var models: String
    public var client: String
    public var server: String
    public var cli: String
    /// The folder of the OpenAPI description, such as `SipDomainOpenAPI`; not a Swift module.
    public var openAPI: String
    /// The in-memory handler's, such as `SipDomainMemory` (`gen --only memory`).
    public var memory: String

    /// The Swift modules, which one module holding every piece does not import.
    public var swiftModules: Set<String> { [models, client, server, cli, memory] }
}

public struct CredentialPlan: Sendable {
    public let credential: Auth.Credential
    /// The client initializer's argument label, such as `authToken`.
    public let label: String
    /// The CLI option, such as `auth-token`.
    public let optionName: String
}

public struct AccountPlan: Sendable {
    public let wireName: String
    /// The property and argument, such as `accountSid`, and the same as an argument label.
    public let name: String
    public let argumentLabel: String
    public let sidTypeName: String
    public let sidPrefix: String
}

public struct SidPlan: Sendable {
    public let sid: SidType
    /// Such as `AccountSid`.
    public let typeName: String
}

public struct EnumPlan: Sendable {
    public struct Case: Sendable {
        public let value: String
        public let name: String
    }

    public let enumeration: EnumType
    public let typeName: String
    public let cases: [Case]
    /// The case that carries a value not in `cases`.
    public let unknownCaseName: String
}

/// A spec type in Swift: its name, and how each piece holds, sends, reads and prints it
/// (`TypePlan+Swift.swift`). A new type is described here once, for every piece.
public struct TypePlan: Sendable {
    public let type: FieldType
    /// Without optionality, such as `AccountSid`.
    public let swiftName: String

    public var kind: FieldType.Kind { type.kind }
}

public struct PropertyPlan: Sendable {
    public let property: Property
    public let name: String
    public let type: TypePlan

    public var wireName: String { property.wireName }
    public var nullable: Bool { property.nullable }
    /// An object's members; empty for any other type.
    public var members: [PropertyPlan] = []
}

/// A struct for an object nested in a property, such as the `meta` of a v1 list page.
public struct ObjectPlan: Sendable {
    public let typeName: String
    public let description: String?
    public let properties: [PropertyPlan]
}

public struct ResourcePlan: Sendable {
    public let resource: Resource
    /// The model, such as `SipDomain`.
    public let typeName: String
    /// The client's type for its operations, such as `SipDomains`.
    public let pluralTypeName: String
    /// The client's accessor, such as `sipDomains`.
    public let accessorName: String
    /// The CLI's command, such as `sip-domains`, and its type, such as `SipDomainsCommand`.
    public let commandName: String
    public let commandTypeName: String
    /// The file of the server's input types, such as `SipDomainInputs`.
    public let inputsFileName: String
    public let properties: [PropertyPlan]
    public let page: PagePlan?
    public let operations: [OperationPlan]
}

/// Twilio's list envelope in Swift.
public struct PagePlan: Sendable {
    public let page: Page
    public let typeName: String
    public let itemsName: String
    public let fields: [PropertyPlan]
    /// What reads the next page's URI from a page, after `$0.`, such as `nextPageUri` or
    /// `meta?.nextPageUrl`; nil when pages do not link to the next.
    public let next: String?
}

public struct OperationPlan: Sendable {
    public let operation: Operation
    /// The client method, such as `create`; for a paged list, the method that goes through all pages.
    public let methodName: String
    /// The `operationId` of the OpenAPI description, such as `CreateSipDomain`: unique in the API.
    public let operationID: String
    /// The handler method, such as `createSipDomain`, and its input type.
    public let handlerMethodName: String
    public let inputTypeName: String
    /// The CLI subcommand, its type, and the other names it answers to.
    public let commandName: String
    public let commandTypeName: String
    public let commandAliases: [String]
    /// The parameters in spec order: path, query, form.
    public let parameters: [ParameterPlan]
    /// The parameters as client methods take them: path, required, optional, then the account.
    public let clientParameters: [ParameterPlan]
    /// The path with each placeholder's parameter.
    public let path: [PathSegment]
    /// The path as the server's router registers it.
    public let route: RouterPaths.Route
    public let paging: PagingPlan?
    /// The client method's local that holds a JSON body: `body`, unless a parameter has that name.
    public let bodyVariableName: String
}

/// A piece of an operation's path.
public enum PathSegment: Sendable {
    case literal(String)
    case parameter(ParameterPlan)
}

public struct PagingPlan: Sendable {
    public let paging: Paging
    /// The client method fetching one page, such as `page`.
    public let singlePageMethodName: String
    public let size: ParameterPlan
    /// Whether pages link to the next, so that a client can go through all of them.
    public let followsPages: Bool
}

public struct ParameterPlan: Sendable {
    /// What a parameter is for, which decides how each piece treats it.
    public enum Role: String, Sendable {
        /// The account the credentials act for; the client fills it in.
        case account
        /// The SID of the resource the operation acts on, in the path.
        case identity
        /// The SID of a resource above this one, in the path.
        case parentSid
        /// Another path parameter.
        case path
        /// The page size of a list.
        case pageSize
        /// A query parameter that picks a page.
        case cursor
        /// Anything else the caller gives.
        case input
    }

    public let parameter: Parameter
    public let role: Role
    /// The Swift name, such as `domainName`, and the same as an argument label at a call site.
    public let name: String
    public let argumentLabel: String
    public let type: TypePlan
    /// The CLI option, such as `domain-name`, and the command's property holding it.
    public let optionName: String
    public let commandPropertyName: String
    /// How the generated server reads it from a request.
    public let reader: ReaderCall

    public var wireName: String { parameter.wireName }
    public var required: Bool { parameter.required }
}

/// A call of `OperationRequest` that reads and checks one parameter, such as
/// `request.string("DomainName", in: .form, maxLength: 255)`.
public struct ReaderCall: Sendable {
    public let method: String
    public let arguments: [String]
}
