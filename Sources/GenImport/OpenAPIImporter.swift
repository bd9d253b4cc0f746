import Foundation
import GenCore
import Yams

/// One OpenAPI description turned into a spec.
public struct ImportedSpec: Sendable {
    /// The spec's `name`, which names its file.
    public let name: String
    /// The spec, as YAML.
    public let text: String
    /// The operations of the description, and how many of them the spec leaves out.
    public let operations: Int
    public let skipped: Int
    /// What the spec could not express, each skipped.
    public let warnings: [ImportWarning]
}

/// Converts Twilio's OpenAPI descriptions into specs: resources from the operations' ids
/// (`ListSipDomain`, `CreateSipDomain` make the resource `SipDomain` with `list` and `create`),
/// types from the schemas, enums from `*_enum_*` schemas, SID kinds from their patterns, and
/// pages from the list responses.
public enum OpenAPIImporter {
    /// Imports the description at `file`; `name` overrides the name taken from the file's name.
    public static func importFile(_ file: String, name: String? = nil) throws -> ImportedSpec {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ImportError(
                file: file,
                line: 1,
                column: 1,
                message: "cannot read the file: \(error.localizedDescription)"
            )
        }
        return try importText(text, file: file, name: name)
    }

    public static func importText(_ text: String, file: String, name: String? = nil) throws -> ImportedSpec {
        let document = try OpenAPIDocument(file: file, text: text)
        var importer = Importer(context: ImportContext(document: document), name: name ?? specName(file: file))
        return try importer.run()
    }

    /// `twilio_api_v2010.yaml` gives `ApiV2010`; `twilio-sip-domain.openapi.yaml` gives `SipDomain`.
    public static func specName(file: String) -> String {
        var stem = (file as NSString).lastPathComponent
        for suffix in [".yaml", ".yml", ".json", ".openapi"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
        }
        for prefix in ["twilio_", "twilio-"] where stem.hasPrefix(prefix) {
            stem.removeFirst(prefix.count)
        }
        let name = Namer.typeName(
            stem.replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: ".", with: "_")
        )
        return name.first?.isLetter == true ? name : "API" + name.filter { $0.isLetter || $0.isNumber }
    }
}

/// An operation of the description, and the resource and name it gets.
private struct FoundOperation {
    var resource: String
    var name: String
    var method: String
    var path: String
    var node: Node
    var pointer: Pointer
    var pathItem: Node
    /// The parameters the path item gives all its operations.
    var sharedParameters: [(Node, Pointer)]
}

private struct Importer {
    let context: ImportContext
    let name: String
    /// Each resource's plural, which names its accessor and command.
    var plurals: [String: String] = [:]
    var document: OpenAPIDocument { context.document }

    init(context: ImportContext, name: String) {
        self.context = context
        self.name = name
    }

    static let methods = ["get", "post", "put", "patch", "delete", "head"]
    static let verbs = ["List", "Fetch", "Create", "Update", "Delete", "Patch", "Replace", "Get", "Remove"]

