import Foundation
import GenRuntime
import Testing

@testable import GenCore

/// The OpenAPI description's patterns for days and ISO 8601 dates accept exactly what the
/// generated server's parsers read, so that a tool generating from them sends nothing refused and
/// nothing accepted that they call invalid.
@Suite struct DatePatternTests {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static let years = [0, 1, 4, 99, 100, 400, 1900, 1999, 2000, 2023, 2024, 2100, 9996, 9999]

    static func padded(_ value: Int, _ width: Int) -> String {
        String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
    }

    @Test func theDayPatternAcceptsTheDaysCalendarDateReads() {
        for year in Self.years {
            for month in 0...13 {
                for day in 0...32 {
                    let text = "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
                    #expect(Self.matches(OpenAPISchemas.dayPattern, text) == (CalendarDate(text) != nil), "\(text)")
                }
            }
        }
        for text in ["2024-5-01", "2024-05-1", "02024-05-01", "2024/05/01", " 2024-05-01", "2024-05-01T00"] {
            #expect(!Self.matches(OpenAPISchemas.dayPattern, text), "\(text)")
            #expect(CalendarDate(text) == nil, "\(text)")
        }
    }

    @Test(arguments: [
        "2024-02-29T12:30:00Z", "2023-02-29T12:30:00Z", "2024-05-01t23:59:60z", "2024-05-01T24:00:00Z",
        "2024-05-01T12:60:00Z", "2024-05-01T12:30:61Z", "2024-05-01T12:30:00.25+02:00", "2024-05-01T12:30:00.Z",
        "2024-05-01T12:30:00-23:59", "2024-05-01T12:30:00+24:00", "2024-05-01T12:30:00+02:60", "2024-05-01T12:30:00",
        "2024-05-01T12:30Z", "2024-05-01 12:30:00Z", "0000-05-01T12:30:00Z", "9999-12-31T23:59:59-23:59",
        "2024-05-01T12:30:00+0200", "2024-05-01T1:30:00Z", "9999-12-31T10:00:00-05:00", "9999-12-31T23:59:59.9996Z",
        "9999-12-31T23:59:59-00:00", "9999-12-30T23:59:59-23:59", "0001-01-01T23:59:00+23:59",
        "0001-01-01T00:00:00+00:00",
        "0001-01-02T00:00:00+23:59", "0001-01-01T00:00:00Z", "9998-12-31T12:00:00+01:00", "0002-01-01T00:00:00+01:00",
    ])
    func theDateTimePatternAcceptsWhatISO8601DateReads(_ text: String) {
        #expect(Self.matches(OpenAPISchemas.iso8601Pattern, text) == (ISO8601Date.date(from: text) != nil))
    }

    /// Around the first and the last day, every time, fraction and offset: the pattern and the
    /// reader agree on each.
    @Test func theDateTimePatternAndTheReaderAgreeAtTheEdgesOfTheRange() {
        let days = ["0001-01-01", "0001-01-02", "1000-01-01", "9999-12-30", "9999-12-31", "9998-12-31", "0002-01-01"]
        let offsets = ["Z", "+00:00", "-00:00", "+00:01", "-00:01", "+23:59", "-23:59", "+12:00", "-12:00"]
        for day in days {
            for time in ["00:00:00", "00:00:59", "12:00:00", "23:59:59"] {
                for fraction in ["", ".9996", ".001"] {
                    for offset in offsets {
                        let text = "\(day)T\(time)\(fraction)\(offset)"
                        #expect(
                            Self.matches(OpenAPISchemas.iso8601Pattern, text) == (ISO8601Date.date(from: text) != nil),
                            "\(text)"
                        )
                    }
                }
            }
        }
    }
}
