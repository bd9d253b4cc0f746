import AsyncHTTPClient
import ClientBenchSupport
import Foundation
import GenAsyncHTTPClientTransport
import GenClientRuntime
import GenRuntime
import PeerSipDomainClient
import PeerSipDomainModels

/// gen's transport protocol, answering stored bytes: it reads the request as a transport that
/// sends it would (method, URL, each header, the body) and returns the stored response, whose
/// body is already the `Data` gen's client decodes from.
struct CannedTransport: HTTPTransport {
    let response: ClientResponse
    let recorder: RequestRecorder?

    init(status: Int, body: [UInt8], recorder: RequestRecorder?) {
        response = ClientResponse(
            status: status,
            headers: [("Content-Type", "application/json"), ("Content-Length", String(body.count))],
            body: Data(body)
        )
        self.recorder = recorder
    }

    func send(_ request: ClientRequest, timeout: Duration) async throws -> ClientResponse {
        var read = request.method.utf8.count + request.url.utf8.count
        for header in request.headers {
            read &+= header.name.utf8.count &+ header.value.utf8.count
        }
        read &+= request.body?.count ?? 0
        blackHole(read)
        if let recorder {
            recorder.record(
                SentRequest(
                    method: request.method,
                    url: request.url,
                    headers: request.headers.map { "\($0.name.lowercased()): \($0.value)" },
                    body: request.body.map { String(decoding: $0, as: UTF8.self) } ?? ""
                )
            )
        }
        return response
    }
}

/// gen's generated client for the SIP Domain resource, one per operation, each on its transport.
public struct GenSide: ClientSide {
    let lister: SipDomains
    let fetcher: SipDomains
    let creator: SipDomains
    let recorder: RequestRecorder?

    /// - Parameter recording: whether the transports record the requests (for the checks only).
    public init(recording: Bool = false) {
        let recorder = recording ? RequestRecorder() : nil
        func client(status: Int, body: [UInt8]) -> SipDomains {
            PeerSipDomainAPI(
                accountSid: AccountSid(Fixture.accountSid),
                authToken: Fixture.authToken,
                transport: CannedTransport(status: status, body: body, recorder: recorder)
            ).sipDomains
        }
        lister = client(status: 200, body: Fixture.pageJSON)
        fetcher = client(status: 200, body: Fixture.domain)
        creator = client(status: 201, body: Fixture.domain)
        self.recorder = recorder
    }

    /// Over HTTP: gen's AsyncHTTPClient transport on `client`, to the server at `baseURL`.
    public init(baseURL: String, client: HTTPClient) {
        self.init(baseURL: baseURL, transport: AsyncHTTPClientTransport(client: client))
    }

    /// Over HTTP on gen's default transport, `URLSessionTransport`.
    public static func onURLSession(baseURL: String) -> GenSide {
        GenSide(baseURL: baseURL, transport: URLSessionTransport.shared)
    }

    /// Over HTTP through `transport`.
    init(baseURL: String, transport: any HTTPTransport) {
        let api = PeerSipDomainAPI(
            accountSid: AccountSid(Fixture.accountSid),
            authToken: Fixture.authToken,
            configuration: ClientConfiguration(baseURL: baseURL),
            transport: transport
        )
        lister = api.sipDomains
        fetcher = api.sipDomains
        creator = api.sipDomains
        recorder = nil
    }

    public func listPage() async throws -> Int {
        try await lister.page(pageSize: Fixture.domainCount).domains.count
    }

    public func fetch() async throws -> Int {
        try await fetcher.fetch(sid: SipDomainSid(Fixture.fetchedSid)).friendlyName?.utf8.count ?? 0
    }

    public func create() async throws -> Int {
        try await createDomain().friendlyName?.utf8.count ?? 0
    }

    private func createDomain() async throws -> SipDomain {
        try await creator.create(
            domainName: Fixture.Create.domainName,
            friendlyName: Fixture.Create.friendlyName,
            voiceUrl: Fixture.Create.voiceUrl,
            voiceMethod: .post,
            sipRegistration: Fixture.Create.sipRegistration,
            emergencyCallingEnabled: Fixture.Create.emergencyCallingEnabled,
            secure: Fixture.Create.secure
        )
    }

    public func listedRecords() async throws -> [Record] {
        let page = try await lister.page(pageSize: Fixture.domainCount)
        let pageRecord = [
            Fixture.field("start", page.start), Fixture.field("end", page.end), Fixture.field("page", page.page),
            Fixture.field("page_size", page.pageSize), Fixture.field("uri", page.uri),
            Fixture.field("first_page_uri", page.firstPageUri), Fixture.field("next_page_uri", page.nextPageUri),
            Fixture.field("previous_page_uri", page.previousPageUri),
        ]
        return [pageRecord] + page.domains.map(Self.record)
    }

    public func fetchedAndCreated() async throws -> (fetched: Record, created: Record) {
        let fetched = try await fetcher.fetch(sid: SipDomainSid(Fixture.fetchedSid))
        return (Self.record(fetched), Self.record(try await createDomain()))
    }

    public func sentRequests() async throws -> [SentRequest] {
        _ = try await listPage()
        _ = try await fetch()
        _ = try await create()
        return Array((recorder?.requests ?? []).suffix(3))
    }

    static func record(_ domain: SipDomain) -> Record {
        [
            Fixture.field("account_sid", domain.accountSid), Fixture.field("api_version", domain.apiVersion),
            Fixture.field("auth_type", domain.authType),
            Fixture.field("date_created", domain.dateCreated.map(RFC2822Date.string(from:))),
            Fixture.field("date_updated", domain.dateUpdated.map(RFC2822Date.string(from:))),
            Fixture.field("domain_name", domain.domainName), Fixture.field("friendly_name", domain.friendlyName),
            Fixture.field("sip_registration", domain.sipRegistration), Fixture.field("sid", domain.sid),
            Fixture.field("subresource_uris", domain.subresourceUris.map { Fixture.objectText(Array($0)) }),
            Fixture.field("uri", domain.uri), Fixture.field("voice_fallback_method", domain.voiceFallbackMethod),
            Fixture.field("voice_fallback_url", domain.voiceFallbackUrl),
            Fixture.field("voice_method", domain.voiceMethod),
            Fixture.field("voice_status_callback_method", domain.voiceStatusCallbackMethod),
            Fixture.field("voice_status_callback_url", domain.voiceStatusCallbackUrl),
            Fixture.field("voice_url", domain.voiceUrl),
            Fixture.field("emergency_calling_enabled", domain.emergencyCallingEnabled),
            Fixture.field("secure", domain.secure), Fixture.field("byoc_trunk_sid", domain.byocTrunkSid),
            Fixture.field("emergency_caller_sid", domain.emergencyCallerSid),
        ]
    }
}
