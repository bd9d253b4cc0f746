/// Swift literals for values that come from a spec.
enum SwiftLiteral {
    /// `text` as a Swift string literal, with quotes, backslashes and control characters escaped.
    static func string(_ text: String) -> String {
        "\"" + escaped(text) + "\""
    }

    /// `text` escaped for use inside a Swift string literal, without the quotes.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A raw string literal (`#"…"#`), which keeps a regular expression readable; an escaped
    /// literal when the text itself contains `"#`.
    static func raw(_ text: String) -> String {
        guard !text.contains("\"#"), !text.contains("\n"), !text.contains("\r") else { return string(text) }
        return "#\"" + text + "\"#"
    }

    /// A string literal for an argument `prefix…` at `indent`: on one line when it fits in 120
    /// columns, otherwise a multi-line literal whose lines end in `\` so that it reads as one line.
    static func wrapped(_ text: String, prefix: String, indent: Int) -> String {
        let oneLine = string(text)
        guard indent + prefix.count + oneLine.count + 1 > 120 else { return oneLine }
        let margin = String(repeating: " ", count: indent + 4)
        var lines: [String] = []
        var line = ""
        for word in escaped(text).split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, margin.count + line.count + word.count + 3 > 120 {
                lines.append(line + " \\")
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        lines.append(line)
        let indentation = String(repeating: " ", count: indent)
        return "\"\"\"\n" + lines.map { margin + $0 }.joined(separator: "\n") + "\n" + indentation + "    \"\"\""
    }
}
