import Foundation
import GenRuntime
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
             "in": false, "where": "Wed, 02 Jan 2019 03:04:05 +0000", "return": null,
             "day": "2024-02-29", "accounts": ["AC00000000000000000000000000000000"]}
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
        #expect(value.day == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(value.accounts.map(\.rawValue) == ["AC00000000000000000000000000000000"])

        let again = try JSONDecoder().decode(Class.self, from: JSONEncoder().encode(value))
        #expect(again == value)
    }

    /// Numbers, ISO 8601 dates, days, formatted strings, arrays and free-form JSON decode, and
    /// write back as the same JSON, by `Codable` and by `JSONWriter` alike.
    @Test func theFurtherTypesRoundTrip() throws {
        let json = #"""
            {"class": 1, "in": true, "where": "Wed, 02 Jan 2019 03:04:05 +0000", "day": "2024-02-29",
             "accounts": ["AC00000000000000000000000000000000", "AC11111111111111111111111111111111"],
             "Double": -0.0075, "date": "2024-05-01T12:30:00.25+02:00", "email": "a@example.com",
             "JSONValue": {"a": [1, 2.5, "x", null, true], "b": {"c": {}}}, "tags": ["x", "y"],
             "values": ["class", "with space", "a value the spec does not know"], "scores": [1, 0.5],
             "days": ["2000-01-01"]}
            """#
        let value = try JSONDecoder().decode(Class.self, from: Data(json.utf8))
        #expect(value.double == -0.0075)
        #expect(value.date == Date(timeIntervalSince1970: 1_714_559_400.25))
        #expect(value.email == "a@example.com")
        #expect(
            value.jsonValue
                == .object([
                    "a": .array([.integer(1), .number(2.5), .string("x"), .null, .bool(true)]),
                    "b": .object(["c": .object([:])]),
                ])
        )
        #expect(value.tags == ["x", "y"])
        #expect(value.values == [.class, .withSpace, .unknownValue("a value the spec does not know")])
        #expect(value.scores == [1, 0.5])
        #expect(value.days == [CalendarDate("2000-01-01")!])

        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary
        let viaCodable = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSDictionary
        let viaWriter = try JSONSerialization.jsonObject(with: Data(value.jsonBytes)) as? NSDictionary
        #expect(try JSONDecoder().decode(Class.self, from: JSONEncoder().encode(value)) == value)
        #expect(try JSONDecoder().decode(Class.self, from: Data(value.jsonBytes)) == value)
        // The same members and values, but for the date, which is written in UTC.
        for written in [viaCodable, viaWriter] {
            #expect(written?["date"] as? String == "2024-05-01T10:30:00.250Z")
            let others = ["date", "default", "protocol", "self", "Type", "init", "Any", "1st_value", "content-type"]
            for key in (decoded?.allKeys as? [String] ?? []) where !others.contains(key) {
                #expect(written?[key] as? NSObject == decoded?[key] as? NSObject, "\(key)")
            }
        }
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