    mutating func run() throws -> ImportedSpec {
        let root = document.root
        guard let paths = root["paths"] else {
            throw ImportError(
                file: document.file,
                line: root.line,
                column: root.column,
                message: "no 'paths' in the description"
            )
        }
        var operations: [FoundOperation] = []
        var total = 0
        var skipped = 0
        for (path, item) in paths.entries {
            let pathPointer = Pointer() / "paths" / path
            let shared =
                item["parameters"]?.items.enumerated().map { ($1, pathPointer / "parameters" / String($0)) } ?? []
            for (key, operation) in item.entries {
                let lowered = key.lowercased()
                guard Importer.methods.contains(lowered) || ["options", "trace"].contains(lowered) else { continue }
                total += 1
                let pointer = pathPointer / key
                guard Importer.methods.contains(lowered) else {
                    context.warn(
                        "a spec has no \(key.uppercased()) operations; the operation is skipped",
                        at: operation,
                        pointer
                    )
                    skipped += 1
                    continue
                }
                guard let (verb, resource) = Importer.resourceAndVerb(operation["operationId"]?.text) else {
                    context.warn(
                        "the operation has no operationId of a verb and a resource (ListCall); it is skipped",
                        at: operation,
                        pointer
                    )
                    skipped += 1
                    continue
                }
                operations.append(
                    FoundOperation(
                        resource: resource,
                        name: verb.lowercased(),
                        method: lowered.uppercased(),
                        path: path,
                        node: operation,
                        pointer: pointer,
                        pathItem: item,
                        sharedParameters: shared
                    )
                )
            }
        }
        var order: [String] = []
        var byResource: [String: [FoundOperation]] = [:]
        for operation in operations {
            if byResource[operation.resource] == nil { order.append(operation.resource) }
            byResource[operation.resource, default: []].append(operation)
        }
        Importer.mergeCollections(&order, &byResource)
        for resource in order {
            context.reserve(typeName: resource)
            context.reserve(typeName: Namer.pageTypeName(resource: resource))
        }
        plurals = Importer.plurals(of: order, api: name)
        var resources: [(String, SpecValue)] = []
        for resource in order {
            resources.append((resource, self.resource(resource, byResource[resource]!)))
        }
        let header = try header()
        var writer = SpecWriter()
        writer.comment(
            "Imported by `gen import openapi` from \((document.file as NSString).lastPathComponent): "
                + "\(total - skipped) of \(total) operations, \(context.warnings.count) warnings. "
                + "The format is documented in gen's Specs/README.md; edit this file as any spec."
        )
        writer.blankLine()
        writer.entries(header)
        writer.section("sids", context.sids().map { ($0.prefix, .plain($0.entity)) })
        writer.section(
            "enums",
            context.enums.map { item in
                (
                    item.name,
                    .entries([
                        "description": item.description.map { .prose($0) },
                        "values": .list(item.values.map { .string($0) }),
                    ])
                )
            }
        )
        writer.section(
            "objects",
            context.objects.map { item in
                (
                    item.name,
                    .entries([
                        "description": item.description.map { .prose($0) },
                        "properties": .mapping(item.properties),
                    ])
                )
            }
        )
        writer.blankLine()
        writer.line(resources.isEmpty ? "resources: {}" : "resources:")
        for (index, (key, value)) in resources.enumerated() {
            if index > 0 { writer.blankLine() }
            writer.entries([(key, value)], indent: 2)
        }
        return ImportedSpec(
            name: name,
            text: writer.output,
            operations: total,
            skipped: skipped,
            warnings: context.warnings
        )
    }

    /// Some APIs name the operations on a collection after the plural (`ListAssistants`,
    /// `CreateAssistants`) and those on one instance after the singular (`FetchAssistant`): the
    /// plural's operations join the singular's resource when their path is its collection's
    /// (`/v1/Assistants` beside `/v1/Assistants/{id}`), where the merged resource first stood.
    static func mergeCollections(_ order: inout [String], _ byResource: inout [String: [FoundOperation]]) {
        for plural in order {
            guard let collection = byResource[plural], let singular = singular(of: plural),
                let instance = byResource[singular]
            else { continue }
            let collectionPaths = Set(instance.compactMap { collectionPath(of: $0.path) })
            guard collection.contains(where: { collectionPaths.contains($0.path) }) else { continue }
            byResource[singular] =
                collection.map { operation in
                    var operation = operation
                    operation.resource = singular
                    return operation
                } + instance
            byResource[plural] = nil
        }
        var merged: [String] = []
        for name in order {
            let target = byResource[name] != nil ? name : singular(of: name)!
            if !merged.contains(target) { merged.append(target) }
        }
        order = merged
    }

    /// The names of a path's placeholders, in order: `[AccountSid, Sid]`.
    static func placeholders(_ path: String) -> [String] {
        path.split(separator: "{").dropFirst().compactMap { part in
            part.firstIndex(of: "}").map { String(part[..<$0]) }
        }
    }

