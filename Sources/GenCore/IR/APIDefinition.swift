/// The checked, named form of one spec: what every emitter reads.
///
/// Every Swift name is computed once, by ``Namer``, while lowering; emitters and templates never
/// derive names. Encoded as JSON it is what `gen ir` prints and what the IR golden file pins.
public struct APIDefinition: Codable, Equatable, Sendable {
    /// The spec's file name, such as `SipDomain.yaml`, named in every generated file's header.
    public var specFile: String
    public var name: String
    /// The command-line tool, such as `sipdomain`.
    public var cliName: String
    public var title: String?
    public var description: String?
    public var baseURL: String
    public var auth: Auth
    public var errors: ErrorCodes
    public var modules: ModuleNames
    /// The schema of the error JSON in the OpenAPI description, such as `APIError`. The
    /// description's other schemas are named after the models' types, which this name avoids.
    public var errorSchemaName: String
    public var sids: [SidType]
    public var enums: [EnumType]
    public var resources: [Resource]
}

/// The Twilio error codes a server answers with; nil leaves the code out.
public struct ErrorCodes: Codable, Equatable, Sendable {
    public var authentication: Int?
    public var notFound: Int?
    public var invalidParameter: Int?
}

public struct ModuleNames: Codable, Equatable, Sendable {
    public var models: String
    public var client: String
    public var server: String
    public var cli: String
    /// The folder of the OpenAPI description, such as `SipDomainOpenAPI`; not a Swift module.
    public var openAPI: String
}

/// HTTP Basic authentication: what the username and password are, and where a client finds them.
public struct Auth: Codable, Equatable, Sendable {
    public var scheme: String
    public var username: Credential
    public var password: Credential
    /// The path parameter naming the account the credentials act for; clients fill it in.
    public var account: AccountParameter?

    public struct Credential: Codable, Equatable, Sendable {
        public var name: String
        public var environmentVariable: String?
        /// The CLI option, such as `account-sid`.
        public var optionName: String
    }

    public struct AccountParameter: Codable, Equatable, Sendable {
        public var wireName: String
        public var swiftName: String
        /// The SID type of the account, such as `AccountSid`.
        public var sidType: String
        /// The SID prefix of the account, such as `AC`.
        public var sidPrefix: String
    }
}

/// A kind of SID: its two-letter prefix and the Swift type that carries it.
public struct SidType: Codable, Equatable, Sendable {
    public var prefix: String
    public var entity: String
    public var swiftName: String
    public var pattern: String
}

/// An enum whose values the server may extend: it decodes unknown values instead of failing.
public struct EnumType: Codable, Equatable, Sendable {
    public var name: String
    public var swiftName: String
    public var description: String?
    public var cases: [Case]
    /// The case that carries a value not in `cases`.
    public var unknownCaseName: String

    public struct Case: Codable, Equatable, Sendable {
        public var value: String
        public var swiftName: String
    }
}

/// A field's type as the spec names it, with the Swift type it maps to.
public struct FieldType: Codable, Equatable, Sendable {
    public var kind: Kind
    /// The spec's spelling, such as `sid<AC>`.
    public var spec: String
    /// The Swift type, without optionality, such as `AccountSid`.
    public var swiftType: String

    public enum Kind: String, Codable, Sendable {
        case string, integer, boolean, uri, uriMap, dateTimeRFC2822, sid, enumeration
    }

    /// The SID prefix or the enum name, for `sid` and `enumeration`.
    public var reference: String?
}

public struct PII: Codable, Equatable, Sendable {
    public var handling: String
    public var retentionDays: Int?
}

/// A property of a resource or of its list page.
public struct Property: Codable, Equatable, Sendable {
    public var wireName: String
    public var swiftName: String
    public var type: FieldType
    public var nullable: Bool
    public var pii: PII?
    public var description: String?
}

public struct Resource: Codable, Equatable, Sendable {
    public var name: String
    public var swiftName: String
    public var pluralSwiftName: String
    /// The client's accessor, such as `sipDomains`.
    public var accessorName: String
    /// The CLI's command, such as `sip-domains`.
    public var commandName: String
    public var description: String?
    public var defaultOutput: [String]
    public var properties: [Property]
    public var page: Page?
    public var operations: [Operation]
}

/// Twilio's list envelope: the items under `itemsKey`, then paging fields.
public struct Page: Codable, Equatable, Sendable {
    public var swiftName: String
    public var itemsKey: String
    public var itemsSwiftName: String
    /// The Swift name of the field holding the next page's URI, when pages link to the next.
    public var nextSwiftName: String?
    public var fields: [Property]
}

public struct Operation: Codable, Equatable, Sendable {
    public var name: String
    public var swiftName: String
    /// The `operationId` of the OpenAPI description, such as `CreateSipDomain`: unique in the API,
    /// as Twilio's own description names it.
    public var operationID: String
    /// The CLI command, such as `remove`, and other names it answers to, such as `delete`.
    public var commandName: String
    public var commandAliases: [String]
    public var method: String
    public var path: String
    public var status: Int
    public var returns: Returns
    public var summary: String?
    public var description: String?
    public var parameters: [Parameter]
    public var paging: Paging?

    public enum Returns: String, Codable, Sendable, CaseIterable {
        case resource, page, nothing
    }
}

/// How a list operation pages.
public struct Paging: Codable, Equatable, Sendable {
    /// The query parameter for the page size, such as `PageSize`.
    public var sizeParameter: String
    public var sizeSwiftName: String
    /// Its maximum, which a client asks for at most.
    public var maxPageSize: Int?
    /// Query parameters that pick a page (`Page`, `PageToken`); left out when following next-page URIs.
    public var cursorParameters: [String]
    /// The client method fetching one page, such as `page`; the operation's own name is the
    /// method that goes through all pages.
    public var singlePageSwiftName: String
}

public struct Parameter: Codable, Equatable, Sendable {
    public enum Location: String, Codable, Sendable {
        case path, query, form
    }

    public var wireName: String
    public var location: Location
    public var swiftName: String
    /// The CLI option, such as `domain-name`.
    public var optionName: String
    public var type: FieldType
    public var required: Bool
    public var defaultValue: DefaultValue?
    public var constraints: Constraints
    public var pii: PII?
    public var description: String?
    /// The error code answered when this parameter fails validation, instead of the API's.
    public var errorCode: Int?
}

public enum DefaultValue: Codable, Equatable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
}

public struct Constraints: Codable, Equatable, Sendable {
    public var minLength: Int?
    public var maxLength: Int?
    public var minimum: Int?
    public var maximum: Int?
    /// A regular expression the whole value matches; for SIDs, the prefix's pattern.
    public var pattern: String?

    public var isEmpty: Bool { self == Constraints() }
}
