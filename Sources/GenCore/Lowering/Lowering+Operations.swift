/// Operations: method, path, status, what they return, their parameters and paging.
extension SpecLowering {
    static let httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"]
    static let returnKinds = Operation.Returns.allCases.map(\.rawValue)
    /// Headers the client and the HTTP layer set, which a parameter must not.
    static let reservedHeaders: Set<String> = [
        "authorization", "accept", "user-agent", "content-type", "content-length", "host", "transfer-encoding",
        "connection",
    ]

    mutating func lower(_ raw: RawOperation, hasPage: Bool) -> Operation? {
        let what = "operation '\(raw.name.value)'"
        if let method = raw.method, !Self.httpMethods.contains(method.value) {
            log.error(
                "unknown HTTP method '\(method.value)' in \(what)"
                    + Suggestion.hint(for: method.value, in: Self.httpMethods),
                at: method.location
            )
        }
        if let status = raw.status, !(200...399).contains(status.value) {
            log.error(
                "status \(status.value) of \(what) is not a status of success: 200 to 299, or 300 to 399 for an "
                    + "answer that is not followed",
                at: status.location
            )
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
        if let auth = raw.auth, auth.value != "none" {
            log.error(
                "'auth' of \(what) is '\(auth.value)': write 'none' for an operation that takes no credentials, "
                    + "or leave it out for the API's",
                at: auth.location
            )
        }
        if returns != .nothing, let status = raw.status, [204, 304].contains(status.value) {
            log.error("\(what) answers \(status.value), which has no body: it must return nothing", at: status.location)
        }
        for (key, location) in [("formParameters", raw.formLocation), ("jsonParameters", raw.jsonLocation)] {
            if let location, let method = raw.method?.value, ["GET", "HEAD", "DELETE"].contains(method) {
                log.error("\(what) uses \(method), which sends no body, but declares \(key)", at: location)
            }
        }
        if raw.formLocation != nil, let json = raw.jsonLocation {
            log.error(
                "\(what) declares both formParameters and jsonParameters; a request has one body",
                at: json
            )
        }

        var wireNames = Set<String>()
        var parameters: [Parameter] = []
        let groups: [(Parameter.Location, [RawField])] = [
            (.path, raw.pathParameters), (.query, raw.queryParameters), (.header, raw.headerParameters),
            (.form, raw.formParameters), (.json, raw.jsonParameters),
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
                if let parameter = lower(rawParameter, location) { parameters.append(parameter) }
            }
        }
        if let path = raw.path { checkPath(path, parameters: raw.pathParameters, what: what) }

        let paging = raw.paging.flatMap { lowerPaging($0, operation: raw.name.value, returns: returns, parameters) }
        guard let method = raw.method?.value, let path = raw.path?.value, let status = raw.status?.value else {
            return nil
        }
        return Operation(
            name: raw.name.value,
            method: method,
            path: path,
            status: status,
            returns: returns,
            summary: raw.summary?.value,
            description: raw.description?.value,
            parameters: parameters,
            paging: paging,
            authenticated: raw.auth?.value != "none",
            source: raw.name.location
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
        return Paging(
            sizeParameter: size.wireName,
            maxPageSize: size.constraints.maximum,
            cursorParameters: cursors.map(\.wireName),
            source: raw.location
        )
    }

    /// Every `{Placeholder}` in the path has a path parameter, and every path parameter a placeholder.
    private mutating func checkPath(_ path: Located<String>, parameters: [RawField], what: String) {
        guard path.value.hasPrefix("/") else {
            log.error("the path of \(what) must start with '/', found '\(path.value)'", at: path.location)
            return
        }
        let declared = parameters.map(\.name.value)
        guard let segments = PathTemplate.segments(of: path.value) else {
            log.error("unclosed '{' in the path of \(what)", at: path.location)
            return
        }
        let placeholders = segments.compactMap(\.placeholder)
        if segments.contains(where: { $0.literal?.contains("}") == true }) {
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
        if location == .path || location == .header, raw.name.value.contains("/") {
            log.error("the name of \(location.rawValue) \(what) cannot contain '/'", at: raw.name.location)
        }
        if location == .path, let required = raw.required, !required.value {
            log.error("path \(what) is always required; remove 'required: false'", at: required.location)
        }
        let required = location == .path || raw.required?.value == true
        guard let typeText = raw.type,
            var type = FieldTypeParser.parse(typeText, sids: sids, enums: enums, objects: objects, log: &log)
        else { return nil }
        if location == .json {
            // A JSON body's members are JSON values of any shape.
            guard lowerMembers(raw, into: &type, what: what) else { return nil }
        } else if type.kind == .uriMap || type.kind == .object || type.kind == .map
            // `json` in a query or a form is sent as its JSON text, as Twilio's fields that hold JSON are.
            || (type.kind == .json && location != .query && location != .form)
        {
            let noun =
                switch type.kind {
                case .uriMap: "a uri-map"
                case .json: "json"
                case .map: "a map"
                default: "an object"
                }
            log.error(
                "\(what) cannot be \(noun) outside jsonParameters: \(location.rawValue) parameters send one value a name",
                at: typeText.location
            )
            return nil
        } else if type.kind == .array, let element = type.element, element.kind == .object || element.kind == .json {
            log.error(
                "\(what) cannot be an array of \(element.kind == .json ? "json" : "objects") outside jsonParameters: "
                    + "\(location.rawValue) parameters send values, not objects",
                at: typeText.location
            )
            return nil
        } else if let location = raw.propertiesLocation {
            log.error("'properties' applies to jsonParameters of type object, not to \(what)", at: location)
        }
        if type.kind == .array, location == .path || location == .header {
            log.error(
                "\(location.rawValue) \(what) cannot be an array: a \(location == .path ? "path segment" : "header") "
                    + "holds one value",
                at: typeText.location
            )
            return nil
        }
        if location == .header, Self.reservedHeaders.contains(raw.name.value.lowercased()) {
            log.error("header \(what) is a header the client sets itself", at: raw.name.location)
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
            type: type,
            required: required,
            defaultValue: defaultValue,
            constraints: constraints,
            pii: lower(raw.pii),
            description: raw.description?.value,
            errorCode: raw.errorCode?.value,
            source: raw.name.location
        )
    }
}
