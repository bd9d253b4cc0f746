import Foundation

/// Stage 2: checks a ``RawSpec`` and lowers it to an ``APIDefinition``, naming everything.
///
/// Every problem is logged with its location and lowering goes on, so one run reports all of
/// them; the result is returned only when there were none.
public struct SpecLowering {
    static let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
    static let returnKinds = Operation.Returns.allCases.map(\.rawValue)

    private var log = DiagnosticLog()
    private let spec: RawSpec
    private var sids: [String: SidType] = [:]
    private var enums: [String: EnumType] = [:]
    /// The types of the models module share one namespace: SIDs, enums, resources and pages.
    private var typeNames = NameScope(kind: "type")

    public static func lower(_ spec: RawSpec) -> Result<APIDefinition, DiagnosticError> {
        var lowering = SpecLowering(spec: spec)
        let definition = lowering.lower()
        if !lowering.log.isEmpty { return .failure(DiagnosticError(lowering.log.sorted)) }
        return .success(definition)
    }

    private init(spec: RawSpec) {
        self.spec = spec
        credentialOptions = Set(
            [spec.auth?.username?.name?.value, spec.auth?.password?.name?.value].compactMap { $0.map(Namer.kebabCase) }
        )
    }

    /// The CLI options of the credentials, which parameters' options must not take.
    private let credentialOptions: Set<String>

    private mutating func lower() -> APIDefinition {
        let name = spec.name.map { checkedTypeName($0, "the spec's name") } ?? ""
        if let baseURL = spec.baseURL, !(baseURL.value.hasPrefix("https://") || baseURL.value.hasPrefix("http://")) {
            log.error("baseUrl must be an http:// or https:// URL, found '\(baseURL.value)'", at: baseURL.location)
        }
        let sidList = lowerSids()
        let enumList = lowerEnums()
        // OpenAPI `operationId`s, unique in the whole API.
        var operationIDs = NameScope(kind: "operation")
        let resources = spec.resources.map { lower($0, operationIDs: &operationIDs) }
        let auth = lowerAuth(resources: resources)
        let modelTypeNames = Set(
            sidList.map(\.swiftName) + enumList.map(\.swiftName) + resources.map(\.swiftName)
                + resources.compactMap(\.page?.swiftName)
        )
        return APIDefinition(
            specFile: URL(fileURLWithPath: spec.file).lastPathComponent,
            name: name,
            cliName: Namer.cliName(api: name),
            title: spec.title?.value,
            description: spec.description?.value,
            baseURL: spec.baseURL?.value ?? "",
            auth: auth,
            errors: ErrorCodes(
                authentication: spec.errors?.authentication?.value,
                notFound: spec.errors?.notFound?.value,
                invalidParameter: spec.errors?.invalidParameter?.value
            ),
            modules: Namer.modules(for: name),
            errorSchemaName: Namer.errorSchemaName(avoiding: modelTypeNames),
            sids: sidList,
            enums: enumList,
            resources: resources
        )
    }

    // MARK: Declarations

    private mutating func lowerAuth(resources: [Resource]) -> Auth {
        let auth = spec.auth
        if let scheme = auth?.scheme, scheme.value != "basic" {
            log.error("unsupported auth scheme '\(scheme.value)'; only 'basic' is supported", at: scheme.location)
        }
        func credential(_ raw: RawCredential?) -> Auth.Credential {
            if let variable = raw?.environmentVariable,
                variable.value.isEmpty
                    || !variable.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            {
                log.error("'\(variable.value)' is not an environment variable name", at: variable.location)
            }
            let name = raw?.name?.value ?? ""
            return Auth.Credential(
                name: name,
                environmentVariable: raw?.environmentVariable?.value,
                optionName: Namer.kebabCase(name)
            )
        }
        return Auth(
            scheme: auth?.scheme?.value ?? "basic",
            username: credential(auth?.username),
            password: credential(auth?.password),
            account: auth?.accountParameter.flatMap { accountParameter($0, resources: resources) }
        )
    }

