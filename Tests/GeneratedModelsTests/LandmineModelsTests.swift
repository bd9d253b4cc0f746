import Foundation
import LandmineModels
import Testing

/// The landmine spec uses Swift keywords and words of the generated code as names; that its
/// output compiles is proven by this target building. These tests check it also works.
@Suite struct LandmineModelsTests {
    @Test func keywordNamedPropertiesRoundTrip() throws {
        let json = #"""
            {"default": "d", "class": 1, "protocol": true, "self": "AC00000000000000000000000000000000",
             "Type": "t", "init": "Tue, 01 Jan 2019 00:00:00 +0000", "Any": "/a", "1st_value": "first",
             "content-type": "text/plain", "dotted.name": "dot", "coding_keys": "with space",
             "container": {"a": "/b"}, "decoder": "XX00000000000000000000000000000000", "encoder": "e",
             "description": "desc", "hash_value": 7, "rawValue": "raw", "_": "underscore",
             "in": false, "where": "Wed, 02 Jan 2019 03:04:05 +0000", "return": null}
            """#
        let value = try JSONDecoder().decode(Class.self, from: Data(json.utf8))
        #expect(value.default == "d")
        #expect(value.class == 1)
        #expect(value.protocol == true)
        #expect(value.self_?.rawValue == "AC00000000000000000000000000000000")
        #expect(value.type == "t")
        #expect(value.any == "/a")
        #expect(value._1stValue == "first")
        #expect(value.contentType == "text/plain")
        #expect(value.dottedName == "dot")
        #expect(value.codingKeys == .withSpace)
        #expect(value.container == ["a": "/b"])
        #expect(value.decoder?.rawValue == "XX00000000000000000000000000000000")
        #expect(value.description == "desc")
        #expect(value.hashValue_ == 7)
        #expect(value.value == "underscore")
        #expect(value.in == false)
        #expect(value.return == nil)

        let again = try JSONDecoder().decode(Class.self, from: JSONEncoder().encode(value))
        #expect(again == value)
    }

    @Test func keywordEnumValuesMapToEscapedCases() {
        #expect(Default(rawValue: "class") == .class)
        #expect(Default(rawValue: "self") == .self_)
        #expect(Default(rawValue: "init") == .init_)
        #expect(Default(rawValue: "unknown") == .unknown)
        #expect(Default(rawValue: "quote\"d") == .quoteD)
        #expect(Default(rawValue: "something else") == .unknownValue("something else"))
        #expect(Default.quoteD.rawValue == "quote\"d")
    }
}

extension LandmineModelsTests {
    @Test func aCaseNamedLikeAnEnumMemberIsRenamed() {
        #expect(Default(rawValue: "rawValue") == .rawValue_)
        #expect(Default.rawValue_.rawValue == "rawValue")
    }
}
