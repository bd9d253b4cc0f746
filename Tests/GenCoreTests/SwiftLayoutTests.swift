import Testing

@testable import GenCore

/// Line breaking after rendering: templates give the column, the marks say where a line may break.
@Suite struct SwiftLayoutTests {
    @Test func aCallThatFitsStaysOnOneLine() {
        let text = "        let x = f(\(SwiftLayout.arguments(["a: 1", "b: 2"])))"
        #expect(SwiftLayout.apply(text) == "        let x = f(a: 1, b: 2)")
    }

    @Test func aLongCallBreaksOneArgumentALineAtItsOwnColumn() {
        let arguments = (1...6).map { "argument\($0): \(String(repeating: "x", count: 12))" }
        let text = "    call(\(SwiftLayout.arguments(arguments)))"
        let lines = SwiftLayout.apply(text).split(separator: "\n").map(String.init)
        #expect(lines.first == "    call(")
        #expect(lines[1] == "        argument1: xxxxxxxxxxxx,")
        #expect(lines[6] == "        argument6: xxxxxxxxxxxx")
        #expect(lines.last == "    )")
    }

    @Test func aLiteralOfSeveralElementsAlwaysBreaksAndSoDoesItsCall() {
        let literal = "[\(SwiftLayout.elements(["\"a\": a", "\"b\": b"]))]"
        let text = "  send(\(SwiftLayout.arguments(["\"GET\"", "form: \(literal)"])))"
        #expect(
            SwiftLayout.apply(text) == """
                  send(
                      "GET",
                      form: [
                          "a": a,
                          "b": b,
                      ]
                  )
                """
        )
    }

    @Test func aLiteralOfOneElementStaysOnItsLine() {
        #expect(SwiftLayout.apply("x = [\(SwiftLayout.elements(["1"]))]") == "x = [1]")
    }

    @Test func aListBreaksOnlyWhenItDoesNotFitAndThenWithTrailingCommas() {
        #expect(SwiftLayout.apply("    x: [\(SwiftLayout.list(["A.self", "B.self"]))]") == "    x: [A.self, B.self]")
        let names = (1...8).map { "SomeRatherLongCommandName\($0).self" }
        let lines = SwiftLayout.apply("    x: [\(SwiftLayout.list(names))]").split(separator: "\n").map(String.init)
        #expect(lines.first == "    x: [")
        #expect(lines[1] == "        SomeRatherLongCommandName1.self,")
        #expect(lines[8] == "        SomeRatherLongCommandName8.self,")
        #expect(lines.last == "    ]")
    }

    @Test func aLongStringBecomesAMultiLineLiteralThatReadsAsOneLine() {
        let words = Array(repeating: "word", count: 40).joined(separator: " ")
        let text = "    help: \(SwiftLayout.stringLiteral(words))"
        let lines = SwiftLayout.apply(text).split(separator: "\n").map(String.init)
        #expect(lines.first == "    help: \"\"\"")
        #expect(lines.last == "        \"\"\"")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count <= SwiftLayout.lineWidth })
        #expect(lines[1].hasSuffix(" \\"))
        #expect(SwiftLayout.apply("help: \(SwiftLayout.stringLiteral("a \"b\""))") == #"help: "a \"b\"""#)
    }

    @Test func aParagraphFillsToTheCommentWidthAfterItsPrefix() {
        let words = Array(repeating: "word", count: 40).joined(separator: " ")
        for prefix in ["/// ", "        /// ", "    // "] {
            let lines = SwiftLayout.apply(prefix + SwiftLayout.paragraph(words)).split(separator: "\n")
            #expect(lines.count > 1)
            #expect(lines.allSatisfy { $0.hasPrefix(prefix) && $0.count <= SwiftLayout.commentWidth })
            #expect(lines.map { $0.dropFirst(prefix.count) }.joined(separator: " ") == words)
        }
    }

    @Test func aListItemIndentsItsFurtherLines() {
        let words = Array(repeating: "word", count: 30).joined(separator: " ")
        let text = "    /// " + SwiftLayout.paragraph(words, lead: "  - name:")
        let lines = SwiftLayout.apply(text).split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("    ///   - name: word"))
        #expect(lines[1].hasPrefix("    ///     word"))
    }

    @Test func textWithoutMarksIsUntouched() {
        let text = "let x = 1\n\n    y(\"\\(z)\")\n"
        #expect(SwiftLayout.apply(text) == text)
    }
}
