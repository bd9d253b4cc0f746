import Foundation
import GenRuntime
import Testing

private struct Item: JSONWritable {
    var name: String?
    var count: Int?

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("name", name)
        writer.field("count", count)
        writer.endObject()
    }
}

private struct Envelope: JSONWritable {
    var items: [Item]
    var first: Item?
    var flags: [String: String]?
    var date: Date?
    var done: Bool?

    func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("items", items)
        writer.field("first", first)
        writer.field("flags", flags)
        writer.field("date", rfc2822: date)
        writer.field("done", done)
        writer.endObject()
    }
}

@Suite struct JSONWriterTests {
    @Test func writesMembersInOrderWithCommasBetween() {
        let envelope = Envelope(
            items: [Item(name: "a", count: 0), Item(name: nil, count: -42), Item(name: "c", count: 1_000_000)],
            first: Item(name: "x", count: Int.min),
            flags: ["b": "2", "a": "1"],
            date: Date(timeIntervalSince1970: 1_437_413_230),
            done: true
        )
        #expect(
            String(decoding: envelope.jsonBytes, as: UTF8.self)
                == #"{"items":[{"name":"a","count":0},{"name":null,"count":-42},{"name":"c","count":1000000}],"#
                + #""first":{"name":"x","count":-9223372036854775808},"flags":{"a":"1","b":"2"},"#
                + #""date":"Mon, 20 Jul 2015 17:27:10 +0000","done":true}"#
        )
        let empty = Envelope(items: [], first: nil, flags: nil, date: nil, done: nil)
        #expect(
            String(decoding: empty.jsonBytes, as: UTF8.self)
                == #"{"items":[],"first":null,"flags":null,"date":null,"done":null}"#
        )
    }

    @Test(arguments: [
        "plain", "", "quote \" and \\ backslash", "line\nbreak\r\ttab", "\u{01}\u{1F}", "ünïcødé ☎", "end\"",
    ])
    func stringsRoundTripThroughJSONSerialization(text: String) throws {
        let bytes = Item(name: text, count: 7).jsonBytes
        let decoded = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(decoded?["name"] as? String == text)
        #expect(decoded?["count"] as? Int == 7)
    }

    @Test func escapesAreFoundAtEveryPositionOfLongStrings() throws {
        for special in ["\"", "\\", "\n", "\u{00}", "\u{1F}", "é"] {
            for position in 0..<40 {
                var characters = Array(repeating: "a", count: 40)
                characters[position] = special
                let text = characters.joined()
                let bytes = Item(name: text).jsonBytes
                let decoded = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
                #expect(decoded?["name"] as? String == text, "\(special) at \(position)")
            }
        }
    }

    @Test func integersMatchTheirDescription() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min] {
            #expect(
                String(decoding: Item(count: value).jsonBytes, as: UTF8.self) == #"{"name":null,"count":\#(value)}"#
            )
        }
    }
}
