/// A spec as written: every value keeps where it stands in the file, nothing is checked beyond the
/// shape of the YAML. ``SpecLowering`` turns it into the checked ``APIDefinition``.
public struct RawSpec {
    public var file: String
    /// Where the document starts, for problems that belong to no single key.
    public var location: SourceLocation
    public var name: Located<String>?
    public var title: Located<String>?
    public var description: Located<String>?
    public var baseURL: Located<String>?
    public var auth: RawAuth?
    public var errors: RawErrors?
    public var sids: [(prefix: Located<String>, entity: Located<String>)] = []
    public var enums: [RawEnum] = []
    /// Objects declared once, for properties of several resources (`object<Name>`).
    public var objects: [RawObject] = []
    public var resources: [RawResource] = []
    /// Words that CLI headings spell as written here, such as `SIP`.
    public var acronyms: [Located<String>] = []
}

public struct RawObject {
    public var name: Located<String>
    public var description: Located<String>?
    public var properties: [RawField] = []
}

public struct RawAuth {
    public var location: SourceLocation
    public var scheme: Located<String>?
    public var username: RawCredential?
    public var password: RawCredential?
    /// A bearer scheme's token.
    public var token: RawCredential?
    /// The path parameter naming the account the credentials act for.
    public var accountParameter: Located<String>?
    /// The realm of a server's `WWW-Authenticate` challenge.
    public var realm: Located<String>?
}

/// The Twilio error codes the API answers with, and where they are explained.
public struct RawErrors {
    public var authentication: Located<Int>?
    public var notFound: Located<Int>?
    public var invalidParameter: Located<Int>?
    /// The URL of the pages that explain the codes, each at this URL, `/` and the code.
    public var moreInfo: Located<String>?
}

public struct RawCredential {
    public var location: SourceLocation
    public var name: Located<String>?
    public var environmentVariable: Located<String>?
}

public struct RawEnum {
    public var name: Located<String>
    public var description: Located<String>?
    public var values: [Located<String>] = []
}

public struct RawResource {
    public var name: Located<String>
    public var plural: Located<String>?
    public var description: Located<String>?
    public var defaultOutput: [Located<String>] = []
    /// Nil when missing or not a mapping (a problem already reported).
    public var properties: [RawField]?
    public var page: RawPage?
    public var operations: [RawOperation] = []
}

public struct RawPage {
    public var location: SourceLocation
    public var items: Located<String>?
    /// The field holding the next page's URI.
    public var next: Located<String>?
    public var fields: [RawField] = []
}

/// A property, a page field or a parameter: a wire name, a type and what constrains it.
public struct RawField {
    public var name: Located<String>
    public var type: Located<String>?
    public var nullable: Located<Bool>?
    public var required: Located<Bool>?
    public var description: Located<String>?
    public var pii: RawPII?
    public var defaultValue: RawScalar?
    public var minLength: Located<Int>?
    public var maxLength: Located<Int>?
    public var minimum: Located<Int>?
    public var maximum: Located<Int>?
    public var pattern: Located<String>?
    /// The error code a server answers with when this parameter fails validation.
    public var errorCode: Located<Int>?
    /// The members of an `object`, and where `properties` is written.
    public var properties: [RawField]?
    public var propertiesLocation: SourceLocation?
}

public struct RawPII {
    public var location: SourceLocation
    public var handling: Located<String>?
    public var retentionDays: Located<Int>?
}

/// A scalar whose meaning depends on the type it is read for, such as a parameter's default.
public struct RawScalar {
    public var text: String
    /// Whether it was quoted, so `'50'` is a string where `50` is a number.
    public var isQuoted: Bool
    public var location: SourceLocation
}

public struct RawOperation {
    public var name: Located<String>
    public var method: Located<String>?
    public var path: Located<String>?
    public var status: Located<Int>?
    public var returns: Located<String>?
    public var summary: Located<String>?
    public var description: Located<String>?
    /// `none` for an operation that takes no credentials.
    public var auth: Located<String>?
    public var pathParameters: [RawField] = []
    public var queryParameters: [RawField] = []
    public var headerParameters: [RawField] = []
    public var formParameters: [RawField] = []
    /// Where `formParameters` is written, for problems with the body as a whole.
    public var formLocation: SourceLocation?
    /// The members of a JSON object body.
    public var jsonParameters: [RawField] = []
    public var jsonLocation: SourceLocation?
    public var paging: RawPaging?
}

/// How a list operation pages: the query parameter for the page size, and those that pick a
/// page, which a client following next-page URIs leaves out.
public struct RawPaging {
    public var location: SourceLocation
    public var size: Located<String>?
    public var cursors: [Located<String>] = []
}
