/// What the in-memory handler (`gen --only memory`) does for each operation of an API: it keeps
/// the instances of each resource with a SID in a table, and serves `create`, `fetch`, `list`,
/// `update` and `delete` on them; any other operation answers 501. A projection of the plan,
/// made after it: every name it uses is the plan's.
public struct MemoryPlan: Sendable {
    /// A resource's table: the property of the handler holding it, and its model.
    public struct Table: Sendable {
        public let name: String
        public let typeName: String
    }

    /// A labelled argument, or an assignment to a member, with its value as Swift.
    public struct Value: Sendable {
        public let name: String
        public let value: String
        /// For an assignment: whether the value is optional, so it is assigned only when given.
        public let isOptional: Bool
        /// For a struct made of members: its type is `value`, and these its initializer's arguments.
        public var members: [Value]? = nil
    }

    public enum Action: Sendable {
        /// A new instance of the model with these arguments, stored under a new SID.
        case create(table: Table, sidType: String, arguments: [Value])
        case fetch(table: Table)
        case list(table: Table, size: String, index: String, pageType: String, arguments: [Value])
        case update(table: Table, assignments: [Value])
        case delete(table: Table)
        /// Answered with 501, saying why.
        case unserved(reason: String)
    }

    public struct Method: Sendable {
        public let operation: OperationPlan
        public let action: Action
        /// The SID of the instance, as text; nil for an operation without one.
        public let key: String?
        /// The SIDs (or other values) of the resources above, as text, in path order.
        public let scope: [String]
        /// The operation's path as the spec writes it (`/Accounts/{AccountSid}.json`), and the
        /// values of its placeholders as Swift, in order.
        public let pathTemplate: String
        public let pathValues: [String]
        /// The table the operation looks its instance up in.
        public let table: String?
        /// What the handler method returns, such as `SipDomain`; nil for nothing.
        public let returnType: String?
    }

    /// The handler type, such as `InMemorySipDomain`.
    public let typeName: String
    public let tables: [Table]
    public let methods: [Method]
    /// The resources served, and those not served with the reason.
    public let served: [String]
    public let unserved: [(name: String, reason: String)]

    /// The handler type of `plan`'s API, such as `InMemorySipDomain`.
    static func typeName(of plan: APIPlan) -> String { Namer.typeName("in_memory_" + plan.api.name) }

    public init(_ plan: APIPlan) {
        typeName = Self.typeName(of: plan)
        var tables: [Table] = []
        var methods: [Method] = []
        var served: [String] = []
        var unserved: [(String, String)] = []
        for resource in plan.resources {
            let builder = MemoryResourceBuilder(plan: plan, resource: resource)
            switch builder.table {
            case .success(let table):
                tables.append(table)
                let resourceMethods = resource.operations.map { builder.method($0) }
                methods += resourceMethods
                let unservedOperations = resourceMethods.filter {
                    if case .unserved = $0.action { return true } else { return false }
                }
                if unservedOperations.count < resourceMethods.count {
                    served.append(resource.typeName)
                } else {
                    unserved.append(
                        (resource.typeName, "none of its operations is create, fetch, list, update or delete")
                    )
                }
            case .failure(let reason):
                unserved.append((resource.typeName, reason.text))
                methods += resource.operations.map {
                    builder.method($0, unservedBecause: "\(resource.typeName) \(reason.text)")
                }
            }
        }
        self.tables = tables
        self.methods = methods
        self.served = served
        self.unserved = unserved
    }
}

private struct Reason: Error {
    let text: String
}

private struct MemoryResourceBuilder {
    let plan: APIPlan
    let resource: ResourcePlan

    /// The table, when the resource has a SID: its instance paths end in a SID parameter
    /// (`/Services/{Sid}` beside the collection `/Services`), which a property holds, `sid` or
    /// one of the parameter's name (`account_sid` for `AccountSid`).
    var table: Result<MemoryPlan.Table, Reason> {
        guard let identity = resource.operations.lazy.compactMap(key(of:)).first else {
            return .failure(Reason(text: "has no instance path that ends in a SID beside its collection's path"))
        }
        guard keyProperty != nil else {
            return .failure(Reason(text: "has no property sid of type \(identity.type.swiftName)"))
        }
        return .success(MemoryPlan.Table(name: resource.accessorName, typeName: resource.typeName))
    }

    /// The path parameter naming one instance: the last segment of an instance path, `{Sid}` in
    /// `/Services/{Sid}` or `/Messages/{Sid}.json`, when the resource has an operation on the
    /// collection, `/Services` or `/Messages.json`.
    func key(of operation: OperationPlan) -> ParameterPlan? {
        guard let (collection, name) = PathTemplate.collection(of: operation.operation.path),
            resource.operations.contains(where: { $0.operation.path == collection })
        else { return nil }
        return operation.parameters.first {
            $0.wireName == name && $0.parameter.location == .path && $0.type.kind == .sid
        }
    }

