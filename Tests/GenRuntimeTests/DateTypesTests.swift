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

    /// A date is in the years 1 to 9999, so that it can be written back in four digits: on the
    /// first and the last day, in UTC only. The edges themselves read, and write back as they were.
    @Test(arguments: [
        ("9999-12-31T23:59:59-23:59", nil),
        ("0001-01-01T00:00:00+23:59", nil),
        ("9999-12-31T10:00:00-05:00", nil),
        ("0001-01-01T23:59:00+23:59", nil),
        ("9999-12-31T23:59:59.9996Z", "9999-12-31T23:59:59.999Z"),
        ("9999-12-31T23:59:59.999-00:00", "9999-12-31T23:59:59.999Z"),
        ("9999-12-30T23:59:59-23:59", "9999-12-31T23:58:59Z"),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z"),
        ("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00Z"),
        ("0001-01-02T00:00:00+23:59", "0001-01-01T00:01:00Z"),
    ])
    func isoDatesStayInTheYearsTheFormatWrites(_ text: String, _ written: String?) {
        #expect(ISO8601Date.date(from: text).map(ISO8601Date.string(from:)) == written)
    }

    /// Fractions are kept to the millisecond and the digits after are dropped: `.9996` is the
    /// same second's `.999`, never the next second.
    @Test(arguments: [
        ("2024-05-01T12:30:59.9996Z", "2024-05-01T12:30:59.999Z"),
        ("2024-05-01T12:30:59.9994Z", "2024-05-01T12:30:59.999Z"),
        ("2024-05-01T12:30:00.1Z", "2024-05-01T12:30:00.100Z"),
        ("2024-05-01T12:30:00.0005Z", "2024-05-01T12:30:00Z"),
        ("2024-05-01T12:30:00.000999999Z", "2024-05-01T12:30:00Z"),
        ("1969-12-31T23:59:59.250Z", "1969-12-31T23:59:59.250Z"),
        ("1969-12-31T23:59:59.9999Z", "1969-12-31T23:59:59.999Z"),
    ])
    func isoFractionsAreKeptToTheMillisecond(_ text: String, _ written: String) throws {
        let date = try #require(ISO8601Date.date(from: text))
        #expect(ISO8601Date.string(from: date) == written)
        #expect(ISO8601Date.date(from: written) == date)
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
