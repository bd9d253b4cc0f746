/// The checked form of one spec: what the API is on the wire, with no Swift in it.
///
/// Lowering checks a spec and resolves its types into this; the plan stage (``APIPlan``) then
/// names everything in Swift, and emitters read the plan. Encoded as JSON it is what `gen ir`
/// prints and what the IR golden file pins. `source` fields say where the spec wrote each
/// thing, so that the plan can report two names that collide in Swift.
public struct APIDefinition: Codable, Equatable, Sendable {
    /// The spec's file name, such as `SipDomain.yaml`, named in every generated file's header.
    public var specFile: String
    public var name: String
    public var title: String?
    public var description: String?
    public var baseURL: String
    public var auth: Auth
    public var errors: ErrorCodes
    public var sids: [SidType]
    public var enums: [EnumType]
    /// Objects declared once and used by name, `object<Name>`.
    public var objects: [ObjectType]
    public var resources: [Resource]
    /// Words that CLI headings spell as the spec writes them, such as `SIP`, beside the
    /// runtime's own (`SID`, `URI`, `URL`, `API`, `ID`, `IP`).
    public var acronyms: [String]
    public var source: SourceLocation
}

/// The Twilio error codes a server answers with; nil leaves the code out.
public struct ErrorCodes: Codable, Equatable, Sendable {
    public var authentication: Int?
    public var notFound: Int?
    public var invalidParameter: Int?
    /// The URL of the pages that explain codes: an error's `more_info` is this, `/` and its
    /// code. Nil leaves `more_info` null.
    public var moreInfo: String?
}

/// HTTP Basic authentication: what the username and password are, and where a client finds them.
public struct Auth: Codable, Equatable, Sendable {
    /// `basic`, with a username and a password, or `bearer`, with a token.
    public var scheme: String
    public var username: Credential?
    public var password: Credential?
    public var token: Credential?
    /// The path parameter naming the account the credentials act for; clients fill it in.
    public var account: AccountParameter?
    /// The realm of a server's 401 challenge, `Basic realm="…"`: the spec's, else its name.
    public var realm: String

    public struct Credential: Codable, Equatable, Sendable {
        /// What people call it, such as `Account SID`.
        public var name: String
        public var environmentVariable: String?
    }

    public struct AccountParameter: Codable, Equatable, Sendable {
        public var wireName: String
        /// The SID prefix of the account, such as `AC`.
        public var sidPrefix: String
    }
}

/// A kind of SID: its two-letter prefix and the entity it names.
public struct SidType: Codable, Equatable, Sendable {
    public var prefix: String
    public var entity: String
    public var source: SourceLocation

    /// The rule every SID follows: its prefix, then 32 hexadecimal digits. The one place gen
    /// writes it; the runtime's `TwilioSid` checks the same rule.
    public static func pattern(prefix: String) -> String { "^\(prefix)[0-9a-fA-F]{32}$" }

    public var pattern: String { Self.pattern(prefix: prefix) }
}

/// An enum whose values the server may extend: it decodes unknown values instead of failing.
/// An object declared once: its properties, for every field of type `object<Name>`.
public struct ObjectType: Codable, Equatable, Sendable {
    public var name: String
    public var description: String?
    public var properties: [Property]
    public var source: SourceLocation
}

public struct EnumType: Codable, Equatable, Sendable {
    public var name: String
    public var description: String?
    public var values: [Value]
    public var source: SourceLocation

    public struct Value: Codable, Equatable, Sendable {
        public var value: String
        public var source: SourceLocation
    }
}

/// A field's type as the spec names it.
public struct FieldType: Codable, Equatable, Sendable {
    public var kind: Kind
    /// The spec's spelling, such as `sid<AC>`.
    public var spec: String

    public enum Kind: String, Codable, Sendable {
        case string, integer, number, boolean, uri, uriMap, dateTimeRFC2822, dateTime, date, sid, enumeration
        /// A string of a documented format, such as an email address; `reference` names it.
        case formatted
        /// Any JSON.
        case json
        /// A list of values of the type in `elements`.
        case array
        /// An object of any names, each to a value of the type in `elements`.
        case map
        /// An object of its own `properties`, which becomes a struct.
        case object

        /// Whether a value is text on the wire, which length and pattern constraints apply to.
        public var isText: Bool { self == .string || self == .uri || self == .formatted }
        /// Whether `minimum` and `maximum` apply.
        public var isNumeric: Bool { self == .integer || self == .number }
    }

