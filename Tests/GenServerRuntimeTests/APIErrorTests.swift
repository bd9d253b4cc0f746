import Foundation
import Testing

@testable import GenServerRuntime

/// The error JSON and what an API's ``ErrorCodes`` add to it: the page of a code and the realm
/// of a 401, from the spec, with no default of the runtime's own.
@Suite struct APIErrorTests {
    static let example = ErrorCodes(
        authentication: 90003,
        notFound: 90404,
        invalidParameter: 90400,
        moreInfo: "https://errors.example.com/api",
        realm: "Example API"
    )

    static func json(_ error: APIError) -> String { String(decoding: error.json, as: UTF8.self) }

    @Test func anErrorAloneHasNoPageAndNoRealm() {
        let error = APIError(status: .unauthorized, code: 20003, message: "Authenticate")
        #expect(error.moreInfo == nil)
        #expect(error.realm == nil)
        #expect(Self.json(error) == #"{"code":20003,"message":"Authenticate","more_info":null,"status":401}"#)
    }

    @Test func theCodesOfAnAPIGiveItsPagesAndRealm() {
        let unauthorized = Self.example.unauthorized()
        #expect(unauthorized.realm == "Example API")
        #expect(
            Self.json(unauthorized)
                == #"{"code":90003,"message":"Authenticate","more_info":"https://errors.example.com/api/90003","status":401}"#
        )
        let notFound = Self.example.notFound("/x")
        #expect(notFound.moreInfo == "https://errors.example.com/api/90404")
        #expect(notFound.realm == nil, "a realm is for a 401 only")
    }

    @Test func completingKeepsWhatTheErrorGivesItself() {
        let own = APIError(status: .unauthorized, code: 1, message: "m", moreInfo: "https://mine/1", realm: "Mine")
        #expect(Self.example.completing(own) == own)
        let uncoded = APIError(status: .badRequest, code: nil, message: "m")
        #expect(Self.example.completing(uncoded).moreInfo == nil, "an error without a code has no page")
        let coded = APIError(status: .badRequest, code: 21231, message: "m")
        #expect(Self.example.completing(coded).moreInfo == "https://errors.example.com/api/21231")
    }

    @Test func anAPIWithoutPagesOrRealmAddsNone() {
        let codes = ErrorCodes(authentication: 20003)
        let error = codes.unauthorized()
        #expect(error.moreInfo == nil)
        #expect(error.realm == nil)
        #expect(Self.json(error) == #"{"code":20003,"message":"Authenticate","more_info":null,"status":401}"#)
    }

    @Test func anInvalidParameterGetsTheAPIsCodeAndPage() {
        let request = OperationRequest(path: [:], query: FormFields(), form: FormFields(), codes: Self.example)
        let error = request.invalid("Name is wrong")
        #expect(error.code == 90400)
        #expect(error.moreInfo == "https://errors.example.com/api/90400")
        #expect(
            request.invalid("Name is wrong", errorCode: 21232).moreInfo
                == "https://errors.example.com/api/21232"
        )
    }
}
