import Foundation

/// One HTTP request as a transport sends it.
///
/// Its descriptions never show the `Authorization` header's value, so a request can be printed,
/// logged or dumped without leaking credentials.
public struct ClientRequest: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public var method: String
    /// The full URL, query included.
    public var url: String
    /// Header names and values, in the order they are sent.
    public var headers: [(name: String, value: String)]
    public var body: Data?

    public init(method: String, url: String, headers: [(name: String, value: String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: ClientRequest, rhs: ClientRequest) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    /// Headers with any credential replaced by `<redacted>`.
    public var redactedHeaders: [(name: String, value: String)] {
        headers.map { header in
            header.name.caseInsensitiveCompare("Authorization") == .orderedSame ? (header.name, "<redacted>") : header
        }
    }

    public var description: String {
        "\(method) \(url)"
    }

    public var debugDescription: String {
        let headers = redactedHeaders.map { "\($0.name): \($0.value)" }.joined(separator: ", ")
        return "ClientRequest(\(method) \(url), headers: [\(headers)], body: \(body?.count ?? 0) bytes)"
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": method, "url": url, "headers": redactedHeaders.map { "\($0.name): \($0.value)" },
                "body": body as Any,
            ]
        )
    }
}

/// One HTTP response as a transport received it.
public struct ClientResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response with `Content-Type: application/json`.
    public static func json(_ status: Int, _ body: String) -> ClientResponse {
        ClientResponse(status: status, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    public static func == (lhs: ClientResponse, rhs: ClientResponse) -> Bool {
        lhs.status == rhs.status && lhs.body == rhs.body && lhs.headers.map(\.name) == rhs.headers.map(\.name)
            && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
