import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Checks each request's Basic credentials against the accounts (Account SID to Auth Token) and
/// runs the operation with the account as ``caller``; without valid credentials it answers 401
/// with Twilio's error JSON, as gen's local server does.
struct BasicAuthMiddleware: ServerMiddleware {
    /// The account of the request being handled.
    @TaskLocal static var caller: String?

    let accounts: [String: String]

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        metadata: ServerRequestMetadata,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        guard let account = account(request.headerFields[.authorization]) else {
            let error = TwilioError(status: 401, code: 20003, message: "Authenticate")
            var response = HTTPResponse(status: .unauthorized)
            response.headerFields = error.payload.headerFields
            response.headerFields[.wwwAuthenticate] = #"Basic realm="Twilio API""#
            return (response, error.payload.body)
        }
        return try await Self.$caller.withValue(account) {
            try await next(request, body, metadata)
        }
    }

    /// The account whose SID and Auth Token a `Basic` header holds.
    private func account(_ header: String?) -> String? {
        guard let header, header.hasPrefix("Basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6))),
            let separator = decoded.firstIndex(of: UInt8(ascii: ":"))
        else { return nil }
        let account = String(decoding: decoded[..<separator], as: UTF8.self)
        let password = decoded[decoded.index(after: separator)...]
        guard let token = accounts[account], token.utf8.count == password.count else { return nil }
        // Compares every byte, whatever differs first.
        return zip(token.utf8, password).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0 ? account : nil
    }
}

/// An error answered as Twilio's error JSON, `{"code": …, "message": …, "more_info": …, "status": …}`,
/// by the runtime's `ErrorHandlingMiddleware`.
struct TwilioError: Error, HTTPResponseConvertible {
    var status: Int
    var code: Int?
    var message: String

    static func invalid(_ message: String, code: Int? = nil) -> TwilioError {
        TwilioError(status: 400, code: code, message: message)
    }

    static func notFound(_ path: String) -> TwilioError {
        TwilioError(status: 404, code: 20404, message: "The requested resource \(path) was not found")
    }

    var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }

    var httpHeaderFields: HTTPFields { payload.headerFields }

    var httpBody: HTTPBody? { payload.body }

    var payload: UndocumentedPayload {
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
        let body = Body(
            code: code,
            message: message,
            moreInfo: code.map { "https://www.twilio.com/docs/errors/\($0)" },
            status: status
        )
        let json = (try? encoder.encode(body)) ?? Data(#"{"message":"error","status":500}"#.utf8)
        return UndocumentedPayload(headerFields: [.contentType: "application/json"], body: HTTPBody(json))
    }
}
