import Foundation
import GenRuntime
import Testing

@Suite struct TwilioSidTests {
    struct ExampleSid: TwilioSid {
        static let prefix = "EX"
        let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
    }

    @Test func decodesAnyStringButValidatesOnRequest() throws {
        let sid = try JSONDecoder().decode([ExampleSid].self, from: Data(#"["not a sid"]"#.utf8))[0]
        #expect(sid.rawValue == "not a sid")
        #expect(!sid.isWellFormed)
        #expect(ExampleSid.isWellFormed("EX0123456789ABCDEF0123456789abcdef"))
        #expect(!ExampleSid.isWellFormed("EX0123456789ABCDEF0123456789abcdeg"))
        #expect(!ExampleSid.isWellFormed("ex0123456789ABCDEF0123456789abcdef"))
    }

    @Test func comparesByItsText() {
        let a: ExampleSid = "EXa"
        let b: ExampleSid = "EXb"
        #expect(a < b)
        #expect(Set([a, b, a]).count == 2)
    }
}
