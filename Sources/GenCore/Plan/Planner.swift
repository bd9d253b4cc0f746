/// Builds the ``APIPlan`` of a checked spec: the one place that names things in Swift.
///
/// Each name is claimed in its scope as it is made, so that a spec whose names meet in Swift is
/// reported where it wrote them, with every other problem of the run.
struct Planner {
    var log = DiagnosticLog()
    let api: APIDefinition
    /// Every type the generated modules declare, across modules: they import each other.
    /// The structs of objects nested in properties, in the order they are planned.
    var objects: [ObjectPlan] = []
    var types = NameScope(
        kind: "type",
        reserved: ReservedNames.types,
        reservedBy: "the generated code or its runtime"
    )
    /// The structs of declared objects, by their spec names.
    private var sharedObjects: [String: ObjectPlan] = [:]
    private var sidTypes: [String: String] = [:]
    private var enumTypes: [String: String] = [:]
    /// Each operation's route on the server's router, in spec order; taken as operations are planned.
    var routes: IndexingIterator<[RouterPaths.Route]>

    /// Lowers and plans `spec`, reporting the problems of both stages at once.
    static func plan(_ spec: RawSpec) -> Result<APIPlan, DiagnosticError> {
        let (definition, problems) = SpecLowering.lowered(spec)
        var planner = Planner(api: definition)
        let plan = planner.plan()
        var log = DiagnosticLog()
        log.append(contentsOf: problems)
        log.append(contentsOf: planner.log.diagnostics)
        if !log.isEmpty { return .failure(DiagnosticError(log.sorted)) }
        return .success(plan)
    }

    /// Plans a definition that lowering accepted.
    static func plan(_ definition: APIDefinition) -> Result<APIPlan, DiagnosticError> {
        var planner = Planner(api: definition)
        let plan = planner.plan()
        if !planner.log.isEmpty { return .failure(DiagnosticError(planner.log.sorted)) }
        return .success(plan)
    }

    private init(api: APIDefinition) {
        self.api = api
        routes = RouterPaths(api.resources.flatMap(\.operations)).routes.makeIterator()
    }

    private mutating func plan() -> APIPlan {
        let name = api.name
        let source = api.source
        let at = { (what: String) in Located(what, at: source) }
        var sids: [SidPlan] = []
        for sid in api.sids { sids.append(plan(sid)) }
        var enums: [EnumPlan] = []
        for enumeration in api.enums { enums.append(plan(enumeration)) }
        for object in api.objects {
            let typeName = Namer.typeName(object.name)
            types.claim(typeName, for: Located("object \(object.name)", at: object.source), log: &log)
            let members = plan(object.properties, of: "object '\(object.name)'", typeName: typeName)
            let planned = ObjectPlan(typeName: typeName, description: object.description, properties: members)
            sharedObjects[object.name] = planned
            objects.append(planned)
        }
        let credentials = [api.auth.username, api.auth.password, api.auth.token].compactMap(\.self)
        let credentialOptions = Set(credentials.map(\.name).map(Namer.kebabCase))
        var operationIDs = NameScope(kind: "operation")
        var accessors = NameScope(
            kind: "resource",
            reserved: ReservedNames.clientMembers,
            reservedBy: "the client type"
        )
        var commands = NameScope(kind: "resource")
        var handlerMethods = NameScope(
            kind: "operation",
            reserved: ReservedNames.handlerMembers,
            reservedBy: "the handler protocol"
        )
        let account = api.auth.account.map { account in
            let name = Namer.memberName(account.wireName)
            return AccountPlan(
                wireName: account.wireName,
                name: name,
                argumentLabel: Namer.argumentLabel(name),
                sidTypeName: sidTypes[account.sidPrefix] ?? "",
                sidPrefix: account.sidPrefix
            )
        }
        var resources: [ResourcePlan] = []
        for resource in api.resources {
            let planned = plan(resource, account: account, credentialOptions: credentialOptions)
            let source = Located(resource.name, at: resource.source)
            accessors.claim(planned.accessorName, for: source, log: &log)
            commands.claim(planned.commandName, for: source, log: &log)
            for operation in planned.operations {
                let what = Located("\(operation.operation.name) of \(resource.name)", at: operation.operation.source)
                // The handler method and the input type are made of the same words as the
                // `operationId`: one report is enough.
                guard operationIDs.claim(operation.operationID, for: what, log: &log),
                    handlerMethods.claim(operation.handlerMethodName, for: what, log: &log)
                else { continue }
                types.claim(
                    operation.inputTypeName,
                    for: Located("input of \(operation.operation.name)", at: operation.operation.source),
                    log: &log
                )
            }
            resources.append(planned)
        }
        var modelTypes = Set(sids.map(\.typeName))
        modelTypes.formUnion(enums.map(\.typeName))
        modelTypes.formUnion(resources.map(\.typeName))
        modelTypes.formUnion(resources.compactMap(\.page?.typeName))
        let cliName = Namer.cliName(api: name)
        let plan = APIPlan(
            api: api,
            modules: Namer.modules(for: name),
            cliName: cliName,
            clientTypeName: Namer.clientTypeName(api: name),
            handlerTypeName: Namer.handlerTypeName(api: name),
            rootCommandTypeName: Namer.commandTypeName(name),
            baseURLVariable: Namer.baseURLVariable(cliName: cliName),
            errorSchemaName: Namer.errorSchemaName(avoiding: modelTypes),
            username: api.auth.username.map { credential($0, label: account?.name) },
            password: api.auth.password.map { credential($0, label: nil) },
            token: api.auth.token.map { credential($0, label: nil) },
            account: account,
            sids: sids,
            enums: enums,
            objects: objects,
            resources: resources
        )
        types.claim(plan.clientTypeName, for: at("the client of \(name)"), log: &log)
        types.claim(plan.handlerTypeName, for: at("the handler of \(name)"), log: &log)
        types.claim(plan.rootCommandTypeName, for: at("the command of \(name)"), log: &log)
        return plan
    }

