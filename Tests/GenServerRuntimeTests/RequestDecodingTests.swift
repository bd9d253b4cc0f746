import Foundation
import Testing

@testable import GenServerRuntime

@Suite struct RequestDecodingTests {
    @Test func basicCredentialsDecode() {
        let header = "Basic " + Data("AC123:s3cr:et ü".utf8).base64EncodedString()
        let credentials = BasicAuthorization(header: header)
        #expect(credentials == BasicAuthorization(username: "AC123", password: "s3cr:et ü"))
        #expect(BasicAuthorization(header: "basic  \(Data("a:b".utf8).base64EncodedString())  ")?.username == "a")
    }

    @Test(arguments: [
        nil, "", "Basic", "Basic ", "Bearer YTpi", "Basic YTpi=", "Basic YTpi===", "Basic ====", "Basic YT=i",
        "Basic YW=iYw==", "Basic YW*i", "Basic YWJj",  // decodes to "abc": no colon
        "Basic " + Data([0x61, 0x3A, 0xFF]).base64EncodedString(),  // not UTF-8
        // Empty credentials are no credentials: ":", "user:" and ":password".
        "Basic Og==", "Basic " + Data("AC123:".utf8).base64EncodedString(),
        "Basic " + Data(":token".utf8).base64EncodedString(),
    ])
    func malformedCredentialsAreRejected(header: String?) {
        #expect(BasicAuthorization(header: header) == nil)
    }

    @Test func base64AgreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<64 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Data(bytes).base64EncodedString()
            #expect(Base64.decode(Substring(encoded).utf8) == bytes, "\(encoded)")
        }
    }

    @Test(arguments: [
        ("plain", "plain"), ("a+b", "a b"), ("a%2Bb", "a+b"), ("%C3%BC%20x", "ü x"), ("%e2%82%ac", "€"), ("", ""),
        ("100%25", "100%"),
    ])
    func formValuesDecode(encoded: String, decoded: String) throws {
        #expect(PercentDecoding.decode(Substring(encoded), plusIsSpace: true) == decoded)
        let fields = try FormFields(encoded: "Name=\(encoded)&Name=second")
        #expect(fields["Name"] == decoded)
    }

    @Test func pathValuesKeepPlus() {
        #expect(PercentDecoding.decode("a+b%2B", plusIsSpace: false) == "a+b+")
    }

    @Test(arguments: ["%", "%2", "%G1", "a%2", "%FF", "%C3"])
    func malformedEscapesAreRejected(encoded: String) {
        #expect(PercentDecoding.decode(Substring(encoded), plusIsSpace: true) == nil)
        #expect(throws: APIError.self) { try FormFields(encoded: "Name=\(encoded)") }
    }

    /// A route reads only its declared body, and only under its media type: any case, any
    /// parameters, and for JSON any media type of JSON's syntax.
    @Test func aBodyIsAcceptedOnlyUnderItsMediaType() {
        let json = OperationRequest.Body.json
        let form = OperationRequest.Body.form
        for accepted in ["application/json", "Application/JSON; charset=utf-8", " application/scim+json ;x=y"] {
            #expect(json.accepts(accepted), "\(accepted)")
            #expect(!form.accepts(accepted), "\(accepted)")
        }
        for accepted in ["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8"] {
            #expect(form.accepts(accepted), "\(accepted)")
            #expect(!json.accepts(accepted), "\(accepted)")
        }
        for refused in ["text/plain", "multipart/form-data; boundary=x", "text/json", "application/jsonx", ""] {
            #expect(!json.accepts(refused) && !form.accepts(refused), "\(refused)")
        }
        #expect(!OperationRequest.Body.none.accepts("application/json"))
    }
}
