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
}
