import Foundation
import GenRuntime
import Testing

@testable import GenServerRuntime

/// Every reader of ``OperationRequest``: what it returns for good values, and the 400 it throws,
/// with its message and error code, for a missing, empty or bad value or a broken constraint.
@Suite struct OperationRequestTests {
    struct DomainSid: TwilioSid {
        static let prefix = "SD"
        let rawValue: String
        init(_ rawValue: String) { self.rawValue = rawValue }
    }

    enum Method: String, CaseIterable {
        case get = "GET"
        case post = "POST"
    }

    static let sid = "SD0123456789abcdef0123456789abcdef"
    /// The API's code for invalid parameters.
    static let codes = ErrorCodes(invalidParameter: 21200, moreInfo: "https://errors.example.com")

    /// A request whose `Name`… parameters are sent in the query string and the body as encoded.
    static func request(
        path: [String: String] = [:],
        query: String = "",
        form: String = "",
        codes: ErrorCodes = codes
    ) throws -> OperationRequest {
        OperationRequest(
            path: path,
            query: try FormFields(encoded: query),
            form: try FormFields(encoded: form),
            codes: codes
        )
    }

    /// The error a reader throws, or nil when it returns.
    static func failure<Value>(_ read: () throws(APIError) -> Value) -> APIError? {
        do {
            _ = try read()
            return nil
        } catch {
            return error
        }
    }

