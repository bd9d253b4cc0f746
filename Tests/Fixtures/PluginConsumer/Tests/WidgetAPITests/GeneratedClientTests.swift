import Foundation
import GenClientRuntime
import Testing
import WidgetAPI

@Suite struct GeneratedClientTests {
    @Test func theGeneratedClientSendsAndDecodes() async throws {
        let transport = RecordingTransport(responses: [
            .json(201, #"{"sid": "WD00000000000000000000000000000001", "name": "gear", "color": "GREEN"}"#)
        ])
        let client = WidgetAPI(accountSid: "AC1", authToken: "token", transport: transport)
        let widget = try await client.widgets.create(
            accountSid: AccountSid("AC0123456789abcdef0123456789abcdef"),
            name: "gear",
            enabled: true
        )
        #expect(widget.sid == WidgetSid("WD00000000000000000000000000000001"))
        #expect(widget.color == .green)
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.example.com/Accounts/AC0123456789abcdef0123456789abcdef/Widgets.json")
        #expect(request.body == Data("Name=gear&Enabled=true".utf8))
    }
}
