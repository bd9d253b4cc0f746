import Foundation
import Yams

/// A YAML text edited by key path, so that a test says what it changes rather than on which
/// line, and finds where something stands by its path too.
///
/// A path names mapping keys and list indexes, separated by dots: `resources.Widget.plural`,
/// `enums.Color.values.2`; the empty path is the document. Whole entries (`replace`,
/// `replaceLines`, `remove`, `insert`) must be block-mapping entries, a key that starts its line;
/// values and keys (`set`, `rename`) may be anywhere, flow collections included. Each edit
/// reads the text as it stands, so every edit but the last must leave it valid YAML.
struct YAMLFixture: Sendable {
    enum Edit: Sendable {
        /// Replaces the entry at the path (its key and its value, whatever lines they take) with
        /// `text`, each of its lines indented as the key is.
        case replace(String, with: String)
        /// Replaces the lines of the entry at the path with `text` as it is, without indenting it.
        case replaceLines(String, with: String)
        case remove(String)
        /// Adds the entry `text` after the entry at the path, indented as it is.
        case insert(String, after: String)
        /// Adds the entry `text` at the end of the mapping at the path, block or flow.
        case add(String, to: String)
        /// Replaces the value at the path, a scalar or a flow collection, with `text`.
        case set(String, to: String)
        /// Renames the key at the path.
        case rename(String, to: String)
        /// Blanks every line.
        case clear
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Where a node stands, 1-based as diagnostics write it.
    struct Position: Equatable, Sendable {
        var line: Int
        var column: Int
    }

    var text: String

    init(_ text: String) {
        self.text = text
    }

    /// The text with `edits` applied, in order.
    func applying(_ edits: [Edit]) throws -> YAMLFixture {
        var result = self
        for edit in edits { try result.apply(edit) }
        return result
    }

    // MARK: Finding

    /// The key node and value node at `path`; the key is nil for a list item and the document.
    func nodes(at path: String) throws -> (key: Node?, value: Node) {
        guard let root = try Yams.compose(yaml: text, .basic) else { throw Failure(description: "empty YAML") }
        var key: Node?
        var node = root
        for component in path.split(separator: ".", omittingEmptySubsequences: false) where !path.isEmpty {
            if let mapping = node.mapping {
                guard let pair = mapping.first(where: { $0.key.string == String(component) }) else {
                    throw Failure(description: "no key '\(component)' in '\(path)'")
                }
                (key, node) = (pair.key, pair.value)
            } else if let sequence = node.sequence, let index = Int(component), sequence.indices.contains(index) {
                (key, node) = (nil, sequence[index])
            } else {
                throw Failure(description: "'\(component)' of '\(path)' is not in a mapping or a list")
            }
        }
        return (key, node)
    }

    /// Where the key at `path` stands.
    func key(_ path: String) throws -> Position {
        guard let key = try nodes(at: path).key else { throw Failure(description: "'\(path)' has no key") }
        return try position(of: key)
    }

    /// Where the value at `path` stands.
    func value(_ path: String) throws -> Position {
        try position(of: nodes(at: path).value)
    }

    private func position(of node: Node) throws -> Position {
        guard let mark = node.mark else { throw Failure(description: "a node without a position") }
        return Position(line: mark.line, column: mark.column)
    }

    // MARK: Editing

    mutating func apply(_ edit: Edit) throws {
        var lines = text.components(separatedBy: "\n")
        switch edit {
        case .replace(let path, let entry):
            let (range, indent) = try entryLines(path, lines)
            lines.replaceSubrange(range, with: Self.indented(entry, indent))
        case .replaceLines(let path, let raw):
            lines.replaceSubrange(try entryLines(path, lines).range, with: raw.components(separatedBy: "\n"))
        case .remove(let path):
            lines.removeSubrange(try entryLines(path, lines).range)
        case .insert(let entry, let path):
            let (range, indent) = try entryLines(path, lines)
            lines.insert(contentsOf: Self.indented(entry, indent), at: range.upperBound)
        case .add(let entry, let path):
            let mapping = try nodes(at: path).value
            guard let entries = mapping.mapping, !entries.isEmpty else {
                throw Failure(description: "'\(path)' is not a mapping with entries")
            }
            let last = entries[entries.endIndex - 1]
            let start = try position(of: mapping)
            if Array(lines[start.line - 1]).dropFirst(start.column - 1).first == "{" {
                let end = try Self.closing(from: start, in: lines)
                var line = Array(lines[end.line - 1])
                var before = String(line[..<(end.column - 1)])
                while before.hasSuffix(" ") { before.removeLast() }
                line = Array(before + ", " + entry + " " + String(line[(end.column - 1)...]))
                lines[end.line - 1] = String(line)
            } else {
                let lastPath = path.isEmpty ? "\(last.key.string ?? "")" : "\(path).\(last.key.string ?? "")"
                let (range, indent) = try entryLines(lastPath, lines)
                lines.insert(contentsOf: Self.indented(entry, indent), at: range.upperBound)
            }
        case .set(let path, let replacement):
            try replaceScalar(position(of: nodes(at: path).value), with: replacement, in: &lines)
        case .rename(let path, let name):
            try replaceScalar(key(path), with: name, in: &lines)
        case .clear:
            lines = lines.map { _ in "" }
        }
        text = lines.joined(separator: "\n")
    }

