import Foundation
import GenClientRuntime
import SipDomainClient
import SipDomainModels
import Testing

// The body of this function is the client snippet of README.md, word for word: that it compiles
// here is what proves the README's code works. It is compiled, not run (it would call Twilio).
func readmeClientUsage() async throws {
    // snippet: client-usage
    // Reads TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; or SipDomainAPI(accountSid:authToken:).
    let client = try SipDomainAPI()
    let domain = try await client.sipDomains.create(
        domainName: "dunder-mifflin-scranton.sip.twilio.com",
        friendlyName: "Scranton Office",
        voiceUrl: "https://dundermifflin.example.com/twilio/app.php",
        voiceMethod: .post
    )
    guard let sid = domain.sid else { return }

    // An update sends only the parameters given.
    _ = try await client.sipDomains.update(sid: sid, friendlyName: "Scranton Branch")

    // Every domain, page after page, stopping after 20.
    for try await domain in client.sipDomains.list(limit: 20) {
        print(domain.sid?.rawValue ?? "", domain.domainName ?? "")
    }

    do {
        _ = try await client.sipDomains.fetch(sid: sid)
    } catch {
        // `error` is a ClientError: .api carries Twilio's error JSON.
        if case .api(let twilioError) = error, twilioError.code == 20404 { print("gone:", twilioError.message) }
    }
    try await client.sipDomains.delete(sid: sid)
    // end snippet
}

@Suite struct ReadmeSnippetTests {
    /// The lines after the one containing `start`, up to the first that `isEnd`.
    static func lines(after start: String, in text: String, until isEnd: (String) -> Bool) -> [String] {
        let all = text.components(separatedBy: "\n")
        guard let first = all.firstIndex(where: { $0.contains(start) }),
            let last = all[(first + 1)...].firstIndex(where: isEnd)
        else { return [] }
        return Array(all[(first + 1)..<last])
    }

    @Test func theReadmeShowsTheCompiledSnippet() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let compiled = Self.lines(after: "// snippet: client-usage", in: source) { $0.contains("// end snippet") }
            .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }
        let shown = Self.lines(after: "<!-- snippet: client-usage -->", in: readme) { $0 == "```" }
        #expect(!compiled.isEmpty)
        #expect(shown.first == "```swift")
        #expect(Array(shown.dropFirst()) == compiled, "README.md's client snippet differs from \(#fileID)")
    }
}