    /// The account parameter: a path parameter of one SID type wherever it appears.
    private mutating func accountParameter(_ name: Located<String>, resources: [Resource]) -> Auth.AccountParameter? {
        let uses = resources.flatMap(\.operations).flatMap(\.parameters).filter {
            $0.wireName == name.value && $0.location == .path
        }
        guard let first = uses.first else {
            log.error("accountParameter '\(name.value)' is not a path parameter of any operation", at: name.location)
            return nil
        }
        guard first.type.kind == .sid, let prefix = first.type.reference,
            uses.allSatisfy({ $0.type == first.type })
        else {
            log.error(
                "accountParameter '\(name.value)' must be a path parameter of one SID type in every operation",
                at: name.location
            )
            return nil
        }
        return Auth.AccountParameter(
            wireName: name.value,
            swiftName: first.swiftName,
            sidType: first.type.swiftType,
            sidPrefix: prefix
        )
    }

    private mutating func lowerSids() -> [SidType] {
        var result: [SidType] = []
        for (prefix, entity) in spec.sids {
            guard prefix.value.count == 2, prefix.value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                log.error("a SID prefix is two capital letters, found '\(prefix.value)'", at: prefix.location)
                continue
            }
            checkedTypeName(entity, "a SID's entity")
            let swiftName = Namer.sidTypeName(entity: entity.value)
            guard typeNames.claim(swiftName, for: entity, log: &log) else { continue }
            let sid = SidType(
                prefix: prefix.value,
                entity: entity.value,
                swiftName: swiftName,
                pattern: "^\(prefix.value)[0-9a-fA-F]{32}$"
            )
            sids[prefix.value] = sid
            result.append(sid)
        }
        return result
    }

    private mutating func lowerEnums() -> [EnumType] {
        var result: [EnumType] = []
        for raw in spec.enums {
            let swiftName = checkedTypeName(raw.name, "an enum's name")
            guard typeNames.claim(swiftName, for: raw.name, log: &log) else { continue }
            if raw.values.isEmpty {
                log.error("enum '\(raw.name.value)' has no values", at: raw.name.location)
            }
            var values = Set<String>()
            var caseNames = NameScope(kind: "case", of: "enum '\(raw.name.value)'")
            var cases: [EnumType.Case] = []
            for value in raw.values {
                guard values.insert(value.value).inserted else {
                    log.error("duplicate value '\(value.value)' in enum '\(raw.name.value)'", at: value.location)
                    continue
                }
                let caseName = Namer.caseName(value.value)
                guard caseNames.claim(caseName, for: value, log: &log) else { continue }
                cases.append(EnumType.Case(value: value.value, swiftName: caseName))
            }
            let enumeration = EnumType(
                name: raw.name.value,
                swiftName: swiftName,
                description: raw.description?.value,
                cases: cases,
                unknownCaseName: Namer.unknownCaseName(avoiding: cases.map(\.swiftName))
            )
            enums[raw.name.value] = enumeration
            result.append(enumeration)
        }
        return result
    }

    // MARK: Resources

    /// `operationIDs` holds the OpenAPI `operationId`s of the resources lowered before.
    private mutating func lower(_ raw: RawResource, operationIDs: inout NameScope) -> Resource {
        let swiftName = checkedTypeName(raw.name, "a resource's name")
        typeNames.claim(swiftName, for: raw.name, log: &log)
        let plural = raw.plural.map { checkedTypeName($0, "a resource's plural") } ?? swiftName + "s"
        // `properties` is nil when it is missing or not a mapping, which is reported already.
        if raw.properties?.isEmpty == true {
            log.error("resource '\(raw.name.value)' has no properties", at: raw.name.location)
        }
        let properties = lowerProperties(raw.properties ?? [], of: "resource '\(raw.name.value)'")
        // Checked against the names as written, so that a property with another problem is
        // not reported a second time here.
        let wireNames = (raw.properties ?? []).map(\.name.value)
        for output in raw.defaultOutput where raw.properties != nil && !wireNames.contains(output.value) {
            log.error(
                "defaultOutput names '\(output.value)', which is not a property of '\(raw.name.value)'"
                    + Suggestion.hint(for: output.value, in: wireNames),
                at: output.location
            )
        }
        let page = raw.page.map { lower($0, resource: raw.name.value) }
        if let page, let location = raw.page?.location {
            typeNames.claim(page.swiftName, for: Located("page of \(raw.name.value)", at: location), log: &log)
        }

        var operationNames = NameScope(kind: "operation")
        var routes: [String: Located<String>] = [:]
        var operations: [Operation] = []
        for rawOperation in raw.operations {
            guard let operation = lower(rawOperation, resource: raw.name.value, hasPage: page != nil) else { continue }
            guard operationNames.claim(operation.swiftName, for: rawOperation.name, log: &log),
                operationIDs.claim(
                    operation.operationID,
                    for: Located("\(rawOperation.name.value) of \(raw.name.value)", at: rawOperation.name.location),
                    log: &log
                )
            else { continue }
            if let paging = operation.paging {
                operationNames.claim(paging.singlePageSwiftName, for: rawOperation.name, log: &log)
            }
            let route = "\(operation.method) \(operation.path)"
            if let other = routes[route] {
                log.error(
                    "operation '\(rawOperation.name.value)' has the same method and path as '\(other.value)'",
                    at: rawOperation.name.location
                )
            }
            routes[route] = rawOperation.name
            operations.append(operation)
        }
        return Resource(
            name: raw.name.value,
            swiftName: swiftName,
            pluralSwiftName: plural,
            accessorName: Namer.memberName(plural),
            commandName: Namer.kebabCase(plural),
            description: raw.description?.value,
            defaultOutput: raw.defaultOutput.map(\.value),
            properties: properties,
            page: page,
            operations: operations
        )
    }

    private mutating func lower(_ raw: RawPage, resource: String) -> Page {
        var items = "items"
        if let key = raw.items {
            items = key.value
            checkWireName(key)
        }
        let fields = lowerProperties(raw.fields, of: "the page of '\(resource)'")
        let itemsName = Namer.memberName(items)
        if fields.contains(where: { $0.swiftName == itemsName || $0.wireName == items }), let key = raw.items {
            log.error("page field '\(items)' collides with the page's items key", at: key.location)
        }
        var nextSwiftName: String?
        if let next = raw.next {
            if let field = fields.first(where: { $0.wireName == next.value }) {
                if field.type.kind == .string || field.type.kind == .uri {
                    nextSwiftName = field.swiftName
                } else {
                    log.error("page field '\(next.value)' holds a \(field.type.spec), not a URI", at: next.location)
                }
            } else {
                log.error(
                    "'next' names '\(next.value)', which is not a page field"
                        + Suggestion.hint(for: next.value, in: raw.fields.map(\.name.value)),
                    at: next.location
                )
            }
        }
        return Page(
            swiftName: Namer.pageTypeName(resource: resource),
            itemsKey: items,
            itemsSwiftName: itemsName,
            nextSwiftName: nextSwiftName,
            fields: fields
        )
    }

    private mutating func lowerProperties(_ raws: [RawField], of owner: String) -> [Property] {
        var names = NameScope(kind: "property", of: owner)
        return raws.compactMap { raw in
            checkWireName(raw.name)
            let swiftName = Namer.memberName(raw.name.value)
            let type = raw.type.flatMap { FieldTypeParser.parse($0, sids: sids, enums: enums, log: &log) }
            guard names.claim(swiftName, for: raw.name, log: &log), let type else { return nil }
            return Property(
                wireName: raw.name.value,
                swiftName: swiftName,
                type: type,
                nullable: raw.nullable?.value ?? false,
                pii: lower(raw.pii),
                description: raw.description?.value
            )
        }
    }

    private mutating func lower(_ raw: RawPII?) -> PII? {
        guard let raw else { return nil }
        let handling = raw.handling?.value ?? "standard"
        if let days = raw.retentionDays, days.value <= 0 {
            log.error("retentionDays must be a positive number of days, found \(days.value)", at: days.location)
        }
        return PII(handling: handling, retentionDays: raw.retentionDays?.value)
    }

    // MARK: Operations

    private mutating func lower(_ raw: RawOperation, resource: String, hasPage: Bool) -> Operation? {
        let what = "operation '\(raw.name.value)'"
        if let method = raw.method, !Self.httpMethods.contains(method.value) {
            log.error(
                "unknown HTTP method '\(method.value)' in \(what)"
                    + Suggestion.hint(for: method.value, in: Self.httpMethods),
                at: method.location
            )
        }
        if let status = raw.status, !(100...599).contains(status.value) {
            log.error("status \(status.value) of \(what) is not an HTTP status code (100 to 599)", at: status.location)
        }
        var returns = Operation.Returns.nothing
        if let raw = raw.returns {
            if let value = Operation.Returns(rawValue: raw.value) {
                returns = value
                if value == .page, !hasPage {
                    log.error("\(what) returns a page, but the resource declares no 'page'", at: raw.location)
                }
            } else {
                log.error(
                    "unknown return kind '\(raw.value)'\(Suggestion.hint(for: raw.value, in: Self.returnKinds)); "
                        + "expected one of \(Self.returnKinds.joined(separator: ", "))",
                    at: raw.location
                )
            }
        }
        if let form = raw.formLocation, let method = raw.method?.value, ["GET", "HEAD", "DELETE"].contains(method) {
            log.error("\(what) uses \(method), which sends no body, but declares formParameters", at: form)
        }

        var names = NameScope(kind: "parameter", of: what)
        var wireNames = Set<String>()
        var parameters: [Parameter] = []
        let groups: [(Parameter.Location, [RawField])] = [
            (.path, raw.pathParameters), (.query, raw.queryParameters), (.form, raw.formParameters),
        ]
        for (location, raws) in groups {
            for rawParameter in raws {
                guard wireNames.insert(rawParameter.name.value).inserted else {
                    log.error(
                        "parameter '\(rawParameter.name.value)' is declared twice in \(what)",
                        at: rawParameter.name.location
                    )
                    continue
                }
                guard let parameter = lower(rawParameter, location),
                    names.claim(parameter.swiftName, for: rawParameter.name, log: &log)
                else { continue }
                parameters.append(parameter)
            }
        }
        if let path = raw.path { checkPath(path, parameters: raw.pathParameters, what: what) }

        let swiftName = Namer.memberName(raw.name.value)
        let paging = raw.paging.flatMap { lowerPaging($0, operation: raw.name.value, returns: returns, parameters) }
        guard let method = raw.method?.value, let path = raw.path?.value, let status = raw.status?.value else {
            return nil
        }
        return Operation(
            name: raw.name.value,
            swiftName: swiftName,
            operationID: Namer.operationID(operation: raw.name.value, resource: resource),
            commandName: Namer.command(operation: raw.name.value).name,
            commandAliases: Namer.command(operation: raw.name.value).aliases,
            method: method,
            path: path,
            status: status,
            returns: returns,
            summary: raw.summary?.value,
            description: raw.description?.value,
            parameters: parameters,
            paging: paging
        )
    }

    /// Paging applies to an operation that returns a page; its size and cursors are query parameters.
    private mutating func lowerPaging(
        _ raw: RawPaging,
        operation: String,
        returns: Operation.Returns,
        _ parameters: [Parameter]
    ) -> Paging? {
        let what = "operation '\(operation)'"
        guard returns == .page else {
            log.error("'paging' applies to operations that return a page, not to \(what)", at: raw.location)
            return nil
        }
        let query = parameters.filter { $0.location == .query }
        func queryParameter(_ name: Located<String>) -> Parameter? {
            if let parameter = query.first(where: { $0.wireName == name.value }) { return parameter }
            log.error(
                "'\(name.value)' is not a query parameter of \(what)"
                    + Suggestion.hint(for: name.value, in: query.map(\.wireName)),
                at: name.location
            )
            return nil
        }
        let cursors = raw.cursors.compactMap(queryParameter)
        guard let sizeName = raw.size, let size = queryParameter(sizeName) else { return nil }
        guard size.type.kind == .integer else {
            log.error("the page size '\(sizeName.value)' of \(what) must be an integer", at: sizeName.location)
            return nil
        }
        // The method that goes through all pages takes `limit` beside the other parameters.
        if let clash = parameters.first(where: { $0.swiftName == "limit" && $0.wireName != size.wireName }) {
            log.error(
                "parameter '\(clash.wireName)' of \(what) clashes with the `limit` of its paged method",
                at: raw.location
            )
            return nil
        }
        return Paging(
            sizeParameter: size.wireName,
            sizeSwiftName: size.swiftName,
            maxPageSize: size.constraints.maximum,
            cursorParameters: cursors.map(\.wireName),
            singlePageSwiftName: Namer.singlePageMethodName(operation: operation)
        )
    }

    /// Every `{Placeholder}` in the path has a path parameter, and every path parameter a placeholder.
    private mutating func checkPath(_ path: Located<String>, parameters: [RawField], what: String) {
        guard path.value.hasPrefix("/") else {
            log.error("the path of \(what) must start with '/', found '\(path.value)'", at: path.location)
            return
        }
        let declared = parameters.map(\.name.value)
        var placeholders: [String] = []
        var rest = Substring(path.value)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                log.error("unclosed '{' in the path of \(what)", at: path.location)
                return
            }
            placeholders.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if rest.contains("}") {
            log.error("unmatched '}' in the path of \(what)", at: path.location)
        }
        for placeholder in placeholders where !declared.contains(placeholder) {
            log.error(
                "path placeholder '{\(placeholder)}' of \(what) has no path parameter"
                    + Suggestion.hint(for: placeholder, in: declared),
                at: path.location
            )
        }
        for parameter in parameters where !placeholders.contains(parameter.name.value) {
            log.error(
                "path parameter '\(parameter.name.value)' does not appear in the path of \(what)",
                at: parameter.name.location
            )
        }
    }

    private mutating func lower(_ raw: RawField, _ location: Parameter.Location) -> Parameter? {
        checkWireName(raw.name)
        let what = "parameter '\(raw.name.value)'"
        if location == .path, let required = raw.required, !required.value {
            log.error("path \(what) is always required; remove 'required: false'", at: required.location)
        }
        let required = location == .path || raw.required?.value == true
        guard let typeText = raw.type, let type = FieldTypeParser.parse(typeText, sids: sids, enums: enums, log: &log)
        else { return nil }
        if type.kind == .uriMap {
            log.error("\(what) cannot be a uri-map: a request sends one value a name", at: typeText.location)
            return nil
        }
        let constraints = checkedConstraints(raw, type: type, what: what)
        var defaultValue: DefaultValue?
        if let rawDefault = raw.defaultValue {
            if required {
                log.error("required \(what) cannot have a default", at: rawDefault.location)
            }
            defaultValue = checkedDefault(rawDefault, type: type, constraints: constraints, what: what)
        }
        return Parameter(
            wireName: raw.name.value,
            location: location,
            swiftName: Namer.memberName(raw.name.value),
            optionName: Namer.optionName(raw.name.value, taken: credentialOptions),
            type: type,
            required: required,
            defaultValue: defaultValue,
            constraints: constraints,
            pii: lower(raw.pii),
            description: raw.description?.value,
            errorCode: raw.errorCode?.value
        )
    }

    // MARK: Constraints

    /// The constraints a parameter declares, each checked against its type and the others.
    private mutating func checkedConstraints(_ raw: RawField, type: FieldType, what: String) -> Constraints {
        let isText = type.kind == .string || type.kind == .uri
        func misplaced(_ key: String, _ value: Located<Int>?, allowed: Bool, appliesTo: String) -> Int? {
            guard let value else { return nil }
            guard allowed else {
                log.error("'\(key)' applies to \(appliesTo), not to \(what) of type \(type.spec)", at: value.location)
                return nil
            }
            return value.value
        }
        var constraints = Constraints(
            minLength: misplaced("minLength", raw.minLength, allowed: isText, appliesTo: "strings"),
            maxLength: misplaced("maxLength", raw.maxLength, allowed: isText, appliesTo: "strings"),
            minimum: misplaced("minimum", raw.minimum, allowed: type.kind == .integer, appliesTo: "integers"),
            maximum: misplaced("maximum", raw.maximum, allowed: type.kind == .integer, appliesTo: "integers")
        )
        for length in [raw.minLength, raw.maxLength].compactMap({ $0 }) where isText && length.value < 0 {
            log.error("a length cannot be negative, found \(length.value)", at: length.location)
        }
        if let low = constraints.minLength, let high = raw.maxLength, low > high.value {
            log.error("minLength \(low) is greater than maxLength \(high.value) for \(what)", at: high.location)
        }
        if let low = constraints.minimum, let high = raw.maximum, low > high.value {
            log.error("minimum \(low) is greater than maximum \(high.value) for \(what)", at: high.location)
        }
        if let pattern = raw.pattern {
            if type.kind == .sid {
                log.error(
                    "'pattern' does not apply to \(what) of type \(type.spec): a SID's pattern follows from its prefix",
                    at: pattern.location
                )
            } else if !isText {
                log.error("'pattern' applies to strings, not to \(what) of type \(type.spec)", at: pattern.location)
            } else if (try? NSRegularExpression(pattern: pattern.value)) == nil {
                log.error("'\(pattern.value)' is not a valid regular expression", at: pattern.location)
            } else {
                constraints.pattern = pattern.value
            }
        }
        if type.kind == .sid, let reference = type.reference {
            constraints.pattern = sids[reference]?.pattern
        }
        return constraints
    }

    private mutating func checkedDefault(
        _ raw: RawScalar,
        type: FieldType,
        constraints: Constraints,
        what: String
    ) -> DefaultValue? {
        switch type.kind {
        case .integer:
            guard !raw.isQuoted, let value = Int(raw.text) else {
                log.error("the default of \(what) must be a whole number, found '\(raw.text)'", at: raw.location)
                return nil
            }
            if let minimum = constraints.minimum, value < minimum {
                log.error("the default \(value) of \(what) is below its minimum \(minimum)", at: raw.location)
            }
            if let maximum = constraints.maximum, value > maximum {
                log.error("the default \(value) of \(what) is above its maximum \(maximum)", at: raw.location)
            }
            return .integer(value)
        case .boolean:
            guard !raw.isQuoted, let value = Bool(raw.text) else {
                log.error("the default of \(what) must be true or false, found '\(raw.text)'", at: raw.location)
                return nil
            }
            return .boolean(value)
        case .enumeration:
            let values = enums[type.reference ?? ""]?.cases.map(\.value) ?? []
            guard values.contains(raw.text) else {
                log.error(
                    "the default '\(raw.text)' of \(what) is not a value of \(type.spec)"
                        + Suggestion.hint(for: raw.text, in: values),
                    at: raw.location
                )
                return nil
            }
            return .string(raw.text)
        case .string, .uri:
            if let maxLength = constraints.maxLength, raw.text.count > maxLength {
                log.error("the default of \(what) is longer than its maxLength \(maxLength)", at: raw.location)
            }
            if let pattern = constraints.pattern, !Self.matchesWhole(raw.text, pattern) {
                log.error("the default '\(raw.text)' of \(what) does not match its pattern", at: raw.location)
            }
            return .string(raw.text)
        case .sid, .uriMap, .dateTimeRFC2822:
            log.error("\(what) of type \(type.spec) cannot have a default", at: raw.location)
            return nil
        }
    }

    /// Whether `pattern` matches all of `text`, as the generated server checks a value: the
    /// pattern is anchored at both ends, so `[a-z]+` does not accept `abc1`.
    static func matchesWhole(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z") else { return false }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..<text.endIndex, in: text)) != nil
    }

    // MARK: Names

    /// Wire names are what the API sends: letters, digits, `_`, `-` and `.`.
    private mutating func checkWireName(_ name: Located<String>) {
        let allowed = name.value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
        if name.value.isEmpty || !allowed
            || !(name.value.first!.isLetter || name.value.first!.isNumber || name.value.first == "_")
        {
            log.error(
                "invalid wire name '\(name.value)': use letters, digits, '_', '-' and '.', "
                    + "starting with a letter, a digit or '_'",
                at: name.location
            )
        }
    }

    /// A type name from a spec name, which must contain a letter.
    @discardableResult
    private mutating func checkedTypeName(_ name: Located<String>, _ what: String) -> String {
        guard name.value.contains(where: { $0.isLetter }),
            name.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-. ".contains($0)) })
        else {
            log.error("'\(name.value)' cannot be \(what): use letters, digits, '_' and '-'", at: name.location)
            return "Invalid"
        }
        return Namer.typeName(name.value)
    }
}

/// The Swift names already used in one scope, to report two spec names that give the same one.
private struct NameScope {
    /// What the names are, and of what: `("property", "resource 'SipDomain'")`.
    let kind: String
    let owner: String?
    private var claimed: [String: Located<String>] = [:]

    init(kind: String, of owner: String? = nil) {
        self.kind = kind
        self.owner = owner
    }

    /// Whether `swiftName` was still free; when not, the collision is logged at `source`.
    @discardableResult
    mutating func claim(_ swiftName: String, for source: Located<String>, log: inout DiagnosticLog) -> Bool {
        if let first = claimed[swiftName] {
            let what = "\(kind) '\(source.value)'" + (owner.map { " of \($0)" } ?? "")
            let message =
                first.value == source.value
                ? "duplicate \(what) (first at line \(first.location.line))"
                : "\(what) becomes '\(swiftName)' in Swift, as '\(first.value)' on line \(first.location.line) does"
            log.error(message, at: source.location)
            return false
        }
        claimed[swiftName] = source
        return true
    }
}
