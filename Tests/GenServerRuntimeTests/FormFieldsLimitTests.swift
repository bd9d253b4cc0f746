import GenServerRuntime
import Testing

/// A query string or form body of more fields than any operation takes is refused before any
/// field is decoded; one of exactly the limit is read.
@Suite struct FormFieldsLimitTests {
    @Test func fieldsUpToTheLimitAreReadAndMoreAre400() throws {
        let atLimit = Array(repeating: "Tags=a%20b", count: FormFields.limit).joined(separator: "&")
        #expect(try FormFields(encoded: atLimit).all("Tags").count == FormFields.limit)
        #expect(throws: APIError.self) { try FormFields(encoded: atLimit + "&Tags=c") }
        do {
            _ = try FormFields(encoded: atLimit + "&x")
        } catch {
            #expect(error.status == .badRequest)
            #expect(error.message == "The request has more than 1000 fields")
        }
    }
}
