/// Prints a ``JSONValue`` as the JSON files gen writes: two-space indentation, `"key": value`,
/// members in their order, arrays of plain values on one line, one newline at the end.
///
/// The only owner of a JSON file's layout: no template, so escaping and commas cannot go wrong
/// in one place and right in another.
enum JSONPrinter {
    static func print(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: "", to: &output)
        output.append("\n")
        return output
    }

    private static func write(_ value: JSONValue, indent: String, to output: inout String) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let number): output.append(String(number))
        case .number(let number): output.append(number.isFinite ? "\(number)" : "null")
        case .string(let text): output.append(quoted(text))
        case .array(let elements):
            if elements.isEmpty {
                output.append("[]")
            } else if elements.allSatisfy(\.isPlain) {
                // `"type": ["string", "null"]` and short lists read best on one line.
                output.append("[")
                for (index, element) in elements.enumerated() {
                    if index > 0 { output.append(", ") }
                    write(element, indent: indent, to: &output)
                }
                output.append("]")
            } else {
                let inner = indent + "  "
                output.append("[\n")
                for (index, element) in elements.enumerated() {
                    output.append(inner)
                    write(element, indent: inner, to: &output)
                    output.append(index == elements.count - 1 ? "\n" : ",\n")
                }
                output.append(indent + "]")
            }
        case .object(let object):
            guard !object.isEmpty else {
                output.append("{}")
                return
            }
            let inner = indent + "  "
            output.append("{\n")
            let members = object.members
            for (index, member) in members.enumerated() {
                output.append(inner + quoted(member.key) + ": ")
                write(member.value, indent: inner, to: &output)
                output.append(index == members.count - 1 ? "\n" : ",\n")
            }
            output.append(indent + "}")
        }
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, everything
    /// else (non-ASCII included) as UTF-8. U+2028 and U+2029 are escaped too, since JavaScript
    /// before ES2019 ends a line at them.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result.append("\\\"")
            case "\\": result.append("\\\\")
            case "\n": result.append("\\n")
            case "\r": result.append("\\r")
            case "\t": result.append("\\t")
            case "\u{08}": result.append("\\b")
            case "\u{0C}": result.append("\\f")
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension JSONValue {
    /// Neither an array nor an object.
    fileprivate var isPlain: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }
}
