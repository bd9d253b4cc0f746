import Testing

@testable import GenCore

/// The printer that lays out the OpenAPI description: valid JSON for any text, members in the
/// order they were added, the same bytes every time.
@Suite struct JSONPrinterTests {
    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() {
        #expect(JSONPrinter.quoted(#"say "hi""#) == #""say \"hi\"""#)
        #expect(JSONPrinter.quoted(#"^SD\.[0-9]$"#) == #""^SD\\.[0-9]$""#)
        #expect(JSONPrinter.quoted("a\nb\tc\r\u{08}\u{0C}") == #""a\nb\tc\r\b\f""#)
        #expect(JSONPrinter.quoted("\u{00}\u{1F}\u{7F}") == #""\u0000\u001f\u007f""#)
        #expect(JSONPrinter.quoted("line\u{2028}break") == #""line\u2028break""#)
    }

    @Test func nonASCIIStaysAsUTF8() {
        #expect(JSONPrinter.quoted("café ☎️ 日本 /path") == "\"café ☎️ 日本 /path\"")
    }

    @Test func membersKeepTheirOrderAndReplacingKeepsThePlace() {
        var object = JSONObject([("zeta", 1), ("alpha", 2)])
        object["middle"] = "m"
        object["zeta"] = 3
        object["alpha"] = nil
        #expect(object.keys == ["zeta", "middle"])
        #expect(
            JSONPrinter.print(.object(object)) == """
                {
                  "zeta": 3,
                  "middle": "m"
                }

                """
        )
    }

    @Test func nestedValuesAreIndentedByTwoAndPlainArraysStayOnOneLine() {
        let value: JSONValue = [
            "type": ["string", "null"],
            "empty": [:],
            "none": [],
            "items": [["a": true], .null],
            "count": -7,
        ]
        #expect(
            JSONPrinter.print(value) == """
                {
                  "type": ["string", "null"],
                  "empty": {},
                  "none": [],
                  "items": [
                    {
                      "a": true
                    },
                    null
                  ],
                  "count": -7
                }

                """
        )
    }
}
