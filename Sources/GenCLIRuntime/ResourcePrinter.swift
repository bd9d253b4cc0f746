import ArgumentParser
import Foundation
import GenClientRuntime
import GenRuntime

/// How a generated CLI prints resources.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// An aligned table of the chosen properties, with a header (the default).
    case columns
    /// Pretty JSON with sorted keys: whole objects, every property.
    case json
    /// Tab-separated values of the chosen properties, with a header of their wire names.
    case tsv
}

/// Prints resources in an ``OutputFormat``, a page at a time, so a long list appears as its
/// pages arrive.
///
/// Columns are as wide as the first page needs (or the header); a later, longer value pushes
/// the rest of its row along rather than holding back output until the list ends.
public struct ResourcePrinter {
    public let format: OutputFormat
    /// The wire names of the properties `columns` and `tsv` show.
    public let properties: [String]
    /// The words that `columns` headings spell in capitals or as given, by their lower case:
    /// the runtime's generic ones and the API's.
    let acronyms: [String: String]
    private let write: (String) -> Void
    private var widths: [Int]?
    private var jsonItems = 0

    /// Acronyms any API has, which every heading writes in capitals.
    public static let genericAcronyms = ["SID", "URI", "URL", "API", "ID", "IP"]

    /// - Parameters:
    ///   - format: columns, JSON or tab-separated values.
    ///   - properties: the wire names of the properties to print, in order.
    ///   - acronyms: the API's own words for headings, from its spec's `acronyms`, such as `SIP`;
    ///     each is written as given, beside ``genericAcronyms``.
    ///   - write: where the text goes; standard output by default.
    public init(
        format: OutputFormat,
        properties: [String],
        acronyms: [String] = [],
        write: @escaping (String) -> Void = { print($0, terminator: "") }
    ) {
        self.format = format
        self.properties = properties
        self.acronyms = Self.spellings(acronyms)
        self.write = write
    }

    /// Each acronym by its lower case; the API's win over the generic ones.
    static func spellings(_ acronyms: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for word in genericAcronyms + acronyms { result[word.lowercased()] = word }
        return result
    }

    /// Prints one resource, such as the answer of a create.
    public mutating func printResource(_ resource: some Encodable) throws {
        if format == .json {
            write(try Self.prettyJSON(resource) + "\n")
        } else {
            try printPage([resource])
        }
    }

    /// Prints a page of a list; call ``finish()`` after the last.
    public mutating func printPage(_ resources: [some Encodable]) throws {
        switch format {
        case .json:
            for resource in resources {
                let object = try Self.prettyJSON(resource).split(separator: "\n").map { "  " + $0 }.joined(
                    separator: "\n"
                )
                write((jsonItems == 0 ? "[\n" : ",\n") + object)
                jsonItems += 1
            }
        case .tsv:
            var lines: [String] = []
            if widths == nil {
                widths = []
                lines.append(properties.joined(separator: "\t"))
            }
            for resource in resources {
                let values = try Self.values(of: resource, properties)
                lines.append(values.map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: "\t"))
            }
            write(lines.map { $0 + "\n" }.joined())
        case .columns:
            let rows = try resources.map { try Self.values(of: $0, properties) }
            var lines: [String] = []
            if widths == nil {
                let header = properties.map { Self.heading($0, acronyms: acronyms) }
                let widths = header.indices.map { column in
                    ([header[column].count] + rows.map { $0[column].count }).max() ?? 0
                }
                self.widths = widths
                lines.append(Self.row(header, widths))
            }
            lines += rows.map { Self.row($0, widths ?? []) }
            write(lines.map { $0 + "\n" }.joined())
        }
    }

    /// Ends a list: closes the JSON array (an empty list prints `[]`).
    public mutating func finish() {
        guard format == .json else { return }
        write(jsonItems == 0 ? "[]\n" : "\n]\n")
    }

    static func row(_ values: [String], _ widths: [Int]) -> String {
        var line = ""
        for (index, value) in values.enumerated() {
            let isLast = index == values.count - 1
            let width = index < widths.count ? widths[index] : value.count
            line +=
                isLast ? value : value.padding(toLength: max(width, value.count), withPad: " ", startingAt: 0) + "  "
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// `domain_name` → `Domain Name`, `sid` → `SID`, `sip_registration` → `SIP Registration`
    /// when `SIP` is one of `acronyms` (spellings by their lower case).
    static func heading(_ property: String, acronyms: [String: String] = spellings([])) -> String {
        property.split(separator: "_").map { word in
            acronyms[word.lowercased()] ?? word.prefix(1).uppercased() + word.dropFirst()
        }.joined(separator: " ")
    }

    static func prettyJSON(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The chosen properties of a resource as text, from its JSON: strings as they are, null as
    /// nothing, numbers and booleans as JSON writes them, objects as compact JSON.
    static func values(of resource: some Encodable, _ properties: [String]) throws -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let object = try JSONDecoder().decode([String: JSONValue].self, from: encoder.encode(resource))
        return try properties.map { property in
            switch object[property] {
            case nil, .null?: return ""
            case .string(let text)?: return text.replacingOccurrences(of: "\n", with: " ")
            case .bool(let flag)?: return flag ? "true" : "false"
            case .integer(let number)?: return String(number)
            case .number(let number)?:
                return number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            case let value?: return String(decoding: try encoder.encode(value), as: UTF8.self)
            }
        }
    }
}