    private func credential(_ credential: Auth.Credential, label: String?) -> CredentialPlan {
        CredentialPlan(
            credential: credential,
            label: label ?? Namer.memberName(credential.name),
            optionName: Namer.kebabCase(credential.name)
        )
    }

    // MARK: Declarations

    private mutating func plan(_ sid: SidType) -> SidPlan {
        let name = Namer.sidTypeName(entity: sid.entity)
        types.claim(name, for: Located(sid.entity, at: sid.source), log: &log)
        sidTypes[sid.prefix] = name
        return SidPlan(sid: sid, typeName: name)
    }

    private mutating func plan(_ enumeration: EnumType) -> EnumPlan {
        let name = Namer.typeName(enumeration.name)
        types.claim(name, for: Located(enumeration.name, at: enumeration.source), log: &log)
        enumTypes[enumeration.name] = name
        var scope = NameScope(kind: "case", of: "enum '\(enumeration.name)'")
        let cases = enumeration.values.map { value in
            let caseName = Namer.caseName(value.value)
            scope.claim(caseName, for: Located(value.value, at: value.source), log: &log)
            return EnumPlan.Case(value: value.value, name: caseName)
        }
        return EnumPlan(
            enumeration: enumeration,
            typeName: name,
            cases: cases,
            unknownCaseName: Namer.unknownCaseName(avoiding: cases.map(\.name))
        )
    }

    func type(_ type: FieldType) -> TypePlan {
        let swiftName: String =
            switch type.kind {
            case .string, .uri: "String"
            case .integer: "Int"
            case .boolean: "Bool"
            case .uriMap: "[String: String]"
            case .dateTimeRFC2822, .dateTime: "Date"
            case .number: "Double"
            case .date: "CalendarDate"
            case .formatted: "String"
            case .json: "JSONValue"
            case .array: "[" + (type.element.map { self.type($0).swiftName } ?? "") + "]"
            case .map: "[String: " + (type.element.map { self.type($0).swiftName } ?? "") + "]"
            // Named where its property is planned.
            case .object: ""
            case .sid: sidTypes[type.reference ?? ""] ?? ""
            case .enumeration: enumTypes[type.reference ?? ""] ?? ""
            }
        return TypePlan(type: type, swiftName: swiftName)
    }

    /// The properties of a type named `typeName`; an object among them becomes a struct named
    /// after both, such as `CallPageMeta`.
    private mutating func plan(_ properties: [Property], of owner: String, typeName: String) -> [PropertyPlan] {
        var scope = NameScope(kind: "property", of: owner)
        var planned: [PropertyPlan] = []
        for property in properties {
            let name = Namer.memberName(property.wireName)
            scope.claim(name, for: Located(property.wireName, at: property.source), log: &log)
            let (type, members) = typeOrObject(
                property.type,
                wireName: property.wireName,
                owner: typeName,
                description: property.description,
                source: property.source
            )
            planned.append(PropertyPlan(property: property, name: name, type: type, members: members))
        }
        return planned
    }

