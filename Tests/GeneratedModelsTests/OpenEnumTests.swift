import Foundation
import GenRuntime
import SipDomainModels
import Testing

@Suite struct OpenEnumTests {
    @Test func knownValuesDecodeToTheirCases() throws {
        let methods = try JSONDecoder().decode(
            [HttpMethod].self,
            from: Data(#"["HEAD","GET","POST","PATCH","PUT","DELETE"]"#.utf8)
        )
        #expect(methods == [.head, .get, .post, .patch, .put, .delete])
        #expect(HttpMethod.allCases == methods)
    }

    @Test func anUnknownValueDecodesAndRoundTrips() throws {
        let data = Data(#"["OPTIONS"]"#.utf8)
        let methods = try JSONDecoder().decode([HttpMethod].self, from: data)
        #expect(methods == [.unknown("OPTIONS")])
        #expect(try JSONEncoder().encode(methods) == data)
        #expect(methods[0].rawValue == "OPTIONS")
    }

    @Test func aDomainWithAnUnknownMethodStillDecodes() throws {
        let domain = try JSONDecoder().decode(SipDomain.self, from: Data(#"{"voice_method": "TRACE"}"#.utf8))
        #expect(domain.voiceMethod == .unknown("TRACE"))
    }
}
