import Foundation
import GenClientRuntime
import Testing

@Suite struct ErrorDecodingTests {
    @Test func twilioErrorJSONDecodesWithDetails() async throws {
        let body = Data(
            #"{"code": 21231, "message": "Domain name is invalid", "more_info": "https://www.twilio.com/docs/errors/21231", "status": 400, "details": {"field": "DomainName", "limits": [1, 2.5, null, true]}}"#
                .utf8
        )
        let transport = RecordingTransport(responses: [ClientResponse(status: 400, body: body)])
        let connection = APIConnection(
            defaultBaseURL: "https://api.example.com",
            credentials: BasicCredentials(username: "u", password: "p"),
            configuration: ClientConfiguration(),
            transport: transport
        )
        do {
            try await connection.send("POST", path: "/x", form: ["A": "b"])
            Issue.record("no error thrown")
        } catch {
            guard case .api(let apiError) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(apiError.status == 400)
            #expect(apiError.code == 21231)
            #expect(apiError.message == "Domain name is invalid")
            #expect(apiError.moreInfo == "https://www.twilio.com/docs/errors/21231")
            #expect(
                apiError.details
                    == .object([
                        "field": .string("DomainName"),
                        "limits": .array([.integer(1), .number(2.5), .null, .bool(true)]),
                    ])
            )
            #expect(
                error.description
                    == "HTTP 400, Twilio error 21231: Domain name is invalid (https://www.twilio.com/docs/errors/21231)"
            )
        }
    }
}
