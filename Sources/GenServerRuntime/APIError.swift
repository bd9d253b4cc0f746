import Foundation
import Hummingbird

/// An error answered as Twilio's error JSON:
/// `{"code": 20404, "message": "…", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}`.
///
/// Throw it from a handler to answer with a particular status and code; the generated routing
/// throws it for requests that fail validation or authentication. The generated routing and
/// ``TwilioErrorMiddleware`` complete it with what the API's spec says (``ErrorCodes``): the page
/// that explains its code, and for a 401 the realm.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: Int?
    public var message: String
    /// The page that explains the code, `more_info` in the JSON.
    public var moreInfo: String?
    /// For a 405, the methods the path has, sent as the `Allow` header.
    public var allow: [HTTPRequest.Method]
    /// For a 401, the realm of the `WWW-Authenticate` challenge: `Basic realm="…"`, or `Basic`
    /// alone without one.
    public var realm: String?
    /// For a 401, the scheme of the challenge: `Basic`, or `Bearer` for an API of tokens.
    public var scheme: String

    public init(
        status: HTTPResponse.Status,
        code: Int?,
        message: String,
        moreInfo: String? = nil,
        allow: [HTTPRequest.Method] = [],
        realm: String? = nil,
        scheme: String = "Basic"
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.moreInfo = moreInfo
        self.allow = allow
        self.realm = realm
        self.scheme = scheme
    }

    public var description: String {
        "HTTP \(status.code)" + (code.map { ", code \($0)" } ?? "") + ": \(message)"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .unauthorized {
            headers[.wwwAuthenticate] = realm.map { "\(scheme) realm=\"\($0)\"" } ?? scheme
        }
        if !allow.isEmpty {
            headers[.allow] = allow.map(\.rawValue).joined(separator: ", ")
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }

    /// The error JSON, keys sorted as Twilio sends them.
    public var json: Data {
        struct Body: Encodable {
            var code: Int?
            var message: String
            var moreInfo: String?
            var status: Int

            enum CodingKeys: String, CodingKey {
                case code, message, status
                case moreInfo = "more_info"
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encode(moreInfo, forKey: .moreInfo)
                try container.encode(status, forKey: .status)
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(code: code, message: message, moreInfo: moreInfo, status: status.code)
        return (try? encoder.encode(body)) ?? Data(#"{"message":"error","status":500}"#.utf8)
    }
}

/// How an API answers errors, from its spec: the codes of its `errors`, the pages that explain
/// codes (`errors.moreInfo`) and the realm of its 401s (`auth.realm`).
public struct ErrorCodes: Sendable, Equatable {
    /// For missing or wrong credentials (HTTP 401).
    public var authentication: Int?
    /// For a resource or route that does not exist (HTTP 404).
    public var notFound: Int?
    /// For a parameter that fails validation (HTTP 400), unless the parameter names its own.
    public var invalidParameter: Int?
    /// Where the pages that explain error codes are: an error with a code gets this, a `/` and
    /// its code as its `more_info`, such as `https://www.twilio.com/docs/errors/20404`. Nil
    /// leaves `more_info` null.
    public var moreInfo: String?
    /// The realm a 401's `WWW-Authenticate: Basic realm="…"` names.
    public var realm: String?
    /// The scheme of a 401's challenge: `Basic`, or `Bearer` for an API of tokens.
    public var scheme: String

    public init(
        authentication: Int? = nil,
        notFound: Int? = nil,
        invalidParameter: Int? = nil,
        moreInfo: String? = nil,
        realm: String? = nil,
        scheme: String = "Basic"
    ) {
        self.authentication = authentication
        self.notFound = notFound
        self.invalidParameter = invalidParameter
        self.moreInfo = moreInfo
        self.realm = realm
        self.scheme = scheme
    }

    public func unauthorized() -> APIError {
        completing(APIError(status: .unauthorized, code: authentication, message: "Authenticate", scheme: scheme))
    }

    public func notFound(_ path: String) -> APIError {
        completing(APIError(status: .notFound, code: notFound, message: "The requested resource \(path) was not found"))
    }

    /// `error` with what it leaves out and the API says: the page of its code, and for a 401 the
    /// realm. What `error` gives itself is kept.
    public func completing(_ error: APIError) -> APIError {
        var error = error
        if error.moreInfo == nil, let code = error.code, let moreInfo {
            error.moreInfo = "\(moreInfo)/\(code)"
        }
        if error.status == .unauthorized, error.realm == nil {
            error.realm = realm
        }
        return error
    }
}
