import Foundation
import GenRuntime
import Testing

/// ISO 8601 dates and calendar days, as the newer Twilio APIs send them.
@Suite struct DateTypesTests {
    @Test(arguments: [
        ("2024-05-01T12:30:00Z", 1_714_566_600.0),
        ("2024-05-01T14:30:00+02:00", 1_714_566_600.0),
        ("2024-05-01T07:00:00-05:30", 1_714_566_600.0),
        ("2024-05-01T12:30:00.25Z", 1_714_566_600.25),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2000-02-29T00:00:00z", 951_782_400.0),
    ])
    func isoTextParses(_ text: String, _ seconds: Double) throws {
        let date = try #require(ISO8601Date.date(from: text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0001)
    }

    @Test(arguments: [
        "", "2024-05-01", "2024-05-01T12:30Z", "2024-05-01 12:30:00Z", "2024-02-30T00:00:00Z", "2024-05-01T24:00:00Z",
        "2024-05-01T12:30:00", "2024-05-01T12:30:00+0200", "2024-05-01T12:30:00.Z", "2024-05-01T12:30:00Zjunk",
        "Wed, 01 May 2024 12:30:00 +0000",
    ])
    func otherTextIsNotAnISODate(_ text: String) {
        #expect(ISO8601Date.date(from: text) == nil)
    }

    @Test func isoTextAgreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let date = Date(
                timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...4_000_000_000, using: &generator))
            )
            let text = ISO8601Date.string(from: date)
            #expect(text == formatter.string(from: date))
            #expect(ISO8601Date.date(from: text) == date)
        }
        #expect(ISO8601Date.string(from: Date(timeIntervalSince1970: 0.5)) == "1970-01-01T00:00:00.500Z")
    }

    @Test func calendarDaysAreCheckedAndOrdered() throws {
        #expect(CalendarDate("2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        for text in [
            "2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "24-01-01", "2024-1-01", "2024-01-01x",
            "+024-01-01",
        ] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
        #expect(CalendarDate("2000-02-29")?.description == "2000-02-29")
        #expect(try #require(CalendarDate("2024-01-31")) < #require(CalendarDate("2024-02-01")))
        let decoded = try JSONDecoder().decode([CalendarDate].self, from: Data(#"["0999-12-31"]"#.utf8))
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["0999-12-31"]"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-02-30"]"#.utf8))
        }
    }

    @Test func freeFormJSONKeepsIntegersAndWritesSortedKeys() throws {
        let text = #"{"b": [1, 2.5, "x", null, true, {"z": 9007199254740993}], "a": {}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(
            String(decoding: value.jsonBytes, as: UTF8.self)
                == #"{"a":{},"b":[1,2.5,"x",null,true,{"z":9007199254740993}]}"#
        )
        #expect(try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value)) == value)
    }
}
