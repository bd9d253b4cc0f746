/// A spec as the importer writes it: mappings in the order a person would write them, text that
/// is wrapped, and short mappings on one line, as `Specs/SipDomain.yaml` is written by hand.
indirect enum SpecValue: Sendable {
    /// A word or a number written as it is: `POST`, `201`, `true`, `sid<AC>`.
    case plain(String)
    /// Text, quoted when YAML would read it as something else.
    case string(String)
    /// Prose, folded over lines when it is long.
    case prose(String)
    case list([SpecValue])
    case mapping([(String, SpecValue)])

    static func entries(_ pairs: KeyValuePairs<String, SpecValue?>) -> SpecValue {
        .mapping(pairs.compactMap { key, value in value.map { (key, $0) } })
    }
}

/// Writes ``SpecValue``s as YAML, lines at most `width` columns where a value can break.
struct SpecWriter {
    var width = 100
    private(set) var output = ""

    mutating func comment(_ text: String) {
        for line in SpecWriter.wrap(text, width: width - 2) { output += "# \(line)\n" }
    }

    mutating func blankLine() { output += "\n" }

    mutating func line(_ text: String) { output += text + "\n" }

    /// A top-level key and its mapping after a blank line; nothing when the mapping is empty.
    mutating func section(_ key: String, _ pairs: [(String, SpecValue)]) {
        guard !pairs.isEmpty else { return }
        blankLine()
        entries([(key, .mapping(pairs))])
    }

    /// Writes the entries of a top-level mapping.
    mutating func entries(_ pairs: [(String, SpecValue)], indent: Int = 0) {
        for (key, value) in pairs { entry(key, value, indent: indent) }
    }

    private mutating func entry(_ key: String, _ value: SpecValue, indent: Int) {
        let prefix = String(repeating: " ", count: indent) + SpecWriter.scalar(key, inFlow: false) + ":"
        switch value {
        case .mapping(let pairs):
            if pairs.isEmpty {
                output += prefix + " {}\n"
            } else if let flow = SpecWriter.flow(value), prefix.count + 1 + flow.count <= width,
                pairs.allSatisfy({ SpecWriter.isShort($0.1) })
            {
                output += prefix + " " + flow + "\n"
            } else {
                output += prefix + "\n"
                entries(pairs, indent: indent + 2)
            }
        case .list(let items):
            if let flow = SpecWriter.flow(value), prefix.count + 1 + flow.count <= width {
                output += prefix + " " + flow + "\n"
            } else if items.isEmpty {
                output += prefix + " []\n"
            } else {
                output += prefix + "\n"
                let margin = String(repeating: " ", count: indent + 2)
                for item in items { output += margin + "- " + (SpecWriter.flow(item) ?? "\"\"") + "\n" }
            }
        case .prose(let text):
            let single = SpecWriter.scalar(text, inFlow: false)
            if prefix.count + 1 + single.count <= width || !SpecWriter.canFold(text) {
                output += prefix + " " + single + "\n"
            } else {
                output += prefix + " >-\n"
                let margin = String(repeating: " ", count: indent + 2)
                for line in SpecWriter.wrap(text, width: width - indent - 2) { output += margin + line + "\n" }
            }
        case .plain(let text):
            output += prefix + " " + text + "\n"
        case .string(let text):
            output += prefix + " " + SpecWriter.scalar(text, inFlow: false) + "\n"
        }
    }

    /// A value on one line, or nil for prose that belongs on lines of its own.
    private static func flow(_ value: SpecValue) -> String? {
        switch value {
        case .plain(let text): return text
        case .string(let text), .prose(let text): return scalar(text, inFlow: true)
        case .list(let items):
            let parts = items.compactMap(flow)
            return parts.count == items.count ? "[" + parts.joined(separator: ", ") + "]" : nil
        case .mapping(let pairs):
            if pairs.isEmpty { return "{}" }
            let parts = pairs.compactMap { key, value in flow(value).map { scalar(key, inFlow: true) + ": " + $0 } }
            return parts.count == pairs.count ? "{ " + parts.joined(separator: ", ") + " }" : nil
        }
    }

    /// Whether a mapping's value may share a line with its siblings: no prose longer than a few words.
    private static func isShort(_ value: SpecValue) -> Bool {
        switch value {
        case .prose(let text): text.count <= 40
        case .mapping(let pairs): pairs.allSatisfy { isShort($0.1) }
        default: true
        }
    }

    /// Text as a YAML scalar: plain where YAML reads it back as the same string, else quoted.
    static func scalar(_ text: String, inFlow: Bool) -> String {
        isPlain(text, inFlow: inFlow) ? text : quoted(text)
    }

    private static let indicators: Set<Character> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]
    private static let flowIndicators: Set<Character> = [",", "[", "]", "{", "}"]
    private static let keywords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "True", "False", "TRUE", "FALSE", "Yes", "No",
        "YES", "NO", "On", "Off", "ON", "OFF", "Null", "NULL", "Y", "N", "<<", "=",
    ]

    private static func isPlain(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if indicators.contains(first) || first == " " || last == " " || last == ":" { return false }
        if first.isNumber || first == "." || first == "+" { return false }
        if keywords.contains(text) { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\\") { return false }
        if inFlow && text.contains(where: { flowIndicators.contains($0) }) { return false }
        return text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// A double-quoted scalar, with `\` escapes for what YAML does not take as written.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF
                {
                    result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Whether text can be a folded scalar: one line, single spaces, no leading or trailing space.
    private static func canFold(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(" ") && !text.hasSuffix(" ") && !text.contains("  ")
            && text.unicodeScalars.allSatisfy {
                $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) && $0.value != 0xFEFF
                    && $0.value != 0x2028 && $0.value != 0x2029 && $0.value != 0x85
            }
    }

    /// Words filled into lines of at most `width` characters (a longer word gets its own line).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: Swift.max(0, length - count)) + self
    }
}