    /// `Assistants` gives `Assistant`, `Policies` `Policy`, `Addresses` `Address`.
    static func singular(of name: String) -> String? {
        if name.hasSuffix("ies") { return name.dropLast(3) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("shes") || name.hasSuffix("ches") || name.hasSuffix("xes") {
            return String(name.dropLast(2))
        }
        if name.hasSuffix("s"), !name.hasSuffix("ss") { return String(name.dropLast()) }
        return nil
    }

    /// The path of the collection an instance path is in: `/v1/Services` for `/v1/Services/{Sid}`,
    /// `/Domains.json` for `/Domains/{Sid}.json`; nil for a path that does not end in a placeholder.
    static func collectionPath(of path: String) -> String? {
        guard let open = path.lastIndex(of: "{"), let close = path.lastIndex(of: "}"), open < close else { return nil }
        let before = path[..<open]
        let after = path[path.index(after: close)...]
        guard before.hasSuffix("/"), !after.contains("/") else { return nil }
        return String(before.dropLast()) + after
    }

    /// `ListSipDomain` gives `List` and `SipDomain`.
    static func resourceAndVerb(_ operationID: String?) -> (String, String)? {
        guard let operationID else { return nil }
        for verb in verbs where operationID.hasPrefix(verb) {
            let rest = String(operationID.dropFirst(verb.count))
            if let first = rest.first, first.isUppercase,
                rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            {
                return (verb, rest)
            }
        }
        return nil
    }

    // MARK: The top level

    func header() throws -> [(String, SpecValue)] {
        let root = document.root
        let info = root["info"]
        var servers = root["servers"]?.items.compactMap { $0["url"]?.text } ?? []
        if servers.isEmpty {
            for (_, item) in root["paths"]?.entries ?? [] {
                servers += item["servers"]?.items.compactMap { $0["url"]?.text } ?? []
            }
        }
        guard let baseURL = servers.first else {
            throw ImportError(
                file: document.file,
                line: root.line,
                column: root.column,
                message: "no server URL in the description"
            )
        }
        for (path, item) in root["paths"]?.entries ?? [] {
            for url in item["servers"]?.items.compactMap({ $0["url"]?.text }) ?? [] where url != baseURL {
                context.warn(
                    "the path is served from \(url), not \(baseURL); a spec has one base URL",
                    at: item["servers"],
                    Pointer() / "paths" / path / "servers"
                )
            }
        }
        return [
            ("name", .plain(name)),
            ("title", info?["title"]?.text.map { .string($0) }),
            ("description", ImportContext.prose(info?["description"]?.text)),
            ("baseUrl", .string(baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)),
            ("auth", auth()),
            (
                "errors",
                .entries([
                    "authentication": .plain("20003"),
                    "notFound": .plain("20404"),
                    "moreInfo": .string("https://www.twilio.com/docs/errors"),
                ])
            ),
        ].compactMap { key, value in value.map { (key, $0) } }
    }

    /// Basic authentication with an Account SID and its Auth Token, or a bearer token where the
    /// description's scheme is OAuth 2.0 or HTTP bearer.
    func auth() -> SpecValue {
        let root = document.root
        let schemes = root["components"]?["securitySchemes"]?.entries ?? []
        let used = root["security"]?.items.first?.entries.first?.key
        let scheme = schemes.first { $0.key == used }?.value ?? schemes.first?.value
        let isBearer = scheme?["type"]?.text == "oauth2" || scheme?["scheme"]?.text?.lowercased() == "bearer"
        if isBearer {
            return .entries([
                "scheme": .plain("bearer"),
                "token": .entries(["name": .string("Access Token"), "env": .plain("TWILIO_ACCESS_TOKEN")]),
                "realm": .string("Twilio API"),
            ])
        }
        return .entries([
            "scheme": .plain("basic"),
            "username": .entries(["name": .string("Account SID"), "env": .plain("TWILIO_ACCOUNT_SID")]),
            "password": .entries(["name": .string("Auth Token"), "env": .plain("TWILIO_AUTH_TOKEN")]),
            "accountParameter": usesAccountParameter() ? .plain("AccountSid") : nil,
            "realm": .string("Twilio API"),
        ])
    }

    /// Whether every path parameter `AccountSid` is an Account's SID, so that clients fill it.
    func usesAccountParameter() -> Bool {
        var found = false
        for (_, item) in document.root["paths"]?.entries ?? [] {
            var parameters = item["parameters"]?.items ?? []
            for (key, operation) in item.entries where Importer.methods.contains(key) {
                parameters += operation["parameters"]?.items ?? []
            }
            for parameter in parameters {
                let resolved = parameter["$ref"]?.text.flatMap(document.resolve(reference:)) ?? parameter
                guard resolved["in"]?.text == "path", resolved["name"]?.text == "AccountSid" else { continue }
                guard let pattern = resolved["schema"]?["pattern"]?.text, ImportContext.sidPrefix(pattern) == "AC"
                else {
                    return false
                }
                found = true
            }
        }
        return found
    }

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

    /// English plurals of the regular kinds, each unlike every resource's name and other plural.
    /// A name that reads as a plural already (`BulkConsents`) gets `List` (`BulkConsentsList`).
    static func plurals(of resources: [String], api: String) -> [String: String] {
        // The API's own command is named after it, as each resource's is after its plural.
        var taken = Set(resources).union([api])
        var plurals: [String: String] = [:]
        for resource in resources {
            let candidates = [plural(resource), resource + "List", resource + "Collection"].compactMap { $0 }
            let chosen = candidates.first { !taken.contains($0) } ?? resource + "Items"
            taken.insert(chosen)
            plurals[resource] = chosen
        }
        return plurals
    }

    static func plural(_ name: String) -> String? {
        let lowered = name.lowercased()
        if lowered.hasSuffix("ss") || lowered.hasSuffix("sh") || lowered.hasSuffix("ch") || lowered.hasSuffix("x") {
            return name + "es"
        }
        if lowered.hasSuffix("s") { return nil }
        if lowered.hasSuffix("y"), let before = lowered.dropLast().last, !"aeiou".contains(before) {
            return name.dropLast() + "ies"
        }
        return name + "s"
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

    // MARK: Operations

    func operation(_ operation: FoundOperation, resource: String, hasPage: Bool) -> SpecValue {
        let node = operation.node
        let status = successStatus(operation, warn: true) ?? 200
        if successStatus(operation, warn: false) == nil {
            context.warn(
                "the operation declares no status of success; the spec says 200",
                at: node["responses"],
                operation.pointer / "responses"
            )
        }
        let body = successSchema(operation)
        let returns: String
        if [204, 304].contains(status) || body == nil {
            returns = "nothing"
        } else if operation.name == "list", hasPage, let body, pageParts(body.0, body.1) != nil {
            returns = "page"
        } else {
            returns = "resource"
        }
        let summary = ImportContext.prose(node["summary"]?.text)
        var description = ImportContext.prose(node["description"]?.text)
        if description?.text == summary?.text { description = nil }
        let security = node["security"]
        let isOpen = security != nil && security!.items.isEmpty && security!.sequence != nil

        var path: [(String, SpecValue)] = []
        var query: [(String, SpecValue)] = []
        var header: [(String, SpecValue)] = []
        var own: [(Node, Pointer)] =
            node["parameters"]?.items.enumerated().map { ($1, operation.pointer / "parameters" / String($0)) } ?? []
        let ownKeys = Set(own.compactMap { parameterKey($0.0) })
        own = operation.sharedParameters.filter { !ownKeys.contains(parameterKey($0.0) ?? "") } + own
        for (parameter, pointer) in own {
            let resolved = parameter["$ref"]?.text.flatMap(document.resolve(reference:)) ?? parameter
            guard let name = resolved["name"]?.text, let location = resolved["in"]?.text else {
                context.warn("a parameter without a name or a place; it is skipped", at: parameter, pointer)
                continue
            }
            guard ImportContext.isWireName(name) else {
                context.warn(
                    "'\(name)' cannot be a wire name in a spec; the parameter is skipped",
                    at: parameter,
                    pointer
                )
                continue
            }
            let required = resolved["required"]?.boolean ?? false
            switch location {
            case "path":
                path.append(
                    (
                        name,
                        self.parameter(
                            resolved,
                            pointer,
                            name: name,
                            resource: resource,
                            context: .path,
                            required: true
                        )
                    )
                )
            case "query" where resolved["schema"]?["format"]?.text?.hasPrefix("prefixed-collapsible-map") == true:
                context.warn(
                    "\(name) is sent flattened under a prefix (\(name).<key>=value), which a spec cannot say; it is skipped",
                    at: parameter,
                    pointer
                )
            case "query":
                query.append(
                    (
                        name,
                        self.parameter(
                            resolved,
                            pointer,
                            name: name,
                            resource: resource,
                            context: .query,
                            required: required
                        )
                    )
                )
            case "header"
            where ["authorization", "accept", "content-type", "user-agent", "host", "content-length"].contains(
                name.lowercased()
            ):
                context.warn(
                    "the header \(name) is set by the client itself (credentials go in the spec's auth); it is skipped",
                    at: parameter,
                    pointer
                )
            case "header":
                header.append(
                    (
                        name,
                        self.parameter(
                            resolved,
                            pointer,
                            name: name,
                            resource: resource,
                            context: .header,
                            required: required
                        )
                    )
                )
            default:
                context.warn("a spec has no \(location) parameters; \(name) is skipped", at: parameter, pointer)
            }
        }
        for placeholder in Importer.placeholders(operation.path) where !path.contains(where: { $0.0 == placeholder }) {
            context.warn(
                "the path's {\(placeholder)} has no parameter; it is taken as a string",
                at: node,
                operation.pointer
            )
            path.append((placeholder, .entries(["type": .plain("string")])))
        }
        var form: [(String, SpecValue)] = []
        var json: [(String, SpecValue)] = []
        if let requestBody = node["requestBody"] {
            let bodyPointer = operation.pointer / "requestBody"
            let resolvedBody = requestBody["$ref"]?.text.flatMap(document.resolve(reference:)) ?? requestBody
            var taken = false
            for (type, content) in resolvedBody["content"]?.entries ?? [] {
                let contentPointer = bodyPointer / "content" / type
                guard !taken else {
                    context.warn(
                        "a spec's operation takes one kind of body; this \(type) body is skipped",
                        at: content,
                        contentPointer
                    )
                    continue
                }
                guard let schema = content["schema"] else { continue }
                if type == "application/x-www-form-urlencoded" {
                    form = bodyMembers(schema, contentPointer / "schema", resource: resource, context: .form)
                    taken = true
                } else if type == "application/json" || type.hasSuffix("+json") {
                    if type != "application/json" {
                        context.warn(
                            "the body is sent as application/json, not \(type), which a spec does not name",
                            at: content,
                            contentPointer
                        )
                    }
                    json = bodyMembers(schema, contentPointer / "schema", resource: resource, context: .nested)
                    taken = true
                } else {
                    context.warn("a spec has no \(type) bodies; the body is skipped", at: content, contentPointer)
                }
            }
        }
        let outside = Set((path + query + header).map(\.0))
        for (key, _) in form + json where outside.contains(key) {
            context.warn(
                "the body's \(key) has the name of a parameter of the path, query or headers, which a spec's "
                    + "operation holds once; the body's is skipped",
                at: node["requestBody"],
                operation.pointer / "requestBody"
            )
        }
        form.removeAll { outside.contains($0.0) }
        json.removeAll { outside.contains($0.0) }
        if ["GET", "HEAD", "DELETE"].contains(operation.method), !form.isEmpty || !json.isEmpty {
            context.warn(
                "a \(operation.method) request sends no body in a spec; the body is skipped",
                at: node["requestBody"],
                operation.pointer / "requestBody"
            )
            form = []
            json = []
        }
        var paging: SpecValue?
        if returns == "page" {
            let queryNames = Set(query.map(\.0))
            let size = queryNames.contains("PageSize") ? "PageSize" : nil
            let cursors = ["Page", "PageToken"].filter(queryNames.contains)
            if size != nil || !cursors.isEmpty {
                paging = .entries([
                    "size": size.map { .plain($0) },
                    "cursors": cursors.isEmpty ? nil : .list(cursors.map { .plain($0) }),
                ])
            }
        }
        return .entries([
            "method": .plain(operation.method),
            "path": .string(operation.path),
            "status": .plain(String(status)),
            "returns": .plain(returns),
            "auth": isOpen ? .plain("none") : nil,
            "summary": summary,
            "description": description,
            "pathParameters": path.isEmpty ? nil : .mapping(path),
            "queryParameters": query.isEmpty ? nil : .mapping(query),
            "headerParameters": header.isEmpty ? nil : .mapping(header),
            "formParameters": form.isEmpty ? nil : .mapping(form),
            "jsonParameters": json.isEmpty ? nil : .mapping(json),
            "paging": paging,
        ])
    }

    func parameterKey(_ parameter: Node) -> String? {
        let resolved = parameter["$ref"]?.text.flatMap(document.resolve(reference:)) ?? parameter
        guard let name = resolved["name"]?.text, let location = resolved["in"]?.text else { return nil }
        return location + " " + name
    }

    /// The members of a form or JSON body, each a parameter.
    func bodyMembers(_ schema: Node, _ pointer: Pointer, resource: String, context typeContext: TypeContext)
        -> [(String, SpecValue)]
    {
        let shapes = context.shapes(of: schema, at: pointer, isAlternative: false)
        guard !shapes.isEmpty else {
            context.warn("the body is not an object of named members; it is skipped", at: schema, pointer)
            return []
        }
        if shapes.contains(where: \.isAlternative) {
            context.warn(
                "the body is one of \(shapes.count) shapes, which a spec cannot say; it takes the members of all, each optional",
                at: schema,
                pointer
            )
        }
        var result: [(String, SpecValue)] = []
        var seen: Set<String> = []
        for shape in shapes {
            let required = shape.isAlternative ? [] : Set(shape.node["required"]?.items.compactMap(\.text) ?? [])
            for (key, value) in shape.node["properties"]?.entries ?? [] where !seen.contains(key) {
                seen.insert(key)
                result += bodyMember(
                    key,
                    value,
                    shape.pointer / "properties" / key,
                    resource,
                    typeContext,
                    required.contains(key)
                )
            }
        }
        return result
    }

    private func bodyMember(
        _ key: String,
        _ value: Node,
        _ memberPointer: Pointer,
        _ resource: String,
        _ typeContext: TypeContext,
        _ isRequired: Bool
    ) -> [(String, SpecValue)] {
        guard ImportContext.isWireName(key) else {
            context.warn("'\(key)' cannot be a wire name in a spec; the member is skipped", at: value, memberPointer)
            return []
        }
        if typeContext == .form, value["format"]?.text?.hasPrefix("prefixed-collapsible-map") == true {
            context.warn(
                "\(key) is sent flattened under a prefix (\(value["format"]!.text!)), which a spec cannot say; it is skipped",
                at: value,
                memberPointer
            )
            return []
        }
        return [
            (
                key,
                parameter(
                    value,
                    memberPointer,
                    name: key,
                    resource: resource,
                    context: typeContext,
                    required: isRequired,
                    isSchema: true
                )
            )
        ]
    }

    /// A parameter: its type, whether it is required, its default and constraints.
    func parameter(
        _ parameter: Node,
        _ pointer: Pointer,
        name: String,
        resource: String,
        context typeContext: TypeContext,
        required: Bool,
        isSchema: Bool = false
    ) -> SpecValue {
        let schemaNode = isSchema ? parameter : (parameter["schema"] ?? parameter)
        let schemaPointer = isSchema ? pointer : pointer / "schema"
        if !isSchema, parameter["schema"] == nil {
            context.warn("the parameter has no schema; \(name) is a string", at: parameter, pointer)
        }
        let mapped = context.type(of: schemaNode, at: schemaPointer, name: name, owner: resource, context: typeContext)
        let constraints = Constraints(mapped: mapped, required: required, context: context, pointer: schemaPointer)
        return .entries([
            "type": .plain(mapped.type),
            "required": required && typeContext != .path ? .plain("true") : nil,
            "default": constraints.defaultValue,
            "minLength": constraints.minLength,
            "maxLength": constraints.maxLength,
            "minimum": constraints.minimum,
            "maximum": constraints.maximum,
            "pattern": constraints.pattern,
            "pii": context.pii(parameter, at: pointer) ?? context.resourcePII[ImportContext.normalized(name)],
            "properties": mapped.properties.map { .mapping($0) },
            "description": ImportContext.prose(parameter["description"]?.text ?? schemaNode["description"]?.text),
        ])
    }
}

extension ImportContext {
    /// A schema with a `$ref` followed, where it then stands, and the name that tells schemas apart.
    static func named(_ schema: Node, _ pointer: Pointer, document: OpenAPIDocument) -> (Node, Pointer, String) {
        if let reference = schema["$ref"]?.text, let target = document.resolve(reference: reference) {
            return (target, ImportContext.pointer(of: reference), reference)
        }
        return (schema, pointer, pointer.description)
    }

    func named(_ schema: Node, _ pointer: Pointer) -> (Node, Pointer, String) {
        ImportContext.named(schema, pointer, document: document)
    }
}
