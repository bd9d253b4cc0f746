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
struct FoundOperation {
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

struct Importer {
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
