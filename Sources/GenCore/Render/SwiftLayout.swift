/// Where generated Swift may break a line, and the final pass that breaks it.
///
/// Templates own every column: they place each value where it goes. A value that may need more
/// than one line (an argument list, a collection literal, a long string, a paragraph of a doc
/// comment) carries marks that say where it may break, and ``apply(_:)`` decides after
/// rendering, from the column the template gave it: one line when it fits in ``lineWidth``
/// (comments in ``commentWidth``), otherwise broken the way swift-format breaks it. So no view
/// knows a column, and a template override that moves code moves its line breaks with it.
///
/// The marks are control characters that spec text cannot bring in: lowering refuses them.
enum SwiftLayout {
    static let lineWidth = 120
    static let commentWidth = 100

    fileprivate enum Mark {
        static let call: Unicode.Scalar = "\u{01}"
        static let literal: Unicode.Scalar = "\u{02}"
        static let separator: Unicode.Scalar = "\u{03}"
        static let close: Unicode.Scalar = "\u{04}"
        static let fill: Unicode.Scalar = "\u{05}"
        static let lead: Unicode.Scalar = "\u{06}"
        static let fillClose: Unicode.Scalar = "\u{0E}"
        static let string: Unicode.Scalar = "\u{0F}"
        static let stringClose: Unicode.Scalar = "\u{10}"
        static let list: Unicode.Scalar = "\u{11}"

        static let all: Set<Unicode.Scalar> = [
            call, literal, separator, close, fill, lead, fillClose, string, stringClose, list,
        ]

        /// The marks as bits of their values, each below 32.
        static let bytes: UInt32 = all.reduce(0) { $0 | 1 << $1.value }
    }

    /// Whether `text` holds a mark, which spec text must not.
    static func containsMark(_ text: some StringProtocol) -> Bool {
        // Every mark is an ASCII control character, so it is one byte of UTF-8, and no byte of a
        // longer character has that value: looking at bytes finds exactly the marks.
        text.utf8.contains { $0 < 0x20 && Mark.bytes & (1 << $0) != 0 }
    }

    // MARK: Marking values