    /// The SID prefix, the enum name or the string's format, for `sid`, `enumeration` and
    /// `formatted`; the name of a declared object (`object<Name>`).
    public var reference: String?
    /// For an array, the type of its elements (one); nil otherwise.
    public var elements: [FieldType]?

    /// The type of an array's elements.
    public var element: FieldType? { elements?.first }

    /// For an object, its members; nil otherwise.
    public var properties: [Property]?

    public init(
        kind: Kind,
        spec: String,
        reference: String? = nil,
        elements: [FieldType]? = nil,
        properties: [Property]? = nil
    ) {
        self.kind = kind
        self.spec = spec
        self.reference = reference
        self.elements = elements
        self.properties = properties
    }
}

/// The string formats a spec may name as types, each a `String` documented with its format.
public enum StringFormat {
    /// Spec spelling to the format's name in OpenAPI and a description of it.
    public static let all: [String: (openAPI: String, meaning: String)] = [
        "phone-number": ("phone-number", "A phone number in E.164 format, such as +14155550100."),
        "email": ("email", "An email address."),
        "iso-country-code": ("iso-country-code", "An ISO 3166-1 alpha-2 country code, such as US."),
        "currency": ("currency", "An ISO 4217 currency code, such as USD."),
    ]
}

public struct PII: Codable, Equatable, Sendable {
    public var handling: String
    public var retentionDays: Int?
}

/// A property of a resource or of its list page.
public struct Property: Codable, Equatable, Sendable {
    public var wireName: String
    public var type: FieldType
    public var nullable: Bool
    public var pii: PII?
    public var description: String?
    public var source: SourceLocation
}

public struct Resource: Codable, Equatable, Sendable {
    public var name: String
    /// The spec's plural, such as `SipDomains`; nil when the spec gives none.
    public var plural: String?
    public var description: String?
    public var defaultOutput: [String]
    public var properties: [Property]
    public var page: Page?
    public var operations: [Operation]
    public var source: SourceLocation
}

/// Twilio's list envelope: the items under `itemsKey`, then paging fields.
public struct Page: Codable, Equatable, Sendable {
    public var itemsKey: String
    /// The wire names leading to the field that holds the next page's URI, when pages link to
    /// the next: `[next_page_uri]`, or `[meta, next_page_url]` in the envelope of Twilio's newer APIs.
    public var next: [String]?
    public var fields: [Property]
    public var source: SourceLocation
}

public struct Operation: Codable, Equatable, Sendable {
    public var name: String
    public var method: String
    public var path: String
    public var status: Int
    public var returns: Returns
    public var summary: String?
    public var description: String?
    public var parameters: [Parameter]
    public var paging: Paging?
    /// Whether a request carries the API's credentials; false for a token endpoint.
    public var authenticated: Bool = true
    public var source: SourceLocation

    public enum Returns: String, Codable, Sendable, CaseIterable {
        case resource, page, nothing
    }

    /// What a request's body holds: form fields, a JSON object, or nothing.
    public enum Body: Sendable, CaseIterable {
        case none, form, json
    }

    /// The body the operation declares, by where its parameters are sent; lowering refuses an
    /// operation with both form and JSON parameters.
    public var body: Body {
        if parameters.contains(where: { $0.location == .json }) { return .json }
        if parameters.contains(where: { $0.location == .form }) { return .form }
        return .none
    }
}

/// How a list operation pages.
public struct Paging: Codable, Equatable, Sendable {
    /// The query parameter for the page size, such as `PageSize`.
    public var sizeParameter: String
    /// Its maximum, which a client asks for at most.
    public var maxPageSize: Int?
    /// Query parameters that pick a page (`Page`, `PageToken`); left out when following next-page URIs.
    public var cursorParameters: [String]
    public var source: SourceLocation
}

public struct Parameter: Codable, Equatable, Sendable {
    public enum Location: String, Codable, Sendable {
        case path, query, header, form
        /// A member of a JSON object body.
        case json
    }

    public var wireName: String
    public var location: Location
    public var type: FieldType
    public var required: Bool
    public var defaultValue: DefaultValue?
    public var constraints: Constraints
    public var pii: PII?
    public var description: String?
    /// The error code answered when this parameter fails validation, instead of the API's.
    public var errorCode: Int?
    public var source: SourceLocation
}

public enum DefaultValue: Codable, Equatable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
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
