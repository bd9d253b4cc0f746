/// An access token sent as `Authorization: Bearer …`, such as one from an OAuth 2.0 token
/// endpoint. The token never appears in a description, a debug description or a mirror.
public struct BearerToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let token: String

    public init(_ token: String) {
        self.token = token
    }

    var authorizationHeader: String { "Bearer " + token }

    public var description: String { "BearerToken(<redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["token": "<redacted>"]) }
}

/// How a client authenticates: the API's scheme, HTTP Basic or a bearer token.
public enum Credentials: Sendable, CustomStringConvertible {
    case basic(BasicCredentials)
    case bearer(BearerToken)

    var authorizationHeader: String {
        switch self {
        case .basic(let credentials): credentials.authorizationHeader
        case .bearer(let token): token.authorizationHeader
        }
    }

    public var description: String {
        switch self {
        case .basic(let credentials): credentials.description
        case .bearer(let token): token.description
        }
    }
}