    /// Expects a 400 with `message` and `code`, and the page of the code.
    static func expectInvalid<Value>(
        _ message: String,
        code: Int? = 21200,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ read: () throws(APIError) -> Value
    ) {
        guard let error = failure(read) else {
            Issue.record("no error; expected \(message)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.status == .badRequest, sourceLocation: sourceLocation)
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.moreInfo == code.map { "https://errors.example.com/\($0)" }, sourceLocation: sourceLocation)
    }

    // MARK: Where a parameter is read

    @Test func eachLocationIsReadOnItsOwn() throws {
        let request = try Self.request(path: ["Name": "p"], query: "Name=q", form: "Name=f")
        #expect(request.text("Name", in: .path) == "p")
        #expect(request.text("Name", in: .query) == "q")
        #expect(request.text("Name", in: .form) == "f")
        #expect(try request.string("Name", in: .path) == "p")
        #expect(try request.string("Name", in: .query) == "q")
        #expect(try request.string("Name", in: .form) == "f")
        let formOnly = try Self.request(form: "Name=f")
        #expect(formOnly.text("Name", in: .query) == nil)
        #expect(try formOnly.optionalString("Name", in: .query) == nil)
    }

    @Test(arguments: [
        (OperationRequest.Location.path, "Required parameter Name is missing from the path"),
        (.query, "Required parameter Name is missing from the query string"),
        (.form, "Required parameter Name is missing from the request body"),
    ])
    func aMissingParameterNamesWhereItBelongs(location: OperationRequest.Location, message: String) throws {
        let request = try Self.request()
        Self.expectInvalid(message) { () throws(APIError) in try request.string("Name", in: location) }
        Self.expectInvalid(message) { () throws(APIError) in try request.int("Name", in: location) }
        Self.expectInvalid(message) { () throws(APIError) in try request.bool("Name", in: location) }
        Self.expectInvalid(message) { () throws(APIError) in try request.sid("Name", in: location, as: DomainSid.self) }
        Self.expectInvalid(message) { () throws(APIError) in
            try request.requiredEnum("Name", in: location, as: Method.self)
        }
        Self.expectInvalid(message) { () throws(APIError) in try request.date("Name", in: location) }
    }

    @Test func aMissingOptionalParameterIsNil() throws {
        let request = try Self.request()
        #expect(try request.optionalString("Name", in: .form, minLength: 1, pattern: "[a-z]+") == nil)
        #expect(try request.optionalInt("Name", in: .query, minimum: 1) == nil)
        #expect(try request.optionalBool("Name", in: .form) == nil)
        #expect(try request.optionalSid("Name", in: .path, as: DomainSid.self) == nil)
        #expect(try request.optionalEnum("Name", in: .form, as: Method.self) == nil)
        #expect(try request.optionalDate("Name", in: .query) == nil)
    }

    // MARK: Error codes

    @Test func aParameterWithItsOwnCodeGetsIt() throws {
        let request = try Self.request(form: "Name=")
        Self.expectInvalid("Name must be at least 1 characters long", code: 21232) { () throws(APIError) in
            try request.string("Name", in: .form, minLength: 1, errorCode: 21232)
        }
        Self.expectInvalid("Required parameter Other is missing from the request body", code: 21232) {
            () throws(APIError) in try request.string("Other", in: .form, errorCode: 21232)
        }
    }

    @Test func anAPIWithoutACodeForInvalidParametersAnswersCodeNull() throws {
        let request = try Self.request(form: "Count=x", codes: ErrorCodes(moreInfo: "https://errors.example.com"))
        Self.expectInvalid("Count must be a whole number, not 'x'", code: nil) { () throws(APIError) in
            try request.int("Count", in: .form)
        }
    }

    // MARK: Strings

    @Test func stringsAreReadAsSent() throws {
        let request = try Self.request(form: "Name=a+b%2Fc&Empty=")
        #expect(try request.string("Name", in: .form) == "a b/c")
        #expect(try request.string("Empty", in: .form) == "", "empty is a value")
        #expect(try request.optionalString("Empty", in: .form) == "")
        #expect(try request.string("Name", in: .form, minLength: 5, maxLength: 5, pattern: "[a-z /]+") == "a b/c")
    }

    @Test func stringConstraintsAreChecked() throws {
        let request = try Self.request(query: "Name=abc1&Empty=&Long=%C3%BC%C3%BC%C3%BC")
        Self.expectInvalid("Empty must be at least 1 characters long") { () throws(APIError) in
            try request.string("Empty", in: .query, minLength: 1)
        }
        Self.expectInvalid("Name must be at least 5 characters long") { () throws(APIError) in
            try request.optionalString("Name", in: .query, minLength: 5)
        }
        Self.expectInvalid("Name must be at most 3 characters long") { () throws(APIError) in
            try request.string("Name", in: .query, maxLength: 3)
        }
        #expect(try request.string("Long", in: .query, maxLength: 3) == "üüü", "code points, not bytes")
        // As JSON Schema counts: u and a combining diaeresis are two, though one character.
        let combining = try Self.request(query: "Name=u%CC%88u%CC%88")
        Self.expectInvalid("Name must be at most 3 characters long") { () throws(APIError) in
            try combining.string("Name", in: .query, maxLength: 3)
        }
        #expect(try combining.string("Name", in: .query, minLength: 4) == "u\u{308}u\u{308}")
        Self.expectInvalid("Name 'abc1' is not valid: it must match [a-z]+") { () throws(APIError) in
            try request.string("Name", in: .query, pattern: "[a-z]+")
        }
        Self.expectInvalid("Empty '' is not valid: it must match [a-z]+") { () throws(APIError) in
            try request.string("Empty", in: .query, pattern: "[a-z]+")
        }
    }

    // MARK: Integers

    @Test func integersAreWholeNumbers() throws {
        let request = try Self.request(query: "A=42&B=-7&C=%2B5&D=0")
        #expect(try request.int("A", in: .query) == 42)
        #expect(try request.int("B", in: .query) == -7)
        #expect(try request.optionalInt("C", in: .query) == 5)
        #expect(try request.int("D", in: .query, minimum: 0, maximum: 0) == 0)
    }

    @Test(arguments: ["", "4.2", "abc", "1e3", " 1", "9223372036854775808", "0x10"])
    func aBadIntegerIsRefused(text: String) throws {
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        let request = try Self.request(form: "Count=\(encoded)")
        Self.expectInvalid("Count must be a whole number, not '\(text)'") { () throws(APIError) in
            try request.int("Count", in: .form)
        }
    }

    @Test func integerBoundsAreChecked() throws {
        let request = try Self.request(query: "Low=0&High=1001")
        Self.expectInvalid("Low must be from 1 to 1000, not 0") { () throws(APIError) in
            try request.int("Low", in: .query, minimum: 1, maximum: 1000)
        }
        Self.expectInvalid("High must be from 1 to 1000, not 1001") { () throws(APIError) in
            try request.optionalInt("High", in: .query, minimum: 1, maximum: 1000)
        }
        Self.expectInvalid("Low must be at least 1, not 0") { () throws(APIError) in
            try request.int("Low", in: .query, minimum: 1)
        }
        Self.expectInvalid("High must be at most 1000, not 1001") { () throws(APIError) in
            try request.int("High", in: .query, maximum: 1000)
        }
        #expect(try request.int("High", in: .query, minimum: 1001) == 1001)
    }

    // MARK: Booleans

    @Test(arguments: [("true", true), ("false", false), ("TRUE", true), ("False", false)])
    func booleansAreTrueOrFalseInAnyCase(text: String, value: Bool) throws {
        let request = try Self.request(form: "Flag=\(text)")
        #expect(try request.bool("Flag", in: .form) == value)
        #expect(try request.optionalBool("Flag", in: .form) == value)
    }

    @Test(arguments: ["", "yes", "1", "t", "true "])
    func aBadBooleanIsRefused(text: String) throws {
        let request = try Self.request(query: "Flag=\(text.replacingOccurrences(of: " ", with: "+"))")
        Self.expectInvalid("Flag must be true or false, not '\(text)'") { () throws(APIError) in
            try request.bool("Flag", in: .query)
        }
    }

    // MARK: SIDs

    @Test func aSidIsItsPrefixAnd32HexadecimalDigits() throws {
        let request = try Self.request(path: ["Sid": Self.sid, "Upper": "SD0123456789ABCDEF0123456789ABCDEF"])
        #expect(try request.sid("Sid", in: .path, as: DomainSid.self) == DomainSid(Self.sid))
        #expect(try request.optionalSid("Upper", in: .path, as: DomainSid.self)?.rawValue.hasSuffix("ABCDEF") == true)
    }

    @Test(arguments: [
        "", "AC0123456789abcdef0123456789abcdef", "SD0123456789abcdef0123456789abcde",
        "SD0123456789abcdef0123456789abcdef0", "SD0123456789abcdef0123456789abcdeg",
        "sd0123456789abcdef0123456789abcdef",
    ])
    func aBadSidIsRefused(text: String) throws {
        let request = try Self.request(path: ["Sid": text])
        Self.expectInvalid("Sid '\(text)' is not valid: it must be SD followed by 32 hexadecimal digits") {
            () throws(APIError) in try request.sid("Sid", in: .path, as: DomainSid.self)
        }
    }

    // MARK: Enums

    @Test func anEnumIsOneOfItsValues() throws {
        let request = try Self.request(form: "Method=POST")
        #expect(try request.requiredEnum("Method", in: .form, as: Method.self) == .post)
        #expect(try request.optionalEnum("Method", in: .form, as: Method.self) == .post)
    }

    @Test(arguments: ["", "post", "PUT", "POST "])
    func aValueOutsideTheEnumIsRefused(text: String) throws {
        let request = try Self.request(form: "Method=\(text.replacingOccurrences(of: " ", with: "+"))")
        Self.expectInvalid("Method '\(text)' is not one of GET, POST") { () throws(APIError) in
            try request.requiredEnum("Method", in: .form, as: Method.self)
        }
    }

    // MARK: Dates

    @Test func aDateIsRFC2822() throws {
        let request = try Self.request(query: "Date=Tue%2C+01+Jan+2019+00%3A00%3A00+%2B0000")
        #expect(try request.date("Date", in: .query) == Date(timeIntervalSince1970: 1_546_300_800))
        #expect(try request.optionalDate("Date", in: .query) == Date(timeIntervalSince1970: 1_546_300_800))
    }

    @Test(arguments: ["", "2019-01-01T00:00:00Z", "yesterday", "Tue, 01 Jan 2019"])
    func aBadDateIsRefused(text: String) throws {
        let encoded = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
        let request = try Self.request(form: "Date=\(encoded)")
        Self.expectInvalid("Date '\(text)' is not an RFC 2822 date") { () throws(APIError) in
            try request.date("Date", in: .form)
        }
    }
}
