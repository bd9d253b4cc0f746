import Foundation
import Hummingbird

/// An error answered as Twilio's error JSON:
/// `{"code": 20404, "message": "…", "more_info": "https://www.twilio.com/docs/errors/20404", "status": 404}`.
///
/// Throw it from a handler to answer with a particular status and code; the generated routing
/// throws it for requests that fail validation or authentication.
public struct APIError: Error, HTTPResponseError, Sendable, Equatable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var code: Int?
    public var message: String
    public var moreInfo: String?
    /// For a 405, the methods the path has, sent as the `Allow` header.
    public var allow: [HTTPRequest.Method]

    /// `moreInfo` defaults to the code's page in Twilio's error dictionary.
    public init(
        status: HTTPResponse.Status,
        code: Int?,
        message: String,
        moreInfo: String? = nil,
        allow: [HTTPRequest.Method] = []
    ) {
        self.status = status
        self.code = code
        self.message = message
        self.moreInfo = moreInfo ?? code.map { "https://www.twilio.com/docs/errors/\($0)" }
        self.allow = allow
    }

    public var description: String {
        "HTTP \(status.code)" + (code.map { ", code \($0)" } ?? "") + ": \(message)"
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if status == .unauthorized {
            headers[.wwwAuthenticate] = "Basic realm=\"Twilio API\""
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

/// The Twilio error codes an API answers with, from its spec's `errors`.
public struct ErrorCodes: Sendable {
    /// For missing or wrong credentials (HTTP 401).
    public var authentication: Int?
    /// For a resource or route that does not exist (HTTP 404).
    public var notFound: Int?
    /// For a parameter that fails validation (HTTP 400), unless the parameter names its own.
    public var invalidParameter: Int?

    public init(authentication: Int? = nil, notFound: Int? = nil, invalidParameter: Int? = nil) {
        self.authentication = authentication
        self.notFound = notFound
        self.invalidParameter = invalidParameter
    }

    public func unauthorized() -> APIError {
        APIError(status: .unauthorized, code: authentication, message: "Authenticate")
    }

    public func notFound(_ path: String) -> APIError {
        APIError(status: .notFound, code: notFound, message: "The requested resource \(path) was not found")
    }
}
