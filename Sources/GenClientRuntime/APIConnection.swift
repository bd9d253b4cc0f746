import Foundation
import GenRuntime
import Logging

/// What every generated client holds: where the API is, who is calling, and how to send.
///
/// It builds each request (URL, `Authorization`, `User-Agent`, form body), sends it through the
/// transport with the configured timeout and retries, and turns the response into the
/// operation's result or a ``ClientError``.
public struct APIConnection: Sendable, CustomStringConvertible {
    /// The base URL as configured, or the API's own.
    public let baseURL: String
    public let credentials: Credentials
    public let configuration: ClientConfiguration
    public let transport: any HTTPTransport
    /// `baseURL` parsed and checked once; an unusable one fails every request before it is sent.
    private let checkedBaseURL: Result<BaseURL, ClientError>

    /// Authenticates with HTTP Basic credentials.
    ///
    /// - Parameters:
    ///   - defaultBaseURL: the API's base URL, used unless the configuration names another.
    ///   - credentials: the user name and password of every request.
    ///   - configuration: where requests go, timeouts, retries, logging.
    ///   - transport: nil for ``URLSessionTransport/shared``.
    public init(
        defaultBaseURL: String,
        credentials: BasicCredentials,
        configuration: ClientConfiguration,
        transport: (any HTTPTransport)?
    ) {
        self.init(
            defaultBaseURL: defaultBaseURL,
            credentials: .basic(credentials),
            configuration: configuration,
            transport: transport
        )
    }

    /// Authenticates with a bearer token.
    public init(
        defaultBaseURL: String,
        token: BearerToken,
        configuration: ClientConfiguration,
        transport: (any HTTPTransport)?
    ) {
        self.init(
            defaultBaseURL: defaultBaseURL,
            credentials: .bearer(token),
            configuration: configuration,
            transport: transport
        )
    }

    public init(
        defaultBaseURL: String,
        credentials: Credentials,
        configuration: ClientConfiguration,
        transport: (any HTTPTransport)?
    ) {
        let baseURL = configuration.baseURL ?? defaultBaseURL
        self.baseURL = baseURL
        checkedBaseURL = Result { () throws(ClientError) in
            try BaseURL(parsing: baseURL, allowsInsecureHTTP: configuration.allowsInsecureHTTP)
        }
        self.credentials = credentials
        self.configuration = configuration
        self.transport = transport ?? URLSessionTransport.shared
    }

    public var description: String { "APIConnection(\(baseURL), \(credentials))" }

    /// Sends a request and decodes a JSON response of type `Response`.
    public func send<Response: Decodable>(
        _ method: String,
        path: URLPath,
        query: FormParameters = FormParameters(),
        headers: FormParameters = FormParameters(),
        form: FormParameters? = nil,
        json: JSONWriter? = nil,
        status: Int? = nil,
        authenticated: Bool = true,
        as type: Response.Type
    ) async throws(ClientError) -> Response {
        let response = try await send(
            method,
            path: path,
            query: query,
            headers: headers,
            form: form,
            json: json,
            status: status,
            authenticated: authenticated
        )
        return try decode(response, as: type)
    }

    private func decode<Response: Decodable>(
        _ response: ClientResponse,
        as type: Response.Type
    ) throws(ClientError) -> Response {
        do {
            return try JSONDecoder().decode(Response.self, from: response.body)
        } catch {
            throw .undecodableResponse(status: response.status, body: response.body, reason: "\(error)")
        }
    }

    /// Sends a request whose success has no body, such as a delete: the response, which a
    /// caller that decodes nothing leaves aside.
    @discardableResult
    public func send(
        _ method: String,
        path: URLPath,
        query: FormParameters = FormParameters(),
        headers: FormParameters = FormParameters(),
        form: FormParameters? = nil,
        json: JSONWriter? = nil,
        status: Int? = nil,
        authenticated: Bool = true
    ) async throws(ClientError) -> ClientResponse {
        let url = try checkedBaseURL.get().url(path: path.description)
        let body = RequestBody(form: form, json: json)
        return try await exchange(
            method,
            url: url,
            query: query,
            headers: headers,
            body: body,
            accepting: status,
            authenticated: authenticated
        )
    }

