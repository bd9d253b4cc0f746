/// Emits the in-memory module (`gen --only memory`): a handler of the server's protocol that
/// keeps each resource with a SID in memory, for serving an API in tests and on a desk before
/// its backend exists. Generated only when asked for.
public struct MemoryEmitter: Emitter {
    public let piece = "memory"
    public let moduleSuffix = "Memory"

    public init() {}

    public func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    {
        let memory = MemoryPlan(plan)
        let view = MemoryView(header: FileHeader(specFile: plan.api.specFile).text, plan: plan, memory: memory)
        return [
            try file(
                "\(plan.modules.memory)/\(memory.typeName).swift",
                "Memory/handler",
                view,
                with: templates,
                options: options
            )
        ]
    }
}

/// What `Memory/handler.mustache` renders.
struct MemoryView {
    struct Table {
        let name: String
        let typeName: String
    }

    /// Where an operation finds its instance: the table, the key and scope as Swift, and the
    /// argument of the 404 that names its path.
    struct Lookup {
        let table: String
        let key: String
        let scope: String
        let path: String
    }

    struct Create {
        let table: String
        let sidType: String
        let modelType: String
        let arguments: String
        let scope: String
    }

    struct Listing {
        let table: String
        /// The arguments of the table's `page(scope:size:index:path:)`.
        let pageArguments: String
        let pageType: String
        let arguments: String
    }

    struct Assignment {
        let name: String
        let value: String
        let isOptional: Bool
    }

    struct Update {
        let lookup: Lookup
        let assignments: [Assignment]
    }

    struct Method {
        let name: String
        let inputType: String
        let authenticated: Bool
        let returnClause: String
        let create: Create?
        let fetch: Lookup?
        let list: Listing?
        let update: Update?
        let delete: Lookup?
        /// The arguments of the `APIError` of a 501.
        let unserved: String?
    }

    let header: String
    var imports: [String]
    var access = ""
    let docLines: [String]
    let typeName: String
    let protocolName: String
    let authorizationType: String
    /// What of the authorization names the caller: `username` or `token`.
    let callerMember: String
    let tables: [Table]
    let methods: [Method]

    init(header: String, plan: APIPlan, memory: MemoryPlan) {
        self.header = header
        // Not Foundation: a model may be named like one of its types (Twilio's `Bundle`).
        imports = ["GenServerRuntime", plan.modules.models, plan.modules.server]
        typeName = memory.typeName
        protocolName = plan.handlerTypeName
        let bearer = plan.api.auth.scheme == "bearer"
        authorizationType = bearer ? "BearerAuthorization" : "BasicAuthorization"
        callerMember = bearer ? "token" : "username"
        let served = memory.served.isEmpty ? "none" : memory.served.joined(separator: ", ")
        docLines = DocComment.lines(
            [
                "\(plan.api.title ?? plan.api.name) served from memory, for tests and for trying a client before the "
                    + "API's backend exists: `\(memory.typeName)().addRoutes(to: router)`. It creates, fetches, lists, "
                    + "updates and deletes the resources that have a SID, each found only under the path it was "
                    + "created at; every other operation answers 501 Not Implemented. It takes any well-formed "
                    + (bearer
                        ? "token (one that is not empty)." : "credentials (a username and a password, neither empty)."),
                "Resources served: \(served).",
            ] + memory.unserved.map { "Not served: \($0.name), which \($0.reason)." }
        )
        tables = memory.tables.map { Table(name: $0.name, typeName: $0.typeName) }
        methods = memory.methods.map { method in
            let operation = method.operation
            let pathCall =
                "InMemory.path("
                + SwiftLayout.arguments([
                    SwiftLiteral.string(method.pathTemplate), "[" + method.pathValues.joined(separator: ", ") + "]",
                ]) + ")"
            let path = SwiftLayout.arguments([pathCall])
            let scope = "[" + method.scope.joined(separator: ", ") + "]"
            let lookup = method.key.map { key in
                Lookup(table: method.table ?? "", key: key, scope: scope, path: path)
            }
            var create: Create?
            var fetch: Lookup?
            var list: Listing?
            var update: Update?
            var delete: Lookup?
            var unserved: String?
            switch method.action {
            case .create(let table, let sidType, let arguments):
                create = Create(
                    table: table.name,
                    sidType: sidType,
                    modelType: table.typeName,
                    arguments: Self.arguments(arguments),
                    scope: scope
                )
            case .fetch:
                fetch = lookup
            case .list(let table, let size, let index, let pageType, let arguments):
                list = Listing(
                    table: table.name,
                    pageArguments: SwiftLayout.arguments([
                        "scope: \(scope)", "size: \(size)", "index: \(index)", "path: \(pathCall)",
                    ]),
                    pageType: pageType,
                    arguments: Self.arguments(arguments)
                )
            case .update(_, let assignments):
                update = lookup.map { lookup in
                    Update(
                        lookup: lookup,
                        assignments: assignments.map {
                            Assignment(name: $0.name, value: $0.value, isOptional: $0.isOptional)
                        }
                    )
                }
            case .delete:
                delete = lookup
            case .unserved(let reason):
                unserved = SwiftLayout.arguments([
                    "status: .notImplemented", "code: nil",
                    "message: "
                        + SwiftLayout.stringLiteral(
                            "\(memory.typeName) does not serve \(operation.operationID): \(reason)."
                        ),
                ])
            }
            return Method(
                name: operation.handlerMethodName,
                inputType: operation.inputTypeName,
                authenticated: operation.operation.authenticated,
                returnClause: method.returnType.map { " -> \($0)" } ?? "",
                create: create,
                fetch: fetch,
                list: list,
                update: update,
                delete: delete,
                unserved: unserved
            )
        }
    }
}