    /// The type of a property or parameter; an object, or an array of them, becomes a struct
    /// named after its owner and itself (`ServiceLinksItem` for an array's), whose members come
    /// with it (none for an array's).
    mutating func typeOrObject(
        _ fieldType: FieldType,
        wireName: String,
        owner: String,
        description: String?,
        source: SourceLocation
    ) -> (TypePlan, members: [PropertyPlan]) {
        let object = fieldType.kind == .object ? fieldType : fieldType.element
        guard let object, object.kind == .object else { return (type(fieldType), []) }
        // A declared object is one struct wherever it is used, planned with the API.
        if let reference = object.reference, let shared = sharedObjects[reference] {
            let swiftName =
                switch fieldType.kind {
                case .array: "[\(shared.typeName)]"
                case .map: "[String: \(shared.typeName)]"
                default: shared.typeName
                }
            return (TypePlan(type: fieldType, swiftName: swiftName), fieldType.kind == .object ? shared.properties : [])
        }
        let suffix = fieldType.kind == .array ? "_item" : fieldType.kind == .map ? "_value" : ""
        let objectName = Namer.typeName(owner + "_" + wireName + suffix)
        types.claim(objectName, for: Located("object \(wireName)", at: source), log: &log)
        let members = plan(object.properties ?? [], of: "object '\(wireName)'", typeName: objectName)
        objects.append(ObjectPlan(typeName: objectName, description: description, properties: members))
        let swiftName =
            switch fieldType.kind {
            case .array: "[\(objectName)]"
            case .map: "[String: \(objectName)]"
            default: objectName
            }
        return (TypePlan(type: fieldType, swiftName: swiftName), fieldType.kind == .object ? members : [])
    }

    // MARK: Resources

    private mutating func plan(
        _ resource: Resource,
        account: AccountPlan?,
        credentialOptions: Set<String>
    ) -> ResourcePlan {
        let typeName = Namer.typeName(resource.name)
        let source = Located(resource.name, at: resource.source)
        types.claim(typeName, for: source, log: &log)
        let plural = resource.plural.map(Namer.typeName) ?? typeName + "s"
        let properties = plan(resource.properties, of: "resource '\(resource.name)'", typeName: typeName)
        let page = resource.page.map { plan($0, of: resource) }
        var methods = NameScope(
            kind: "operation",
            reserved: ReservedNames.resourceClientMembers,
            reservedBy: "the client's resource type"
        )
        var commands = NameScope(kind: "operation", of: "resource '\(resource.name)'")
        let operations = resource.operations.map { operation in
            let planned = plan(
                operation,
                of: resource,
                page: page,
                account: account,
                credentialOptions: credentialOptions
            )
            let source = Located(operation.name, at: operation.source)
            methods.claim(planned.methodName, for: source, log: &log)
            if let paging = planned.paging {
                methods.claim(paging.singlePageMethodName, for: source, log: &log)
            }
            commands.claim(planned.commandName, for: source, log: &log)
            for alias in planned.commandAliases { commands.claim(alias, for: source, log: &log) }
            return planned
        }
        let commandTypeName = Namer.commandTypeName(plural)
        types.claim(plural, for: Located("plural of \(resource.name)", at: resource.source), log: &log)
        types.claim(commandTypeName, for: Located("command of \(resource.name)", at: resource.source), log: &log)
        return ResourcePlan(
            resource: resource,
            typeName: typeName,
            pluralTypeName: plural,
            accessorName: Namer.memberName(plural),
            commandName: Namer.kebabCase(plural),
            commandTypeName: commandTypeName,
            inputsFileName: typeName + "Inputs",
            properties: properties,
            page: page,
            operations: operations
        )
    }

    /// The Swift expression after `$0.` that reads the field at `path`, such as `meta?.nextPageUrl`.
    private static func expression(of path: [String], in fields: [PropertyPlan]) -> String? {
        guard let first = path.first, let field = fields.first(where: { $0.wireName == first }) else { return nil }
        guard path.count > 1 else { return field.name }
        guard let rest = Self.expression(of: Array(path.dropFirst()), in: field.members) else { return nil }
        return field.name + (field.nullable ? "?." : ".") + rest
    }

    private mutating func plan(_ page: Page, of resource: Resource) -> PagePlan {
        let typeName = Namer.pageTypeName(resource: resource.name)
        types.claim(typeName, for: Located("page of \(resource.name)", at: page.source), log: &log)
        let fields = plan(page.fields, of: "the page of '\(resource.name)'", typeName: typeName)
        let itemsName = Namer.memberName(page.itemsKey)
        if fields.contains(where: { $0.name == itemsName && $0.wireName != page.itemsKey }) {
            log.error("page field '\(page.itemsKey)' collides with the page's items key", at: page.source)
        }
        return PagePlan(
            page: page,
            typeName: typeName,
            itemsName: itemsName,
            fields: fields,
            next: page.next.flatMap { Self.expression(of: $0, in: fields) }
        )
    }
}
