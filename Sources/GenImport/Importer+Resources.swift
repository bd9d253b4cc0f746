import Foundation
import GenCore
import Yams

/// Resources: their properties from the answers' schemas, their page, and statuses of success.
extension Importer {
    // MARK: Resources

    func resource(_ resource: String, _ operations: [FoundOperation]) -> SpecValue {
        let first = operations[0]
        var schemas: [(Node, Pointer, String)] = []
        var pageSchema: (Node, Pointer)?
        for operation in operations {
            guard let (schema, pointer) = successSchema(operation) else { continue }
            if operation.name == "list", let envelope = pageParts(schema, pointer) {
                if pageSchema == nil { pageSchema = (schema, pointer) }
                if let items = envelope.items { schemas.append(items) }
            } else {
                schemas.append(context.named(schema, pointer))
            }
        }
        let properties = mergedProperties(schemas, resource: resource)
        context.resourcePII = [:]
        for (key, value) in properties {
            if case .mapping(let pairs) = value, let pii = pairs.first(where: { $0.0 == "pii" }) {
                context.resourcePII[ImportContext.normalized(key)] = pii.1
            }
        }
        let xTwilio = operations.lazy.compactMap { $0.pathItem["x-twilio"] }
        let defaultOutput =
            xTwilio.lazy.compactMap { $0["defaultOutputProperties"]?.items.compactMap(\.text) }.first
            ?? []
        let propertyNames = Set(properties.map(\.0))
        let shown = defaultOutput.filter { propertyNames.contains($0) }
        let description = operations.lazy.compactMap { $0.pathItem["description"]?.text }.first
        var page: SpecValue?
        if let (schema, pointer) = pageSchema { page = self.page(schema, pointer, resource: resource) }
        var operationValues: [(String, SpecValue)] = []
        var names: Set<String> = []
        for operation in operations {
            var name = operation.name
            var number = 2
            while names.contains(name) {
                name = operation.name + String(number)
                number += 1
            }
            if name != operation.name {
                context.warn(
                    "\(resource) has two '\(operation.name)' operations; this one is named '\(name)'",
                    at: operation.node["operationId"],
                    operation.pointer / "operationId"
                )
            }
            names.insert(name)
            operationValues.append((name, self.operation(operation, resource: resource, hasPage: page != nil)))
        }
        let plural = plurals[resource] ?? resource + "s"
        return .entries([
            "plural": plural == resource + "s" ? nil : .plain(plural),
            "description": ImportContext.prose(description ?? first.node["summary"]?.text),
            "defaultOutput": shown.isEmpty ? nil : .list(shown.map { .string($0) }),
            "properties": .mapping(properties),
            "page": page,
            "operations": .mapping(operationValues),
        ])
    }

    /// The schema of an operation's answer of success, and where it is.
    func successSchema(_ operation: FoundOperation) -> (Node, Pointer)? {
        guard let status = successStatus(operation, warn: false) else { return nil }
        let response = operation.node["responses"]?.entries.first { $0.key == String(status) }?.value
        let pointer = operation.pointer / "responses" / String(status) / "content"
        for (type, content) in response?["content"]?.entries ?? [] where type.contains("json") {
            if let schema = content["schema"] { return (schema, pointer / type / "schema") }
        }
        return nil
    }

    /// The lowest status of success (200 to 399) the operation answers with.
    func successStatus(_ operation: FoundOperation, warn: Bool) -> Int? {
        let statuses = (operation.node["responses"]?.entries ?? []).compactMap { Int($0.key) }
            .filter { (200...399).contains($0) }.sorted()
        if warn, statuses.count > 1 {
            context.warn(
                "the operation answers \(statuses.map(String.init).joined(separator: " or ")) on success; "
                    + "a spec declares one status, \(statuses[0])",
                at: operation.node["responses"],
                operation.pointer / "responses"
            )
        }
        return statuses.first
    }

    /// One resource's properties from the schemas its operations answer with: those of the
    /// first, then each the others add, optional where not every schema has them.
    func mergedProperties(_ schemas: [(Node, Pointer, String)], resource: String) -> [(String, SpecValue)] {
        var seen: Set<String> = []
        var unique: [(Node, Pointer, String)] = []
        for schema in schemas where !seen.contains(schema.2) {
            seen.insert(schema.2)
            unique.append(schema)
        }
        guard let first = unique.first else { return [] }
        var merged = context.properties(of: first.0, at: first.1, owner: resource)
        for other in unique.dropFirst() {
            let extra = context.properties(of: other.0, at: other.1, owner: resource)
            let otherNames = Set(extra.map(\.0))
            for index in merged.indices where !otherNames.contains(merged[index].0) {
                merged[index].1 = Importer.optional(merged[index].1)
            }
            let names = Set(merged.map(\.0))
            for (key, value) in extra where !names.contains(key) { merged.append((key, Importer.optional(value))) }
        }
        return merged
    }

    static func optional(_ field: SpecValue) -> SpecValue {
        guard case .mapping(var pairs) = field else { return field }
        if !pairs.contains(where: { $0.0 == "nullable" }) {
            pairs.insert(("nullable", .plain("true")), at: 1)
        }
        return .mapping(pairs)
    }

    /// The parts of a list's envelope: the array of instances (its items' schema, named), and
    /// the other fields.
    func pageParts(_ schema: Node, _ pointer: Pointer) -> (
        itemsKey: String, items: (Node, Pointer, String)?, envelope: Node, envelopePointer: Pointer
    )? {
        let (envelope, envelopePointer, _) = ImportContext.named(schema, pointer, document: document)
        let arrays = (envelope["properties"]?.entries ?? []).filter { $0.value["type"]?.text == "array" }
        guard let array = arrays.first(where: { $0.value["items"]?["$ref"] != nil }) ?? arrays.first else { return nil }
        let itemsPointer = envelopePointer / "properties" / array.key / "items"
        let items = array.value["items"].map { ImportContext.named($0, itemsPointer, document: document) }
        return (array.key, items, envelope, envelopePointer)
    }

    func page(_ schema: Node, _ pointer: Pointer, resource: String) -> SpecValue? {
        guard let parts = pageParts(schema, pointer) else { return nil }
        let fields = context.properties(
            of: parts.envelope,
            at: parts.envelopePointer,
            owner: resource + "Page",
            excluding: [parts.itemsKey]
        )
        var next: String?
        if fields.contains(where: { $0.0 == "next_page_uri" }) {
            next = "next_page_uri"
        } else if let meta = fields.first(where: { $0.0 == "meta" }), case .mapping(let pairs) = meta.1,
            let members = pairs.first(where: { $0.0 == "properties" }), case .mapping(let metaFields) = members.1,
            metaFields.contains(where: { $0.0 == "next_page_url" })
        {
            next = "meta.next_page_url"
        } else if fields.contains(where: { $0.0 == "next_page_url" }) {
            next = "next_page_url"
        }
        return .entries([
            "items": .string(parts.itemsKey),
            "next": next.map { .string($0) },
            "fields": .mapping(fields),
        ])
    }
}
