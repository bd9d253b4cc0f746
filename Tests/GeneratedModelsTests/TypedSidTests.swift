import Foundation
import GenRuntime
import SipDomainModels
import Testing

@Suite struct TypedSidTests {
    @Test func sidsOfDifferentKindsAreDifferentTypes() {
        // `let wrong: SipDomainSid = AccountSid(…)` does not compile. Were the two one type (a
        // typealias of another), these overloads would not compile either; at run time a value
        // of one kind is never taken for the other.
        func kind(_: AccountSid) -> String { "account" }
        func kind(_: SipDomainSid) -> String { "domain" }
        #expect(kind(AccountSid("AC0123456789abcdef0123456789abcdef")) == "account")
        #expect(kind(SipDomainSid("SD0123456789abcdef0123456789abcdef")) == "domain")
        #expect(!(AccountSid("AC0123456789abcdef0123456789abcdef") as Any is SipDomainSid))
        #expect(!(SipDomainSid("SD0123456789abcdef0123456789abcdef") as Any is String))
        #expect(AccountSid.prefix == "AC")
        #expect(SipDomainSid.prefix == "SD")
        #expect(ByocTrunkSid.prefix == "BY")
        #expect(PhoneNumberSid.prefix == "PN")
    }

    @Test func wellFormedSidsAreTheirPrefixAnd32HexDigits() {
        #expect(SipDomainSid("SD" + String(repeating: "a", count: 32)).isWellFormed)
        #expect(SipDomainSid(validating: "SD" + String(repeating: "0F", count: 16)) != nil)
        #expect(SipDomainSid(validating: "AC" + String(repeating: "a", count: 32)) == nil)
        #expect(SipDomainSid(validating: "SDXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX") == nil)
        #expect(SipDomainSid(validating: "SD" + String(repeating: "a", count: 31)) == nil)
    }

    @Test func aSidEncodesAsItsString() throws {
        let sid: AccountSid = "AC0123456789abcdef0123456789abcdef"
        #expect(try JSONEncoder().encode([sid]) == Data(#"["AC0123456789abcdef0123456789abcdef"]"#.utf8))
        #expect(sid.description == sid.rawValue)
    }
}