    /// The arguments of a call or the parameters of a declaration, written between its
    /// parentheses: `a, b` on one line, or one a line indented once more.
    static func arguments(_ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return "" }
        return String(Mark.call) + arguments.joined(separator: String(Mark.separator)) + String(Mark.close)
    }

    /// The elements of a collection literal, written between its brackets: one a line with
    /// trailing commas when there is more than one.
    static func elements(_ elements: [String]) -> String {
        guard !elements.isEmpty else { return "" }
        return String(Mark.literal) + elements.joined(separator: String(Mark.separator)) + String(Mark.close)
    }

    /// The elements of a collection literal of names, such as a command's subcommands: on one
    /// line when it fits, else one a line with trailing commas.
    static func list(_ elements: [String]) -> String {
        guard !elements.isEmpty else { return "" }
        return String(Mark.list) + elements.joined(separator: String(Mark.separator)) + String(Mark.close)
    }

    /// A string literal of `text`: quoted on one line when it fits, else a multi-line literal
    /// whose lines end in `\` so that it reads as one line.
    static func stringLiteral(_ text: String) -> String {
        String(Mark.string) + text + String(Mark.stringClose)
    }

    /// A paragraph of a comment, filled to the comment width after the comment's own prefix.
    /// With a `lead` (`  - name:`), it is an item of a list whose further lines are indented.
    static func paragraph(_ text: String, lead: String = "") -> String {
        String(Mark.fill) + lead + String(Mark.lead) + text + String(Mark.fillClose)
    }

    // MARK: Laying out

    /// `text` with every mark resolved into line breaks or none.
    static func apply(_ text: String) -> String {
        guard containsMark(text) else { return text }
        var output: [String] = []
        // Split at the newline's byte: splitting into `Character`s would find grapheme
        // boundaries in every line of every file.
        for bytes in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            guard containsMark(line) else {
                output.append(String(line))
                continue
            }
            var parser = Parser(scalars: Array(line.unicodeScalars))
            output += layout(parser.parse(until: nil))
        }
        return output.joined(separator: "\n")
    }

    /// What a marked group is written as when it breaks.
    fileprivate enum Group {
        /// Arguments or parameters: no comma after the last.
        case call
        /// A collection literal that breaks when it has more than one element.
        case literal
        /// A collection literal that breaks only when it does not fit.
        case list
    }

    fileprivate indirect enum Node {
        case text(String)
        case group(Group, elements: [[Node]])
        case string(String)
        case fill(lead: String, text: String)

        var flat: String {
            switch self {
            case .text(let text): text
            case .group(_, let elements): elements.map { $0.flat }.joined(separator: ", ")
            case .string(let text): SwiftLiteral.string(text)
            case .fill(let lead, let text): lead.isEmpty ? text : lead + " " + text
            }
        }

        /// A literal of more than one element always breaks, and so does what holds one.
        var mustBreak: Bool {
            switch self {
            case .group(let group, let elements):
                (group == .literal && elements.count > 1) || elements.contains { $0.contains(where: \.mustBreak) }
            case .text, .string, .fill: false
            }
        }
    }

    /// The lines of one line of nodes.
    private static func layout(_ nodes: [Node]) -> [String] {
        let flat = nodes.flat
        let indent = flat.prefix { $0 == " " }.count
        if let index = nodes.firstIndex(where: { if case .fill = $0 { true } else { false } }),
            case .fill(let lead, let text) = nodes[index]
        {
            let prefix = nodes[..<index].flat
            return fill(text, lead: lead, width: commentWidth - prefix.count).map { prefix + $0 }
                + (index + 1 < nodes.count ? [nodes[(index + 1)...].flat] : [])
        }
        let breakable = nodes.indices.filter {
            switch nodes[$0] {
            case .group, .string: true
            case .text, .fill: false
            }
        }
        let forced = breakable.first { nodes[$0].mustBreak }
        guard let index = forced ?? (flat.count > lineWidth ? breakable.first : nil) else { return [flat] }
        let head = nodes[..<index].flat
        let rest = Array(nodes[(index + 1)...])
        let inner = String(repeating: " ", count: indent + 4)
        switch nodes[index] {
        case .group(let group, let elements):
            var lines = [head]
            for (position, element) in elements.enumerated() {
                let comma = group != .call || position < elements.count - 1 ? "," : ""
                lines += layout([.text(inner)] + element + [.text(comma)])
            }
            return lines + layout([.text(String(repeating: " ", count: indent))] + rest)
        case .string(let text):
            return [head + "\"\"\""] + wrappedString(text, margin: inner) + layout([.text(inner + "\"\"\"")] + rest)
        case .text, .fill:
            return [flat]
        }
    }

    /// The lines of a multi-line string literal that reads as `text` on one line.
    private static func wrappedString(_ text: String, margin: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in SwiftLiteral.escaped(text).split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty, margin.count + line.count + word.count + 3 > lineWidth {
                lines.append(margin + line + " \\")
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        return lines + [margin + line]
    }

    /// `text` filled to `width`; with a `lead`, the first line starts with it and the others
    /// are indented under it.
    private static func fill(_ text: String, lead: String, width: Int) -> [String] {
        var result: [String] = []
        var line = lead
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if lead.isEmpty {
                // A paragraph's first word starts its first line, however long.
                if !line.isEmpty, line.count + 1 + word.count > width {
                    result.append(line)
                    line = ""
                }
                line += line.isEmpty ? String(word) : " " + word
            } else {
                if line.count + 1 + word.count > width {
                    result.append(line)
                    line = "    "
                }
                line += (line.hasSuffix(" ") ? "" : " ") + word
            }
        }
        return result + [line]
    }

    /// Reads a marked line into nodes.
    private struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        /// Nodes up to `end` (consumed) or the end of the line.
        mutating func parse(until end: Set<Unicode.Scalar>?) -> [Node] {
            var nodes: [Node] = []
            var text = String.UnicodeScalarView()
            func flush() {
                if !text.isEmpty { nodes.append(.text(String(text))) }
                text = String.UnicodeScalarView()
            }
            while position < scalars.count {
                let scalar = scalars[position]
                if let end, end.contains(scalar) { break }
                position += 1
                switch scalar {
                case Mark.call, Mark.literal, Mark.list:
                    flush()
                    var elements: [[Node]] = []
                    while position <= scalars.count {
                        elements.append(parse(until: [Mark.separator, Mark.close]))
                        guard position < scalars.count else { break }
                        let stop = scalars[position]
                        position += 1
                        if stop == Mark.close { break }
                    }
                    let group: Group = scalar == Mark.call ? .call : scalar == Mark.literal ? .literal : .list
                    nodes.append(.group(group, elements: elements))
                case Mark.string:
                    flush()
                    nodes.append(.string(take(until: Mark.stringClose)))
                case Mark.fill:
                    flush()
                    let lead = take(until: Mark.lead)
                    nodes.append(.fill(lead: lead, text: take(until: Mark.fillClose)))
                default:
                    text.append(scalar)
                }
            }
            flush()
            return nodes
        }

        private mutating func take(until end: Unicode.Scalar) -> String {
            var text = String.UnicodeScalarView()
            while position < scalars.count, scalars[position] != end {
                text.append(scalars[position])
                position += 1
            }
            position += 1
            return String(text)
        }
    }
}

extension [SwiftLayout.Node] {
    fileprivate var flat: String { map(\.flat).joined() }
}

extension ArraySlice<SwiftLayout.Node> {
    fileprivate var flat: String { map(\.flat).joined() }
}
