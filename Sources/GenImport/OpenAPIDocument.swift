import Foundation
import Yams

/// An OpenAPI description read as YAML nodes, keeping where each stands, so that a warning can
/// name the file, the line and the column, and the JSON pointer of what it is about.
struct OpenAPIDocument {
    let file: String
    let root: Node

    init(file: String, text: String) throws {
        self.file = file
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ImportError(file: file, line: 1, column: 1, message: "the file is empty")
            }
            self.root = root
        } catch let error as YamlError {
            throw ImportError(file: file, line: 1, column: 1, message: "not valid YAML: \(error)")
        }
        guard root.mapping != nil else {
            throw ImportError(file: file, line: 1, column: 1, message: "expected an OpenAPI document, a mapping")
        }
    }

    /// The node a local `$ref` (`#/components/schemas/Name`) points at, or nil when it points
    /// nowhere in this document.
    func resolve(reference: String) -> Node? {
        guard reference.hasPrefix("#/") else { return nil }
        var node = root
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            guard let next = node[key] else { return nil }
            node = next
        }
        return node
    }
}

/// A problem that stops the import of one file.
public struct ImportError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Something the importer could not express in a spec, and skipped.
public struct ImportWarning: CustomStringConvertible, Sendable {
    public let file: String
    public let line: Int
    public let column: Int
    /// The JSON pointer of the place in the description.
    public let pointer: String
    public let message: String

    public var description: String { "\(file):\(line):\(column): warning: \(message) (at \(pointer))" }
}

/// A JSON pointer (RFC 6901) built a token at a time.
struct Pointer: CustomStringConvertible {
    private(set) var tokens: [String] = []

    func appending(_ token: String) -> Pointer {
        var pointer = self
        pointer.tokens.append(token)
        return pointer
    }

    static func / (pointer: Pointer, token: String) -> Pointer { pointer.appending(token) }

    var description: String {
        tokens.isEmpty
            ? ""
            : "/"
                + tokens.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
                .joined(separator: "/")
    }
}

extension Node {
    /// A mapping's entries with string keys, in written order.
    var entries: [(key: String, value: Node)] {
        guard let mapping else { return [] }
        return mapping.compactMap { pair in pair.key.string.map { ($0, pair.value) } }
    }

    var items: [Node] { sequence.map(Array.init) ?? [] }

    var text: String? { scalar?.string }

    var line: Int { mark?.line ?? 1 }
    var column: Int { mark?.column ?? 1 }

    var number: Double? { scalar.flatMap { Double($0.string) } }

    var boolean: Bool? {
        switch scalar?.string {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