    /// The property holding an instance's SID.
    var keyProperty: PropertyPlan? {
        guard let identity = resource.operations.lazy.compactMap(key(of:)).first else { return nil }
        let candidates = resource.properties.filter {
            $0.type.kind == .sid && $0.type.swiftName == identity.type.swiftName
        }
        return candidates.first { $0.wireName == "sid" }
            ?? candidates.first { normalized($0.wireName) == normalized(identity.wireName) }
    }

    func method(_ operation: OperationPlan) -> MemoryPlan.Method {
        guard case .success(let table) = table else { return method(operation, unservedBecause: "") }
        let spec = operation.operation
        let hasIdentity = key(of: operation) != nil
        do {
            switch (spec.name, spec.returns, hasIdentity) {
            case ("create", .resource, false):
                return method(
                    operation,
                    .create(table: table, sidType: sidTypeName, arguments: try creation(operation))
                )
            case ("fetch", .resource, true):
                return method(operation, .fetch(table: table))
            case ("list", .page, false):
                return method(operation, try listing(operation, table))
            case ("update", .resource, true):
                return method(operation, .update(table: table, assignments: assignments(operation)))
            case ("delete", .nothing, true):
                return method(operation, .delete(table: table))
            default:
                return method(
                    operation,
                    unservedBecause: "it is not a create, fetch, list, update or delete of \(resource.typeName)"
                )
            }
        } catch {
            return method(operation, unservedBecause: error.text)
        }
    }

    func method(_ operation: OperationPlan, unservedBecause reason: String) -> MemoryPlan.Method {
        method(operation, .unserved(reason: reason))
    }

    private func method(_ operation: OperationPlan, _ action: MemoryPlan.Action) -> MemoryPlan.Method {
        let identity = key(of: operation)
        let scope = operation.path.compactMap { segment -> String? in
            guard case .parameter(let parameter) = segment, parameter.wireName != identity?.wireName else { return nil }
            return text(of: parameter)
        }
        let values = operation.path.compactMap { segment -> String? in
            guard case .parameter(let parameter) = segment else { return nil }
            return text(of: parameter)
        }
        let returnType: String? =
            switch operation.operation.returns {
            case .resource: resource.typeName
            case .page: resource.page?.typeName ?? resource.typeName
            case .nothing: nil
            }
        return MemoryPlan.Method(
            operation: operation,
            action: action,
            key: identity.map(text),
            scope: scope,
            pathTemplate: operation.operation.path,
            pathValues: values,
            table: try? table.get().name,
            returnType: returnType
        )
    }

    private var sidTypeName: String { keyProperty!.type.swiftName }

    /// A parameter's value as the text of its path segment.
    private func text(of parameter: ParameterPlan) -> String {
        switch parameter.type.kind {
        case .sid, .enumeration: "input.\(parameter.name).rawValue"
        case .string, .uri, .formatted: "input.\(parameter.name)"
        default: "String(describing: input.\(parameter.name))"
        }
    }

    /// The input parameter that sets a property: the same name once case and `_` are left out
    /// (`FriendlyName` and `friendly_name`), of the same Swift type.
    private func parameter(for property: PropertyPlan, in operation: OperationPlan) -> ParameterPlan? {
        operation.parameters.first {
            normalized($0.wireName) == normalized(property.wireName) && $0.type.swiftName == property.type.swiftName
                && $0.role != .pageSize && $0.role != .cursor
        }
    }

