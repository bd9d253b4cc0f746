import AsyncHTTPClient
import ClientBenchSupport
import Foundation
import HTTPTypes
import OpenAPIAsyncHTTPClient
import OpenAPIRuntime
import PeerSipDomainOpenAPI

/// swift-openapi-runtime's transport protocol, answering stored bytes: it reads the request as a
/// transport that sends it would (method, path, each header field, every chunk of the body) and
/// returns the stored response with a body over the stored bytes (`ArraySlice<UInt8>`, the
/// runtime's own chunk type, so no bytes are copied).
///
/// A transport that sends, such as swift-openapi-async-http-client's, also joins the base URL
/// and the path into the URL; this one does not, while gen's client hands its transport the
/// whole URL, built by the client.
struct CannedClientTransport: ClientTransport {
    let response: HTTPResponse
    let body: HTTPBody.ByteChunk
    let recorder: RequestRecorder?

    init(status: Int, body: [UInt8], recorder: RequestRecorder?) {
        response = HTTPResponse(
            status: .init(code: status),
            headerFields: [.contentType: "application/json", .contentLength: String(body.count)]
        )
        self.body = body[...]
        self.recorder = recorder
    }

    func send(
        _ request: HTTPRequest,
        body requestBody: HTTPBody?,
        baseURL: URL,
        operationID: String
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var read = request.method.rawValue.utf8.count + (request.path?.utf8.count ?? 0)
        for field in request.headerFields {
            read &+= field.name.rawName.utf8.count &+ field.value.utf8.count
        }
        var bytes: [UInt8] = []
        if let requestBody {
            for try await chunk in requestBody {
                read &+= chunk.count
                if recorder != nil { bytes += chunk }
            }
        }
        blackHole(read)
        if let recorder {
            recorder.record(
                SentRequest(
                    method: request.method.rawValue,
                    url: baseURL.absoluteString + (request.path ?? ""),
                    headers: request.headerFields.map { "\($0.name.canonicalName): \($0.value)" },
                    body: String(decoding: bytes, as: UTF8.self)
                )
            )
        }
        return (response, HTTPBody(body))
    }
}

/// HTTP Basic credentials, as swift-openapi-generator's client needs a middleware for: the
/// header's value is computed once.
struct BasicAuthentication: ClientMiddleware {
    let authorization: String

    init(username: String, password: String) {
        authorization = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
    }

    func intercept(
        _ request: HTTPRequest,
        body: HTTPBody?,
        baseURL: URL,
        operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = authorization
        return try await next(request, body, baseURL)
    }
}

/// swift-openapi-generator's client for Twilio's description, one per operation, each on its
/// transport, with Basic authentication as a middleware.
public struct PeerSide: ClientSide {
    typealias Domain = Components.Schemas.Api_v2010_account_sip_sipDomain

    let lister: Client
    let fetcher: Client
    let creator: Client
    let recorder: RequestRecorder?

    /// - Parameter recording: whether the transports record the requests (for the checks only).
    public init(recording: Bool = false) {
        let recorder = recording ? RequestRecorder() : nil
        func client(status: Int, body: [UInt8]) -> Client {
            Client(
                // The description's only server, https://api.twilio.com.
                serverURL: try! Servers.Server1.url(),
                transport: CannedClientTransport(status: status, body: body, recorder: recorder),
                middlewares: [BasicAuthentication(username: Fixture.accountSid, password: Fixture.authToken)]
            )
        }
        lister = client(status: 200, body: Fixture.pageJSON)
        fetcher = client(status: 200, body: Fixture.domain)
        creator = client(status: 201, body: Fixture.domain)
        self.recorder = recorder
    }

    /// Over HTTP: swift-openapi-async-http-client's transport on `client`, to the server at
    /// `serverURL`.
    public init(serverURL: URL, client: HTTPClient) {
        let api = Client(
            serverURL: serverURL,
            transport: AsyncHTTPClientTransport(configuration: .init(client: client)),
            middlewares: [BasicAuthentication(username: Fixture.accountSid, password: Fixture.authToken)]
        )
        lister = api
        fetcher = api
        creator = api
        recorder = nil
    }

