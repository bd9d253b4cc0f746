import GenRuntime
import Testing

@testable import GenServerRuntime

/// Parameters sent more than once (`Event=a&Event=b`), numbers and days.
@Suite struct ArrayParameterTests {
    struct Sid: TwilioSid {
        static let prefix = "AC"
        let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
    }

    enum Color: String, CaseIterable { case red, green }

    static func request(_ query: String) throws -> OperationRequest {
        OperationRequest(
            path: ["Sid": "x"],
            query: try FormFields(encoded: query),
            form: FormFields(),
            codes: ErrorCodes(invalidParameter: 21_000)
        )
    }

    @Test func everyValueIsReadInOrder() throws {
        let request = try Self.request("Event=a&Other=1&Event=b+c&Event=a")
        #expect(try request.optionalArray("Event", in: .query, of: String.self) == ["a", "b c", "a"])
        #expect(request.query["Event"] == "a", "a parameter of one value keeps the first")
        #expect(try request.optionalArray("Missing", in: .query, of: String.self) == nil)
        #expect(try request.array("Other", in: .query, of: Int.self) == [1])
        #expect(try request.optionalArray("Sid", in: .path, of: String.self) == ["x"])
    }

    @Test func eachValueIsChecked() throws {
        let request = try Self.request(
            "Number=1&Number=x&Color=red&Color=blue&Sid=AC0123456789abcdef0123456789abcdef&Sid=AC1&Day=2024-02-30"
        )
        #expect(throws: APIError.self) { try request.optionalArray("Number", in: .query, of: Int.self) }
        do {
            _ = try request.optionalArray("Color", in: .query, of: Color.self)
            Issue.record("blue is not a color")
        } catch {
            #expect(error.message == "Color 'blue' is not valid: it must be one of red, green")
            #expect(error.code == 21_000)
        }
        #expect(throws: APIError.self) { try request.optionalArray("Sid", in: .query, of: Sid.self) }
        #expect(throws: APIError.self) { try request.optionalCalendarDate("Day", in: .query) }
        #expect(throws: APIError.self) { try request.array("Missing", in: .query, of: Color.self) }
    }

    @Test func numbersDatesAndDaysAreRead() throws {
        let request = try Self.request("Ratio=-0.0075&Big=1e3&Bad=nan&At=2024-05-01T12%3A30%3A00Z&Day=2024-02-29")
        #expect(try request.optionalDouble("Ratio", in: .query) == -0.0075)
        #expect(try request.double("Big", in: .query) == 1000)
        #expect(throws: APIError.self) { try request.optionalDouble("Bad", in: .query) }
        #expect(try request.dateTime("At", in: .query).timeIntervalSince1970 == 1_714_566_600)
        #expect(try request.calendarDate("Day", in: .query) == CalendarDate(year: 2024, month: 2, day: 29))
    }

    /// Decimal numbers only: `Double(_:)` also reads hexadecimal, which a number parameter is not.
    @Test(arguments: ["0x10", "0x1p3", "-0X1", "1e", "e5", ".", "+-1", "1.2.3", " 1", "1 ", "", "--1", "1e+-2"])
    func aNumberThatIsNotDecimalIsRefused(_ text: String) throws {
        #expect(Double(parameter: text) == nil)
    }

    @Test(arguments: [
        ("-0.25", -0.25), ("3e2", 300), (".5", 0.5), ("5.", 5), ("+1", 1), ("1E-2", 0.01), ("1e+21", 1e21), ("0", 0),
    ])
    func aDecimalNumberIsRead(_ text: String, _ value: Double) throws {
        #expect(Double(parameter: text) == value)
    }
}
