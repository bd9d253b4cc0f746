import Foundation
import GenCore
import Yams

/// Operations: method, path, status, what they return, their parameters and bodies.
extension Importer {
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

        let (path, query, header) = locatedParameters(operation, resource: resource)
        let (form, json) = bodyParameters(operation, resource: resource, outside: Set((path + query + header).map(\.0)))
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

    /// The parameters of the path, the query and the headers: the operation's own, and those of
    /// its path item that it does not redeclare; a placeholder without one is a string.
    func locatedParameters(_ operation: FoundOperation, resource: String) -> (
        path: [(String, SpecValue)], query: [(String, SpecValue)], header: [(String, SpecValue)]
    ) {
        let node = operation.node
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
            let read = { (context: TypeContext, required: Bool) in
                (
                    name,
                    self.parameter(
                        resolved,
                        pointer,
                        name: name,
                        resource: resource,
                        context: context,
                        required: required
                    )
                )
            }
            switch location {
            case "path":
                path.append(read(.path, true))
            case "query" where resolved["schema"]?["format"]?.text?.hasPrefix("prefixed-collapsible-map") == true:
                context.warn(
                    "\(name) is sent flattened under a prefix (\(name).<key>=value), which a spec cannot say; it is skipped",
                    at: parameter,
                    pointer
                )
            case "query":
                query.append(read(.query, required))
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
                header.append(read(.header, required))
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
        return (path, query, header)
    }

    /// The members of the operation's form or JSON body, but for those named like a parameter of
    /// the path, query or headers (`outside`), which a spec's operation holds once.
    func bodyParameters(_ operation: FoundOperation, resource: String, outside: Set<String>) -> (
        form: [(String, SpecValue)], json: [(String, SpecValue)]
    ) {
        let node = operation.node
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
        return (form, json)
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
