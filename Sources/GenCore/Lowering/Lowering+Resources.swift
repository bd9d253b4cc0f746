/// Resources: their properties, list pages and personal data.
extension SpecLowering {
    mutating func lower(_ raw: RawResource) -> Resource {
        checkTypeName(raw.name, "a resource's name")
        if let plural = raw.plural { checkTypeName(plural, "a resource's plural") }
        // `properties` is nil when it is missing or not a mapping, which is reported already.
        // A resource whose operations all return nothing (an action) may have none.
        if raw.properties?.isEmpty == true,
            let returning = raw.operations.first(where: { ["resource", "page"].contains($0.returns?.value) })
        {
            log.error(
                "resource '\(raw.name.value)' has no properties, but operation '\(returning.name.value)' returns it",
                at: raw.name.location
            )
        }
        let properties = lowerProperties(raw.properties ?? [])
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
        let page = raw.page.map { lower($0) }
        var routes: [String: Located<String>] = [:]
        var operations: [Operation] = []
        for rawOperation in raw.operations {
            guard let operation = lower(rawOperation, hasPage: page != nil) else { continue }
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
            plural: raw.plural?.value,
            description: raw.description?.value,
            defaultOutput: raw.defaultOutput.map(\.value),
            properties: properties,
            page: page,
            operations: operations,
            source: raw.name.location
        )
    }

    private mutating func lower(_ raw: RawPage) -> Page {
        var items = "items"
        if let key = raw.items {
            items = key.value
            checkWireName(key)
        }
        let fields = lowerProperties(raw.fields)
        if let key = raw.items, fields.contains(where: { $0.wireName == items }) {
            log.error("page field '\(items)' collides with the page's items key", at: key.location)
        }
        var next: [String]?
        if let rawNext = raw.next {
            if let (path, field) = Self.field(at: rawNext.value, in: fields) {
                if field.type.kind.isText {
                    next = path
                } else {
                    log.error(
                        "page field '\(rawNext.value)' holds a \(field.type.spec), not a URI",
                        at: rawNext.location
                    )
                }
            } else {
                log.error(
                    "'next' names '\(rawNext.value)', which is not a page field"
                        + Suggestion.hint(for: rawNext.value, in: raw.fields.map(\.name.value)),
                    at: rawNext.location
                )
            }
        }
        return Page(itemsKey: items, next: next, fields: fields, source: raw.location)
    }

    /// The field that `path` names among `fields`: a field's wire name, or one followed by `.`
    /// and a path among the members of that object (`meta.next_page_url`). Wire names may hold
    /// dots themselves, so the longest name that matches wins.
    static func field(at path: String, in fields: [Property]) -> (path: [String], field: Property)? {
        if let field = fields.first(where: { $0.wireName == path }) { return ([field.wireName], field) }
        for field in fields.sorted(by: { $0.wireName.count > $1.wireName.count })
        where path.hasPrefix(field.wireName + ".") {
            guard let members = field.type.properties,
                let (rest, found) = Self.field(at: String(path.dropFirst(field.wireName.count + 1)), in: members)
            else { continue }
            return ([field.wireName] + rest, found)
        }
        return nil
    }

    mutating func lowerProperties(_ raws: [RawField]) -> [Property] {
        raws.compactMap { raw in
            checkWireName(raw.name)
            guard let typeText = raw.type,
                var type = FieldTypeParser.parse(typeText, sids: sids, enums: enums, objects: objects, log: &log),
                lowerMembers(raw, into: &type, what: "property '\(raw.name.value)'")
            else { return nil }
            return Property(
                wireName: raw.name.value,
                type: type,
                nullable: raw.nullable?.value ?? false,
                pii: lower(raw.pii),
                description: raw.description?.value,
                source: raw.name.location
            )
        }
    }

    /// The members of an object, or of an array's objects, given under `properties`; false when
    /// they are missing.
    mutating func lowerMembers(_ raw: RawField, into type: inout FieldType, what: String) -> Bool {
        let holdsObjects = (type.kind == .array || type.kind == .map) && type.element?.kind == .object
        // A declared object (`object<Name>`) brings its members.
        let object = type.kind == .object ? type : holdsObjects ? type.element : nil
        if let name = object?.reference {
            if let location = raw.propertiesLocation {
                log.error("\(what) is object '\(name)', whose members are declared with it", at: location)
            }
            return true
        }
        if type.kind == .object || holdsObjects {
            guard let members = raw.properties, !members.isEmpty else {
                let noun =
                    type.kind == .array ? "an array of objects" : type.kind == .map ? "a map of objects" : "an object"
                log.error(
                    "\(what) is \(noun): give \(holdsObjects ? "their" : "its") members under 'properties'",
                    at: raw.type?.location ?? raw.name.location
                )
                return false
            }
            if holdsObjects {
                type.elements?[0].properties = lowerProperties(members)
            } else {
                type.properties = lowerProperties(members)
            }
        } else if let location = raw.propertiesLocation {
            log.error("'properties' applies to type object, not to \(what) of type \(type.spec)", at: location)
        }
        return true
    }

    mutating func lower(_ raw: RawPII?) -> PII? {
        guard let raw else { return nil }
        let handling = raw.handling?.value ?? "standard"
        if let days = raw.retentionDays, days.value <= 0 {
            log.error("retentionDays must be a positive number of days, found \(days.value)", at: days.location)
        }
        return PII(handling: handling, retentionDays: raw.retentionDays?.value)
    }
}
