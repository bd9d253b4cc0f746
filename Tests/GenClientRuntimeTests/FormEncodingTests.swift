import Foundation
import GenClientRuntime
import GenRuntime
import Testing

@Suite struct FormEncodingTests {
    @Test func formValuesAreEncodedAsHTMLFormsAre() {
        #expect(FormEncoding.encode("Scranton Office") == "Scranton+Office")
        #expect(FormEncoding.encode("a-b_c.d*e~f") == "a-b_c.d*e%7Ef")
        #expect(FormEncoding.encode("https://x.example/p?q=1&r=2") == "https%3A%2F%2Fx.example%2Fp%3Fq%3D1%26r%3D2")
        #expect(FormEncoding.encode("50% +1") == "50%25+%2B1")
        #expect(FormEncoding.encode("Zürich ☎") == "Z%C3%BCrich+%E2%98%8E")
        #expect(FormEncoding.encode("") == "")
    }

    @Test func pathSegmentsCannotAddSegmentsOrAQuery() {
        #expect(FormEncoding.pathSegment("SD0123") == "SD0123")
        #expect(FormEncoding.pathSegment("a/b?c#d e") == "a%2Fb%3Fc%23d%20e")
        #expect(FormEncoding.pathSegment("..") == "%2E%2E")
        #expect(FormEncoding.pathSegment(".") == "%2E")
        #expect(FormEncoding.pathSegment("a..b") == "a..b")
        #expect(FormEncoding.pathSegment(".json") == ".json")
        #expect(FormEncoding.pathSegment("x~y") == "x~y")
    }

    @Test func pathInterpolationEncodesEachValueAsOneSegment() {
        let sid = "SD/evil?x=1"
        let path: URLPath = "/Accounts/\(segment: "AC1")/SIP/Domains/\(segment: sid).json"
        #expect(path.description == "/Accounts/AC1/SIP/Domains/SD%2Fevil%3Fx%3D1.json")
    }

    @Test func parametersKeepTheirOrderAndLeaveOutNil() {
        let missing: String? = nil
        let parameters: FormParameters = ["B": "2", "A": 1, "Skipped": missing, "On": true, "Off": false]
        #expect(parameters.encoded == "B=2&A=1&On=true&Off=false")
        #expect(parameters.pairs.map(\.name) == ["B", "A", "On", "Off"])
        let empty: FormParameters = ["Nothing": missing]
        #expect(empty.isEmpty)
    }

    @Test func arraysAreSentAsRepeatedKeysAndNumbersExactly() {
        let parameters: FormParameters = [
            "Event": ["initiated", "ringing"], "None": [String]?.none, "Empty": [Int](), "Ratio": -0.0075,
            "Whole": 2.0, "Day": CalendarDate(year: 2024, month: 2, day: 29),
        ]
        #expect(parameters.encoded == "Event=initiated&Event=ringing&Ratio=-0.0075&Whole=2&Day=2024-02-29")
    }
}
