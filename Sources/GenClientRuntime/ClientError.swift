import Foundation
import GenRuntime

/// Why a generated client's call failed.
///
/// No case's description contains credentials: requests are never part of an error.
public enum ClientError: Error, Sendable, CustomStringConvertible {
    /// The API answered with an error it described in Twilio's error JSON.
    case api(TwilioAPIError)
    /// No response: the connection failed or timed out.
    case transport(any Error)
    /// The API answered, but the body is not what the operation returns, nor an error JSON.
    case undecodableResponse(status: Int, body: Data, reason: String)
    /// Credentials were neither given in code nor found in the environment.
    case missingCredentials(environmentVariable: String)
    /// The configured base URL is not one requests can go to; nothing was sent.
    case invalidBaseURL(String, reason: String)
    /// A URI that a response named (a list page's `next_page_uri`) is not a path of the base
    /// URL's origin, so it was not followed and nothing was sent.
    case rejectedURI(String, reason: String)
    /// A list's pages lead nowhere: a next-page URI seen before, or page after page with no
    /// item. The items before it were produced; the URI is the one not fetched.
    case endlessPaging(String, reason: String)
    /// A header parameter's value holds a line break or another control character, which would
    /// end the header; nothing was sent. The value is not repeated here: it may be a secret.
    case invalidHeaderValue(name: String)

    public var description: String {
        switch self {
        case .api(let error):
            return error.description
        case .transport(let error):
            return "the request failed before a response: \(error)"
        case .undecodableResponse(let status, let body, let reason):
            let text = String(decoding: body.prefix(512), as: UTF8.self)
            return "HTTP \(status) with a body that does not decode (\(reason)): \(text)"
        case .missingCredentials(let variable):
            return "no credentials: pass them in code or set \(variable)"
        case .invalidBaseURL(let url, let reason):
            return "the base URL \(url.debugDescription) cannot be used: \(reason)"
        case .rejectedURI(let uri, let reason):
            return "the URI \(uri.debugDescription) was not followed, and nothing was sent: \(reason)"
        case .endlessPaging(let uri, let reason):
            return "paging stopped before \(uri.debugDescription): \(reason)"
        case .invalidHeaderValue(let name):
            return "the value of the header \(name) holds a control character, so nothing was sent"
        }
    }

    /// The HTTP status, when the API answered.
    public var status: Int? {
        switch self {
        case .api(let error): error.status
        case .undecodableResponse(let status, _, _): status
        case .transport, .missingCredentials, .invalidBaseURL, .rejectedURI, .endlessPaging, .invalidHeaderValue: nil
        }
    }
}

/// Twilio's error JSON: `{"code": 20404, "message": "…", "more_info": "…", "status": 404}`.
public struct TwilioAPIError: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// The HTTP status of the response.
    public var status: Int
    /// Twilio's error code, such as 20404; see `moreInfo`.
    public var code: Int?
    public var message: String
    /// A link to the error's documentation.
    public var moreInfo: String?
    public var details: JSONValue?

    public init(status: Int, code: Int?, message: String, moreInfo: String? = nil, details: JSONValue? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.moreInfo = moreInfo
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case status, code, message, details
        case moreInfo = "more_info"
    }

    /// Decodes `body` as Twilio's error JSON, using `status` when the body has none.
    static func decode(_ body: Data, status: Int) -> TwilioAPIError? {
        struct Wire: Decodable {
            var status: Int?
            var code: Int?
            var message: String?
            var moreInfo: String?
            var details: JSONValue?

            enum CodingKeys: String, CodingKey {
                case status, code, message, details
                case moreInfo = "more_info"
            }
        }
        guard let wire = try? JSONDecoder().decode(Wire.self, from: body), wire.code != nil || wire.message != nil
        else { return nil }
        return TwilioAPIError(
            status: wire.status ?? status,
            code: wire.code,
            message: wire.message ?? "",
            moreInfo: wire.moreInfo,
            details: wire.details
        )
    }

    public var description: String {
        var text = "HTTP \(status)"
        if let code { text += ", Twilio error \(code)" }
        text += ": \(message)"
        if let moreInfo { text += " (\(moreInfo))" }
        return text
    }
}
