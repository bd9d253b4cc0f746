import Foundation
import Testing

@testable import GenServerRuntime

/// Patterns match whole values, alternations included, as gen checks a spec's defaults.
@Suite struct PatternTests {
    @Test(arguments: [
        ("ab", "a|ab", true), ("a", "a|ab", true), ("abc", "a|ab", false), ("abc1", "[a-z]+", false),
        ("abc", "[a-z]+", true), ("x.sip.twilio.com", #"^[a-z.]+\.sip\.twilio\.com$"#, true),
        ("x.sip.twilio.com\n", #"^[a-z.]+\.sip\.twilio\.com$"#, false), ("", "[a-z]*", true), ("a", "(", false),
    ])
    func aPatternMatchesTheWholeValue(_ text: String, _ pattern: String, _ matches: Bool) {
        #expect(PatternCache.matches(text, pattern) == matches)
    }
}