    /// Fetches `uri`, a URI that a response named, such as a list page's `next_page_uri`: a
    /// path with its query, or an absolute URL of the base URL's origin.
    ///
    /// - Throws: ``ClientError/rejectedURI(_:reason:)``, sending nothing, when `uri` would lead
    ///   anywhere else (another host, scheme or port, a user, control characters).
    public func get<Response: Decodable>(uri: String, as type: Response.Type) async throws(ClientError) -> Response {
        let url = try checkedBaseURL.get().url(following: uri)
        let response = try await exchange(
            "GET",
            url: url,
            query: FormParameters(),
            headers: FormParameters(),
            body: nil
        )
        return try decode(response, as: type)
    }

    /// Sends a request, retrying as configured, and returns a successful response: any 2xx, or
    /// the status the operation answers with when it is not one, such as a 307 whose body says
    /// where the content is (redirects are not followed).
    func exchange(
        _ method: String,
        url: String,
        query: FormParameters,
        headers extra: FormParameters,
        body: RequestBody?,
        accepting expected: Int? = nil,
        authenticated: Bool = true
    ) async throws(ClientError) -> ClientResponse {
        var url = url
        if !query.isEmpty {
            url += (url.contains("?") ? "&" : "?") + query.encoded
        }
        // The credentials go to the configured origin only, whatever built the URL.
        let base = try checkedBaseURL.get()
        guard base.isSameOrigin(url), url.hasPrefix(base.origin) else {
            throw .rejectedURI(url, reason: "it is not on \(base.origin)")
        }
        // Logged without the origin: the path and query say which request it was.
        let path = url.dropFirst(base.origin.count)
        // An operation that takes no credentials (a token endpoint) is sent none.
        var headers: [(name: String, value: String)] =
            authenticated ? [("Authorization", credentials.authorizationHeader)] : []
        headers += [("User-Agent", configuration.userAgent), ("Accept", "application/json")]
        // The operation's header parameters; lowering keeps them off the headers set here.
        for pair in extra.pairs {
            guard !pair.value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
                throw .invalidHeaderValue(name: pair.name)
            }
            headers.append((pair.name, pair.value))
        }
        if let body { headers.append(("Content-Type", body.contentType)) }
        let request = ClientRequest(method: method, url: url, headers: headers, body: body?.bytes)

        var retry = 0
        while true {
            let started = ContinuousClock.now
            let response: ClientResponse
            do {
                response = try await transport.send(request, timeout: configuration.timeout)
            } catch {
                configuration.logger?.debug("\(method) \(path) failed: \(error)")
                throw .transport(error)
            }
            let elapsed = ContinuousClock.now - started
            configuration.logger?.debug("\(method) \(path) → \(response.status) in \(elapsed)")

            if (200..<300).contains(response.status) || response.status == expected { return response }
            if RetryPolicy.isRetryable(status: response.status, method: method), retry < configuration.retry.maxRetries
            {
                let retryAfter = response.header("Retry-After").flatMap { RetryPolicy.retryAfter($0, now: Date()) }
                let delay = configuration.retry.delay(beforeRetry: retry, retryAfter: retryAfter)
                retry += 1
                do {
                    try await configuration.sleep(delay)
                } catch {
                    throw .transport(error)
                }
                continue
            }
            if let error = TwilioAPIError.decode(response.body, status: response.status) {
                throw .api(error)
            }
            throw .undecodableResponse(
                status: response.status,
                body: response.body,
                reason: "HTTP \(response.status) without an error JSON"
            )
        }
    }

}

/// A request's body: a form, or a JSON object.
struct RequestBody {
    let contentType: String
    let bytes: Data

    /// The body of whichever is given; nil for neither.
    init?(form: FormParameters?, json: JSONWriter?) {
        if let json {
            contentType = "application/json"
            bytes = Data(json.bytes)
        } else if let form {
            contentType = "application/x-www-form-urlencoded"
            bytes = Data(form.encoded.utf8)
        } else {
            return nil
        }
    }
}