    private static func indented(_ entry: String, _ indent: Int) -> [String] {
        entry.components(separatedBy: "\n").map { String(repeating: " ", count: indent) + $0 }
    }

    /// Whether a line holds nothing but spaces and perhaps a comment.
    private static func isBlank(_ line: String) -> Bool {
        let rest = line.drop { $0 == " " }
        return rest.isEmpty || rest.hasPrefix("#")
    }

    /// The lines of the block-mapping entry at `path` (0-based), and its key's indentation: from
    /// the key's line to the last line indented further, blank and comment lines at its end left out.
    private func entryLines(_ path: String, _ lines: [String]) throws -> (range: Range<Int>, indent: Int) {
        let start = try key(path)
        let indent = start.column - 1
        guard lines[start.line - 1].prefix(indent).allSatisfy({ $0 == " " }) else {
            throw Failure(description: "'\(path)' is not an entry of a block mapping")
        }
        var end = start.line
        for index in start.line..<lines.count {
            let line = lines[index]
            if Self.isBlank(line) { continue }
            if line.prefix(while: { $0 == " " }).count <= indent { break }
            end = index + 1
        }
        return (start.line - 1..<end, indent)
    }

    /// The position of the bracket that closes the flow collection opening at `start`.
    private static func closing(from start: Position, in lines: [String]) throws -> Position {
        var depth = 0
        var quote: Character?
        for lineIndex in (start.line - 1)..<lines.count {
            let characters = Array(lines[lineIndex])
            let first = lineIndex == start.line - 1 ? start.column - 1 : 0
            for index in first..<characters.count {
                let character = characters[index]
                if let open = quote {
                    if character == open { quote = nil }
                    continue
                }
                switch character {
                case "'", "\"": quote = character
                case "[", "{": depth += 1
                case "]", "}":
                    depth -= 1
                    if depth == 0 { return Position(line: lineIndex + 1, column: index + 1) }
                default: break
                }
            }
        }
        throw Failure(description: "an unclosed flow collection at line \(start.line)")
    }

    /// Replaces the scalar or flow collection written at `start` on its line.
    private func replaceScalar(_ start: Position, with replacement: String, in lines: inout [String]) throws {
        let characters = Array(lines[start.line - 1])
        let from = start.column - 1
        var to = from
        switch characters[from] {
        case "[", "{":
            let end = try Self.closing(from: start, in: lines)
            guard end.line == start.line else { throw Failure(description: "a flow collection over several lines") }
            to = end.column
        case "'", "\"":
            to = (characters[(from + 1)...].firstIndex(of: characters[from]) ?? characters.count - 1) + 1
        default:
            // A plain scalar ends at the end of the line, a comment, a key's colon, or in a flow
            // collection at the punctuation that ends an entry.
            let inFlow = characters[..<from].contains { "{[".contains($0) }
            while to < characters.count {
                let character = characters[to]
                let next = to + 1 < characters.count ? characters[to + 1] : " "
                if inFlow && ",}]".contains(character) { break }
                if character == ":" && next == " " { break }
                if character == "#" && to > 0 && characters[to - 1] == " " { break }
                to += 1
            }
            while to > from && characters[to - 1] == " " { to -= 1 }
        }
        lines[start.line - 1] = String(characters[..<from]) + replacement + String(characters[to...])
    }
}
