import Yams

/// Reads Yams nodes into located values, logging every problem of shape instead of stopping at
/// the first: a wrong kind of node, an unknown key, a missing required key.
final class YAMLReader {
    let file: String
    private(set) var log = DiagnosticLog()

    init(file: String) {
        self.file = file
    }

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(_ message: String, at location: SourceLocation) {
        log.error(message, at: location)
    }

    /// The keys of a mapping, checked against the keys its context allows.
    struct Fields {
        /// Where the mapping's owner (its key, or the document) stands.
        let owner: SourceLocation
        let entries: [String: (key: SourceLocation, value: Node)]

        func node(_ key: String) -> Node? { entries[key]?.value }
    }

    /// Reads `node` as a mapping of `what`, reporting unknown keys (with a did-you-mean among
    /// `allowed`) and each of `required` that is missing (at `owner`).
    func fields(
        of node: Node,
        _ what: String,
        allowed: [String],
        required: [String] = [],
        owner: SourceLocation
    ) -> Fields? {
        guard let pairs = mapping(node, what) else { return nil }
        var entries: [String: (key: SourceLocation, value: Node)] = [:]
        var suggested: Set<String> = []
        for (key, value) in pairs {
            guard allowed.contains(key.value) else {
                let suggestion = Suggestion.closest(to: key.value, in: allowed)
                if let suggestion { suggested.insert(suggestion) }
                error(
                    "unknown key '\(key.value)' in \(what)" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                    at: key.location
                )
                continue
            }
            entries[key.value] = (key.location, value)
        }
        // A misspelt required key is reported once, as unknown, not again as missing.
        for key in required where entries[key] == nil && !suggested.contains(key) {
            error("missing required key '\(key)' in \(what)", at: owner)
        }
        return Fields(owner: owner, entries: entries)
    }

    /// Reads `node` as a mapping with string keys, in written order. (Yams itself rejects a key
    /// written twice, and resolves aliases to the nodes they name.)
    ///
    /// A merge key, `<<: *anchor` or `<<: [*a, *b]`, stands for the keys of the mappings it
    /// names, at its place in the order; the mapping's own keys win over merged ones, and an
    /// earlier merged mapping over a later one, as YAML's merge key type says. Merged values
    /// keep the locations where they were written, so diagnostics point at the anchor.
    func mapping(_ node: Node, _ what: String) -> [(key: Located<String>, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("expected a mapping for \(what), found \(describe(node))", at: location(of: node))
            return nil
        }
        var written: [(pairs: [(key: Located<String>, value: Node)], isMerged: Bool)] = []
        var own: Set<String> = []
        for (keyNode, value) in mapping {
            if case .scalar(let scalar) = keyNode, scalar.string == "<<", scalar.style == .plain {
                written.append((merged(value, what), true))
            } else if let key = string(keyNode, "a key in \(what)") {
                written.append(([(key, value)], false))
                own.insert(key.value)
            }
        }
        var seen: Set<String> = []
        return written.flatMap { group in
            group.pairs.filter { pair in
                !(group.isMerged && own.contains(pair.key.value)) && seen.insert(pair.key.value).inserted
            }
        }
    }

    /// The pairs that a merge key's value brings: one mapping, or a list of them.
    private func merged(_ node: Node, _ what: String) -> [(key: Located<String>, value: Node)] {
        switch node {
        case .mapping:
            return mapping(node, what) ?? []
        case .sequence(let sequence):
            return sequence.flatMap { item -> [(key: Located<String>, value: Node)] in
                guard case .mapping = item else {
                    error(
                        "expected a mapping to merge into \(what), found \(describe(item))",
                        at: location(of: item)
                    )
                    return []
                }
                return mapping(item, what) ?? []
            }
        default:
            error(
                "expected a mapping or a list of mappings after '<<' in \(what), found \(describe(node))",
                at: location(of: node)
            )
            return []
        }
    }

    func sequence(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("expected a list for \(what), found \(describe(node))", at: location(of: node))
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Node, _ what: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            error("expected a string for \(what), found \(describe(node))", at: location(of: node))
            return nil
        }
        // Control characters have no place in names or prose, and a few of them mark where
        // generated code may break a line.
        if let control = scalar.string.unicodeScalars.first(where: Self.isRefused) {
            error("\(what) contains the control character U+\(Self.hex(control))", at: location(of: node))
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    /// `0001` for U+0001.
    static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Control characters other than tab and line breaks, which prose may hold.
    static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0x7F
    }

    func strings(_ node: Node, _ what: String) -> [Located<String>] {
        sequence(node, what)?.compactMap { string($0, "an item of \(what)") } ?? []
    }

    func bool(_ node: Node, _ what: String) -> Located<Bool>? {
        guard let text = plainScalar(node, what, expected: "true or false") else { return nil }
        switch text.value {
        case "true": return Located(true, at: text.location)
        case "false": return Located(false, at: text.location)
        default:
            error("expected true or false for \(what), found '\(text.value)'", at: text.location)
            return nil
        }
    }

    func int(_ node: Node, _ what: String) -> Located<Int>? {
        guard let text = plainScalar(node, what, expected: "a whole number") else { return nil }
        guard let value = Int(text.value) else {
            error("expected a whole number for \(what), found '\(text.value)'", at: text.location)
            return nil
        }
        return Located(value, at: text.location)
    }

    func scalar(_ node: Node, _ what: String) -> RawScalar? {
        guard case .scalar(let scalar) = node else {
            error("expected a single value for \(what), found \(describe(node))", at: location(of: node))
            return nil
        }
        if let control = scalar.string.unicodeScalars.first(where: Self.isRefused) {
            error("\(what) contains the control character U+\(Self.hex(control))", at: location(of: node))
            return nil
        }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return RawScalar(text: scalar.string, isQuoted: quoted, location: location(of: node))
    }

    private func plainScalar(_ node: Node, _ what: String, expected: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            error("expected \(expected) for \(what), found \(describe(node))", at: location(of: node))
            return nil
        }
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            error(
                "expected \(expected) for \(what), found the quoted string '\(scalar.string)'",
                at: location(of: node)
            )
            return nil
        }
        return Located(scalar.string, at: location(of: node))
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .alias: return "an alias"
        }
    }
}