    private func normalized(_ name: String) -> String {
        String(name.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    private static let stamps: Set<String> = ["date_created", "date_updated"]

    /// The arguments of the model's initializer for a new instance: the new SID, the values the
    /// input gives, the time for its dates, and for what must have a value and is not given,
    /// the type's empty value.
    private func creation(_ operation: OperationPlan) throws(Reason) -> [MemoryPlan.Value] {
        var arguments: [MemoryPlan.Value] = []
        for property in resource.properties {
            let value: String?
            if property.wireName == keyProperty?.wireName {
                value = "sid"
            } else if let parameter = parameter(for: property, in: operation) {
                if parameter.required || parameter.role != .input || property.nullable {
                    value = "input.\(parameter.name)"
                } else {
                    value = "input.\(parameter.name) ?? \(try empty(property))"
                }
            } else if Self.stamps.contains(property.wireName),
                [.dateTime, .dateTimeRFC2822].contains(property.type.kind)
            {
                value = "InMemory.now"
            } else if property.nullable {
                value = nil
            } else {
                value = try empty(property)
            }
            if let value { arguments.append(MemoryPlan.Value(name: property.name, value: value, isOptional: false)) }
        }
        return arguments
    }

    /// What an update changes: each property the input gives, and `date_updated`.
    private func assignments(_ operation: OperationPlan) -> [MemoryPlan.Value] {
        var assignments: [MemoryPlan.Value] = []
        for property in resource.properties where property.wireName != keyProperty?.wireName {
            if let parameter = parameter(for: property, in: operation), parameter.role == .input {
                assignments.append(
                    MemoryPlan.Value(
                        name: property.name,
                        value: "input.\(parameter.name)",
                        isOptional: !parameter.required
                    )
                )
            } else if property.wireName == "date_updated", [.dateTime, .dateTimeRFC2822].contains(property.type.kind) {
                assignments.append(MemoryPlan.Value(name: property.name, value: "InMemory.now", isOptional: false))
            }
        }
        return assignments
    }

    private func listing(_ operation: OperationPlan, _ table: MemoryPlan.Table) throws(Reason) -> MemoryPlan.Action {
        guard let page = resource.page else { throw Reason(text: "\(resource.typeName) has no page") }
        let sizeParameter = operation.parameters.first { $0.role == .pageSize && $0.type.kind == .integer }
        let indexParameter = operation.parameters.first { $0.wireName == "Page" && $0.type.kind == .integer }
        let size = sizeParameter.map { $0.required ? "input.\($0.name)" : "input.\($0.name) ?? 50" } ?? "50"
        let index = indexParameter.map { $0.required ? "input.\($0.name)" : "input.\($0.name) ?? 0" } ?? "0"
        var arguments = [MemoryPlan.Value(name: page.itemsName, value: "page.items", isOptional: false)]
        for field in page.fields {
            if let value = try pageValue(field, itemsKey: page.page.itemsKey) { arguments.append(value) }
        }
        return .list(table: table, size: size, index: index, pageType: page.typeName, arguments: arguments)
    }

    /// A field of the page envelope, by its wire name: the page's number, size, bounds and
    /// links, the key of its items, or an object of those (the `meta` of Twilio's newer APIs).
    private func pageValue(_ field: PropertyPlan, itemsKey: String) throws(Reason) -> MemoryPlan.Value? {
        if let text = try pageText(field, itemsKey: itemsKey) {
            return MemoryPlan.Value(name: field.name, value: text, isOptional: false)
        }
        return try pageObject(field, itemsKey: itemsKey)
    }

    private func pageObject(_ field: PropertyPlan, itemsKey: String) throws(Reason) -> MemoryPlan.Value? {
        guard field.type.kind == .object, !field.members.isEmpty else {
            return field.nullable ? nil : MemoryPlan.Value(name: field.name, value: try empty(field), isOptional: false)
        }
        var members: [MemoryPlan.Value] = []
        for member in field.members {
            if let value = try pageValue(member, itemsKey: itemsKey) { members.append(value) }
        }
        return MemoryPlan.Value(name: field.name, value: field.type.swiftName, isOptional: false, members: members)
    }

    private func pageText(_ field: PropertyPlan, itemsKey: String) throws(Reason) -> String? {
        let integers: [String: String] = [
            "page": "page.index", "page_size": "page.size", "start": "page.start", "end": "page.end",
        ]
        let links: [String: String] = [
            "uri": "page.uri", "url": "page.uri", "first_page_uri": "page.firstPageURI",
            "first_page_url": "page.firstPageURI", "next_page_uri": "page.nextPageURI",
            "next_page_url": "page.nextPageURI", "previous_page_uri": "page.previousPageURI",
            "previous_page_url": "page.previousPageURI",
        ]
        let kind = field.type.kind
        if let value = integers[field.wireName], kind == .integer { return value }
        if let value = links[field.wireName], [.uri, .string].contains(kind) {
            let optionalLink = value == "page.nextPageURI" || value == "page.previousPageURI"
            return optionalLink && !field.nullable ? "\(value) ?? \"\"" : value
        }
        if field.wireName == "key", kind == .string { return SwiftLiteral.string(itemsKey) }
        return nil
    }

    /// The empty value of a property's type, for one that must have a value and is not given.
    private func empty(_ property: PropertyPlan) throws(Reason) -> String {
        switch property.type.kind {
        case .string, .uri, .formatted: return "\"\""
        case .integer, .number: return "0"
        case .boolean: return "false"
        case .array: return "[]"
        case .map, .uriMap: return "[:]"
        case .json: return ".null"
        case .dateTime, .dateTimeRFC2822: return "InMemory.now"
        case .sid: return "\(property.type.swiftName)(InMemory.newSid(prefix: \(property.type.swiftName).prefix))"
        case .enumeration:
            let enumeration = plan.enums.first { $0.typeName == property.type.swiftName }
            guard let first = enumeration?.cases.first else { break }
            return ".\(first.name)"
        case .date, .object:
            break
        }
        throw Reason(text: "its property \(property.wireName) must have a value, and the input gives none")
    }
}
