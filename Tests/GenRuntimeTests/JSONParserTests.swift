import Foundation
import Testing

@testable import GenRuntime

/// The bounded reader of request JSON: what it reads, what it refuses and where, and that it
/// reads what Foundation reads.
@Suite struct JSONParserTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONParser.parse(
            #" {"a": [1, -2.5, 3e2, true, false, null, "x"], "b": {}, "c": [], "d": 0, "e": -0.0} "#
        )
        #expect(
            value
                == .object([
                    "a": .array([
                        .integer(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null, .string("x"),
                    ]),
                    "b": .object([:]),
                    "c": .array([]),
                    "d": .integer(0),
                    "e": .number(-0.0),
                ])
        )
    }

    @Test func anIntegerTooLargeForIntIsANumberAndOneTooLargeForDoubleIsRefused() throws {
        #expect(try JSONParser.parse("12345678901234567890") == .number(Double("12345678901234567890")!))
        #expect(try JSONParser.parse("-9223372036854775808") == .integer(Int.min))
        #expect(throws: JSONParser.Failure(reason: .syntax(expected: "a number that fits a Double"), offset: 1)) {
            try JSONParser.parse("[1e999]")
        }
    }

    @Test func readsEscapesAndSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try JSONParser.parse(#""\u00e9\u20AC\ud83d\ude00""#) == .string("é€😀"))
        #expect(try JSONParser.parse(#""é😀""#) == .string("é😀"))
    }

    @Test(arguments: [
        ("", "a value", 0),
        ("{", "a member's name in quotes", 1),
        (#"{"a" 1}"#, "':' after a member's name", 5),
        (#"{"a": 1,}"#, "a member's name in quotes", 8),
        ("[1 2]", "',' or ']' in an array", 3),
        ("[1,]", "a value", 3),
        ("01", "the end of the text", 1),
        ("1.", "a digit after '.'", 2),
        ("1e+", "a digit in the exponent", 3),
        ("-", "a digit", 1),
        ("tru", "a value", 0),
        ("nul", "a value", 0),
        ("{} {}", "the end of the text", 3),
        ("\"a\u{1}b\"", "a character, not a control character, in a string", 2),
        (#""\x""#, "one of \" \\ / b f n r t u after '\\'", 2),
        (#""\u12""#, "four hexadecimal digits", 5),
        (#""\ud83d""#, "the low surrogate of a pair", 7),
        (#""\ud83d\u0041""#, "the low surrogate of a pair", 13),
        (#""\ude00""#, "a Unicode scalar, not a lone surrogate", 7),
        (#""abc"#, "'\"' to end the string", 4),
        ("NaN", "a value", 0),
    ])
    func refusesWhatIsNotJSONAtTheByteWhereItStops(text: String, expected: String, offset: Int) {
        #expect(throws: JSONParser.Failure(reason: .syntax(expected: expected), offset: offset)) {
            try JSONParser.parse(text)
        }
    }

    @Test func refusesBytesThatAreNotUTF8() {
        #expect(throws: JSONParser.Failure(reason: .syntax(expected: "UTF-8 text in a string"), offset: 1)) {
            try JSONParser.parse([0x22, 0xFF, 0x22])
        }
        #expect(throws: JSONParser.Failure(reason: .syntax(expected: "UTF-8 text in a string"), offset: 1)) {
            try JSONParser.parse([0x22, 0xC3, 0x5C, 0x6E, 0x22])
        }
    }

    @Test func ofAKeyGivenTwiceTheLastValueCounts() throws {
        #expect(try JSONParser.parse(#"{"a": 1, "a": 2}"#) == .object(["a": .integer(2)]))
    }

    /// Nesting as deep as the limit reads; one level more is refused where that level opens,
    /// before anything inside it is read.
    @Test func nestingIsBoundedByTheLimit() throws {
        let limit = JSONParser.requestDepthLimit
        #expect(limit == 64)
        func nested(_ depth: Int) -> String {
            String(repeating: #"{"a":"#, count: depth - 1) + "[1]" + String(repeating: "}", count: depth - 1)
        }
        var expected = JSONValue.array([.integer(1)])
        for _ in 1..<limit { expected = .object(["a": expected]) }
        #expect(try JSONParser.parse(nested(limit)) == expected)
        #expect(throws: JSONParser.Failure(reason: .tooDeep(maximumDepth: limit), offset: 5 * limit)) {
            try JSONParser.parse(nested(limit + 1))
        }
        // The hostile body of the request-cost issue: 511 levels, refused at the 65th.
        let hostile = #"{"zzz":"# + String(repeating: #"{"a":"#, count: 510) + "1" + String(repeating: "}", count: 511)
        #expect(throws: JSONParser.Failure(reason: .tooDeep(maximumDepth: limit), offset: 7 + 5 * (limit - 1))) {
            try JSONParser.parse(hostile)
        }
        #expect(try JSONParser.parse("[[[1]]]", maximumDepth: 3) == .array([.array([.array([.integer(1)])])]))
        #expect(throws: JSONParser.Failure(reason: .tooDeep(maximumDepth: 2), offset: 2)) {
            try JSONParser.parse("[[[1]]]", maximumDepth: 2)
        }
    }

    @Test func theFailureSaysWhatAndWhere() {
        #expect(
            JSONParser.Failure(reason: .tooDeep(maximumDepth: 64), offset: 320).description
                == "arrays and objects nest deeper than 64 levels at byte 320"
        )
        #expect(
            JSONParser.Failure(reason: .syntax(expected: "a value"), offset: 0).description
                == "expected a value at byte 0"
        )
    }

    /// The same documents read by Foundation's decoder into `JSONValue` and by the parser give
    /// the same value.
    @Test(arguments: [
        #"{"sid": "SD0123", "n": 5, "x": 0.25, "ok": true, "none": null, "list": [1, "a", [2]], "o": {"p": {}}}"#,
        #"[1.25e-2, -7, 1e-3, "\u00fc\n", 123456789012, 0.1]"#,
        #""only a string""#,
        "42",
    ])
    func readsWhatFoundationReads(text: String) throws {
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try JSONParser.parse(text) == foundation)
    }

    /// A number written with an exponent or a fraction is a number, whatever its value; only
    /// digits alone are an integer (Foundation's decoder makes `1.5e3` an integer, 1500).
    @Test func anExponentMakesANumberNotAnInteger() throws {
        #expect(
            try JSONParser.parse("[1.5e3, 1500, 1500.0]") == .array([.number(1500), .integer(1500), .number(1500)])
        )
    }

    /// Decoding through `Decodable` asks for containers first, so a deep value decodes (Foundation
    /// itself stops at 512 levels).
    @Test func aDeepValueDecodesThroughJSONDecoder() throws {
        let depth = 500
        let text = String(repeating: "[", count: depth) + "true" + String(repeating: "]", count: depth)
        var value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        for _ in 0..<depth {
            guard case .array(let elements) = value, elements.count == 1 else {
                Issue.record("expected an array of one element")
                return
            }
            value = elements[0]
        }
        #expect(value == .bool(true))
    }
}