extension MemoryView {
    /// Labelled arguments, a struct's own in a call of its initializer.
    static func arguments(_ values: [MemoryPlan.Value]) -> String {
        var labelled: [String] = []
        for value in values {
            if let members = value.members {
                labelled.append("\(value.name): \(value.value)(" + MemoryView.arguments(members) + ")")
            } else {
                labelled.append("\(value.name): \(value.value)")
            }
        }
        return SwiftLayout.arguments(labelled)
    }
}

extension MemoryView: FileView {
    static let templateNames: TemplateNames<Self> = [
        "header": \.header, "imports": \.imports, "access": \.access, "docLines": \.docLines, "typeName": \.typeName,
        "protocolName": \.protocolName, "authorizationType": \.authorizationType, "callerMember": \.callerMember,
        "tables": \.tables, "methods": \.methods,
    ]
}

extension MemoryView.Table: TemplateView {
    static let templateNames: TemplateNames<Self> = ["name": \.name, "typeName": \.typeName]
}

extension MemoryView.Lookup: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "table": \.table, "key": \.key, "scope": \.scope, "path": \.path,
    ]
}

extension MemoryView.Create: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "table": \.table, "sidType": \.sidType, "modelType": \.modelType, "arguments": \.arguments, "scope": \.scope,
    ]
}

extension MemoryView.Listing: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "table": \.table, "pageArguments": \.pageArguments, "pageType": \.pageType, "arguments": \.arguments,
    ]
}

extension MemoryView.Assignment: TemplateView {
    static let templateNames: TemplateNames<Self> = ["name": \.name, "value": \.value, "isOptional": \.isOptional]
}

extension MemoryView.Update: TemplateView {
    static let templateNames: TemplateNames<Self> = ["lookup": \.lookup, "assignments": \.assignments]
}

extension MemoryView.Method: TemplateView {
    static let templateNames: TemplateNames<Self> = [
        "name": \.name, "inputType": \.inputType, "authenticated": \.authenticated, "returnClause": \.returnClause,
        "create": \.create, "fetch": \.fetch, "list": \.list, "update": \.update, "delete": \.delete,
        "unserved": \.unserved,
    ]
}