    public func listPage() async throws -> Int {
        try await listed().domains?.count ?? 0
    }

    private func listed() async throws -> Operations.ListSipDomain.Output.Ok.Body.JsonPayload {
        try await lister.listSipDomain(
            path: .init(accountSid: Fixture.accountSid),
            query: .init(pageSize: Int64(Fixture.domainCount))
        ).ok.body.json
    }

    public func fetch() async throws -> Int {
        try await fetched().friendlyName?.utf8.count ?? 0
    }

    private func fetched() async throws -> Domain {
        try await fetcher.fetchSipDomain(path: .init(accountSid: Fixture.accountSid, sid: Fixture.fetchedSid)).ok.body
            .json
    }

    public func create() async throws -> Int {
        try await created().friendlyName?.utf8.count ?? 0
    }

    private func created() async throws -> Domain {
        try await creator.createSipDomain(
            path: .init(accountSid: Fixture.accountSid),
            body: .urlEncodedForm(
                .init(
                    domainName: Fixture.Create.domainName,
                    friendlyName: Fixture.Create.friendlyName,
                    voiceUrl: Fixture.Create.voiceUrl,
                    voiceMethod: .post,
                    sipRegistration: Fixture.Create.sipRegistration,
                    emergencyCallingEnabled: Fixture.Create.emergencyCallingEnabled,
                    secure: Fixture.Create.secure
                )
            )
        ).created.body.json
    }

    public func listedRecords() async throws -> [Record] {
        let page = try await listed()
        let pageRecord = [
            Fixture.field("start", page.start), Fixture.field("end", page.end), Fixture.field("page", page.page),
            Fixture.field("page_size", page.pageSize), Fixture.field("uri", page.uri),
            Fixture.field("first_page_uri", page.firstPageUri), Fixture.field("next_page_uri", page.nextPageUri),
            Fixture.field("previous_page_uri", page.previousPageUri),
        ]
        return [pageRecord] + (page.domains ?? []).map(Self.record)
    }

    public func fetchedAndCreated() async throws -> (fetched: Record, created: Record) {
        (Self.record(try await fetched()), Self.record(try await created()))
    }

    public func sentRequests() async throws -> [SentRequest] {
        _ = try await listPage()
        _ = try await fetch()
        _ = try await create()
        return Array((recorder?.requests ?? []).suffix(3))
    }

    static func record(_ domain: Domain) -> Record {
        let uris = domain.subresourceUris.map { container in
            Fixture.objectText(container.value.map { ($0.key, $0.value.map { "\($0)" } ?? "null") })
        }
        return [
            Fixture.field("account_sid", domain.accountSid), Fixture.field("api_version", domain.apiVersion),
            Fixture.field("auth_type", domain.authType), Fixture.field("date_created", domain.dateCreated),
            Fixture.field("date_updated", domain.dateUpdated), Fixture.field("domain_name", domain.domainName),
            Fixture.field("friendly_name", domain.friendlyName),
            Fixture.field("sip_registration", domain.sipRegistration), Fixture.field("sid", domain.sid),
            Fixture.field("subresource_uris", uris), Fixture.field("uri", domain.uri),
            Fixture.field("voice_fallback_method", domain.voiceFallbackMethod?.rawValue),
            Fixture.field("voice_fallback_url", domain.voiceFallbackUrl),
            Fixture.field("voice_method", domain.voiceMethod?.rawValue),
            Fixture.field("voice_status_callback_method", domain.voiceStatusCallbackMethod?.rawValue),
            Fixture.field("voice_status_callback_url", domain.voiceStatusCallbackUrl),
            Fixture.field("voice_url", domain.voiceUrl),
            Fixture.field("emergency_calling_enabled", domain.emergencyCallingEnabled),
            Fixture.field("secure", domain.secure), Fixture.field("byoc_trunk_sid", domain.byocTrunkSid),
            Fixture.field("emergency_caller_sid", domain.emergencyCallerSid),
        ]
    }
}
