import Foundation
import GenClientRuntime
import Testing

@Suite struct CredentialsTests {
    @Test func basicCredentialsNeverShowThePassword() {
        let credentials = BasicCredentials(username: "ACuser", password: "hunter2-secret")
        var dumped = ""
        dump(credentials, to: &dumped)
        for text in [String(describing: credentials), String(reflecting: credentials), dumped] {
            #expect(!text.contains("hunter2-secret"), "\(text)")
            #expect(text.contains("ACuser"))
        }
    }

    @Test func requestsRedactTheAuthorizationHeader() {
        let request = ClientRequest(
            method: "GET",
            url: "https://api.example.com/x",
            headers: [("Authorization", "Basic c2VjcmV0"), ("Accept", "application/json")]
        )
        var dumped = ""
        dump(request, to: &dumped)
        for text in [String(describing: request), String(reflecting: request), dumped] {
            #expect(!text.contains("c2VjcmV0"), "\(text)")
        }
        #expect(String(reflecting: request).contains("Authorization: <redacted>"))
        #expect(request.header("authorization") == "Basic c2VjcmV0")
    }
}
