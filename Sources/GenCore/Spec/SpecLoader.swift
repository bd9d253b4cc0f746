import Yams

/// Stage 1: reads a spec's YAML text into a ``RawSpec``, every value with its location.
///
/// Problems of shape (malformed YAML, unknown, duplicate or missing keys, a list where a mapping
/// belongs) are all collected; the spec's meaning is checked later by ``SpecLowering``.
public enum SpecLoader {
    /// The keys of each part of the format; `Specs/README.md` documents them.
    enum Keys {
        static let document = [
            "name", "title", "description", "baseUrl", "auth", "errors", "sids", "enums", "objects", "resources",
            "acronyms",
        ]
        static let errors = ["authentication", "notFound", "invalidParameter", "moreInfo"]
        static let auth = ["scheme", "username", "password", "token", "accountParameter", "realm"]
        static let credential = ["name", "env"]
        static let enumeration = ["description", "values"]
        static let object = ["description", "properties"]
        static let resource = ["plural", "description", "defaultOutput", "properties", "page", "operations"]
        static let page = ["items", "next", "fields"]
        static let paging = ["size", "cursors"]
        static let property = ["type", "nullable", "description", "pii", "properties"]
        static let pii = ["handling", "retentionDays"]
        static let operation = [
            "method", "path", "status", "returns", "summary", "description", "auth",
            "pathParameters", "queryParameters", "headerParameters", "formParameters", "jsonParameters", "paging",
        ]
        static let parameter = [
            "type", "required", "description", "pii", "default",
            "minLength", "maxLength", "minimum", "maximum", "pattern", "errorCode", "properties",
        ]
    }

    /// Parses `text`, the contents of the spec at `file` (the path printed in diagnostics).
    public static func load(_ text: String, file: String) -> Result<RawSpec, DiagnosticError> {
        let start = SourceLocation(file: file, line: 1, column: 1)
        let root: Node
        do {
            // Every value is read as text and converted by the reader, so no implicit typing:
            // Yams's default resolver tries a regular expression per scalar, a fifth of a run.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                return .failure(DiagnosticError([Diagnostic("the spec is empty", at: start)]))
            }
            root = node
        } catch let error as YamlError {
            return .failure(DiagnosticError([diagnostic(for: error, in: text, file: file)]))
        } catch {
            return .failure(DiagnosticError([Diagnostic("cannot read YAML: \(error)", at: start)]))
        }

        let reader = YAMLReader(file: file)
        var spec = RawSpec(file: file, location: start)
        if let fields = reader.fields(
            of: root,
            "the spec",
            allowed: Keys.document,
            required: ["name", "baseUrl", "auth", "resources"],
            owner: start
        ) {
            read(fields, into: &spec, reader)
        }
        if !reader.log.isEmpty { return .failure(DiagnosticError(reader.log.diagnostics)) }
        return .success(spec)
    }

    private static func read(_ fields: YAMLReader.Fields, into spec: inout RawSpec, _ reader: YAMLReader) {
        spec.name = fields.node("name").flatMap { reader.string($0, "'name'") }
        spec.title = fields.node("title").flatMap { reader.string($0, "'title'") }
        spec.description = fields.node("description").flatMap { reader.string($0, "'description'") }
        spec.baseURL = fields.node("baseUrl").flatMap { reader.string($0, "'baseUrl'") }
        if let (key, node) = fields.entries["auth"] {
            spec.auth = auth(node, owner: key, reader)
        }
        if let (key, node) = fields.entries["errors"],
            let errors = reader.fields(of: node, "'errors'", allowed: Keys.errors, owner: key)
        {
            func code(_ name: String) -> Located<Int>? {
                errors.node(name).flatMap { reader.int($0, "'errors.\(name)'") }
            }
            spec.errors = RawErrors(
                authentication: code("authentication"),
                notFound: code("notFound"),
                invalidParameter: code("invalidParameter"),
                moreInfo: errors.node("moreInfo").flatMap { reader.string($0, "'errors.moreInfo'") }
            )
        }
        if let node = fields.node("sids"), let pairs = reader.mapping(node, "'sids'") {
            spec.sids = pairs.compactMap { key, value in
                reader.string(value, "SID prefix '\(key.value)'").map { (key, $0) }
            }
        }
        if let node = fields.node("enums"), let pairs = reader.mapping(node, "'enums'") {
            spec.enums = pairs.map { name, value in enumeration(name, value, reader) }
        }
        if let node = fields.node("objects"), let pairs = reader.mapping(node, "'objects'") {
            spec.objects = pairs.map { name, value in object(name, value, reader) }
        }
        if let node = fields.node("resources"), let pairs = reader.mapping(node, "'resources'") {
            spec.resources = pairs.map { name, value in resource(name, value, reader) }
        }
        spec.acronyms = fields.node("acronyms").map { reader.strings($0, "'acronyms'") } ?? []
    }

    private static func auth(_ node: Node, owner: SourceLocation, _ reader: YAMLReader) -> RawAuth? {
        guard
            let fields = reader.fields(
                of: node,
                "'auth'",
                allowed: Keys.auth,
                required: ["scheme"],
                owner: owner
            )
        else { return nil }
        func credential(_ key: String) -> RawCredential? {
            guard let (keyLocation, node) = fields.entries[key],
                let credential = reader.fields(
                    of: node,
                    "'auth.\(key)'",
                    allowed: Keys.credential,
                    required: ["name"],
                    owner: keyLocation
                )
            else { return nil }
            return RawCredential(
                location: keyLocation,
                name: credential.node("name").flatMap { reader.string($0, "'auth.\(key).name'") },
                environmentVariable: credential.node("env").flatMap { reader.string($0, "'auth.\(key).env'") }
            )
        }
        return RawAuth(
            location: owner,
            scheme: fields.node("scheme").flatMap { reader.string($0, "'auth.scheme'") },
            username: credential("username"),
            password: credential("password"),
            token: credential("token"),
            accountParameter: fields.node("accountParameter").flatMap { reader.string($0, "'auth.accountParameter'") },
            realm: fields.node("realm").flatMap { reader.string($0, "'auth.realm'") }
        )
    }

    private static func object(_ name: Located<String>, _ node: Node, _ reader: YAMLReader) -> RawObject {
        var result = RawObject(name: name)
        let what = "object '\(name.value)'"
        guard
            let fields = reader.fields(
                of: node,
                what,
                allowed: Keys.object,
                required: ["properties"],
                owner: name.location
            )
        else { return result }
        result.description = fields.node("description").flatMap { reader.string($0, "the description of \(what)") }
        result.properties =
            fields.node("properties").flatMap {
                self.fields($0, "the properties of \(what)", "property", Keys.property, reader)
            } ?? []
        return result
    }

    private static func enumeration(_ name: Located<String>, _ node: Node, _ reader: YAMLReader) -> RawEnum {
        var result = RawEnum(name: name)
        let what = "enum '\(name.value)'"
        guard
            let fields = reader.fields(
                of: node,
                what,
                allowed: Keys.enumeration,
                required: ["values"],
                owner: name.location
            )
        else { return result }
        result.description = fields.node("description").flatMap { reader.string($0, "the description of \(what)") }
        result.values = fields.node("values").map { reader.strings($0, "the values of \(what)") } ?? []
        return result
    }

    private static func resource(_ name: Located<String>, _ node: Node, _ reader: YAMLReader) -> RawResource {
        var result = RawResource(name: name)
        let what = "resource '\(name.value)'"
        guard
            let fields = reader.fields(
                of: node,
                what,
                allowed: Keys.resource,
                required: ["properties", "operations"],
                owner: name.location
            )
        else { return result }
        result.plural = fields.node("plural").flatMap { reader.string($0, "the plural of \(what)") }
        result.description = fields.node("description").flatMap { reader.string($0, "the description of \(what)") }
        result.defaultOutput = fields.node("defaultOutput").map { reader.strings($0, "'defaultOutput'") } ?? []
        result.properties = fields.node("properties").flatMap {
            self.fields($0, "the properties of \(what)", "property", Keys.property, reader)
        }
        if let (key, node) = fields.entries["page"],
            let page = reader.fields(of: node, "'page'", allowed: Keys.page, required: ["items", "fields"], owner: key)
        {
            result.page = RawPage(
                location: key,
                items: page.node("items").flatMap { reader.string($0, "'page.items'") },
                next: page.node("next").flatMap { reader.string($0, "'page.next'") },
                fields: page.node("fields").flatMap {
                    self.fields($0, "the page fields", "page field", Keys.property, reader)
                }
                    ?? []
            )
        }
        if let node = fields.node("operations"), let pairs = reader.mapping(node, "the operations of \(what)") {
            result.operations = pairs.map { name, value in operation(name, value, reader) }
        }
        return result
    }

    private static func operation(_ name: Located<String>, _ node: Node, _ reader: YAMLReader) -> RawOperation {
        var result = RawOperation(name: name)
        let what = "operation '\(name.value)'"
        guard
            let fields = reader.fields(
                of: node,
                what,
                allowed: Keys.operation,
                required: ["method", "path", "status", "returns"],
                owner: name.location
            )
        else { return result }
        result.method = fields.node("method").flatMap { reader.string($0, "the method of \(what)") }
        result.path = fields.node("path").flatMap { reader.string($0, "the path of \(what)") }
        result.status = fields.node("status").flatMap { reader.int($0, "the status of \(what)") }
        result.returns = fields.node("returns").flatMap { reader.string($0, "'returns' of \(what)") }
        result.summary = fields.node("summary").flatMap { reader.string($0, "the summary of \(what)") }
        result.description = fields.node("description").flatMap { reader.string($0, "the description of \(what)") }
        result.auth = fields.node("auth").flatMap { reader.string($0, "'auth' of \(what)") }
        func parameters(_ key: String, _ kind: String) -> [RawField] {
            fields.node(key).flatMap {
                self.fields($0, "the \(kind) parameters of \(what)", "parameter", Keys.parameter, reader)
            }
                ?? []
        }
        result.pathParameters = parameters("pathParameters", "path")
        result.queryParameters = parameters("queryParameters", "query")
        result.headerParameters = parameters("headerParameters", "header")
        result.formParameters = parameters("formParameters", "form")
        result.formLocation = fields.entries["formParameters"]?.key
        result.jsonParameters = parameters("jsonParameters", "JSON")
        result.jsonLocation = fields.entries["jsonParameters"]?.key
        if let (key, node) = fields.entries["paging"],
            let paging = reader.fields(
                of: node,
                "'paging' of \(what)",
                allowed: Keys.paging,
                required: ["size"],
                owner: key
            )
        {
            result.paging = RawPaging(
                location: key,
                size: paging.node("size").flatMap { reader.string($0, "'paging.size' of \(what)") },
                cursors: paging.node("cursors").map { reader.strings($0, "'paging.cursors' of \(what)") } ?? []
            )
        }
        return result
    }

    /// Reads a mapping of wire names to field definitions (properties or parameters); nil when
    /// `node` is not a mapping.
    private static func fields(
        _ node: Node,
        _ what: String,
        _ kind: String,
        _ allowed: [String],
        _ reader: YAMLReader
    ) -> [RawField]? {
        guard let pairs = reader.mapping(node, what) else { return nil }
        return pairs.map { name, value in
            var field = RawField(name: name)
            let fieldWhat = "\(kind) '\(name.value)'"
            guard
                let entries = reader.fields(
                    of: value,
                    fieldWhat,
                    allowed: allowed,
                    required: ["type"],
                    owner: name.location
                )
            else { return field }
            field.type = entries.node("type").flatMap { reader.string($0, "the type of \(fieldWhat)") }
            field.nullable = entries.node("nullable").flatMap { reader.bool($0, "'nullable' of \(fieldWhat)") }
            field.required = entries.node("required").flatMap { reader.bool($0, "'required' of \(fieldWhat)") }
            field.description = entries.node("description").flatMap {
                reader.string($0, "the description of \(fieldWhat)")
            }
            if let (key, node) = entries.entries["pii"],
                let pii = reader.fields(
                    of: node,
                    "'pii' of \(fieldWhat)",
                    allowed: Keys.pii,
                    required: ["handling"],
                    owner: key
                )
            {
                field.pii = RawPII(
                    location: key,
                    handling: pii.node("handling").flatMap { reader.string($0, "'pii.handling' of \(fieldWhat)") },
                    retentionDays: pii.node("retentionDays").flatMap {
                        reader.int($0, "'pii.retentionDays' of \(fieldWhat)")
                    }
                )
            }
            field.defaultValue = entries.node("default").flatMap { reader.scalar($0, "the default of \(fieldWhat)") }
            field.minLength = entries.node("minLength").flatMap { reader.int($0, "'minLength' of \(fieldWhat)") }
            field.maxLength = entries.node("maxLength").flatMap { reader.int($0, "'maxLength' of \(fieldWhat)") }
            field.minimum = entries.node("minimum").flatMap { reader.int($0, "'minimum' of \(fieldWhat)") }
            field.maximum = entries.node("maximum").flatMap { reader.int($0, "'maximum' of \(fieldWhat)") }
            field.pattern = entries.node("pattern").flatMap { reader.string($0, "the pattern of \(fieldWhat)") }
            field.errorCode = entries.node("errorCode").flatMap { reader.int($0, "'errorCode' of \(fieldWhat)") }
            if let (key, node) = entries.entries["properties"] {
                field.propertiesLocation = key
                field.properties = Self.fields(
                    node,
                    "the properties of \(fieldWhat)",
                    "property",
                    Keys.property,
                    reader
                )
            }
            return field
        }
    }

    /// Turns a Yams error into a diagnostic at the line and column libyaml reported.
    static func diagnostic(for error: YamlError, in text: String, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let while_ = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return Diagnostic("malformed YAML: \(problem)\(while_)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.sorted().first ?? ""
            let first = at(context.mark)
            let second = secondOccurrence(of: key, after: first, in: text) ?? first
            return Diagnostic("duplicate key '\(key)' (first at line \(first.line))", at: second)
        case .reader(let problem, _, _, _):
            return Diagnostic("cannot read the spec: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Where a duplicated block-mapping key is written again: the next line after `first` that
    /// has the same key at the same column. libyaml reports only the first occurrence.
    private static func secondOccurrence(
        of key: String,
        after first: SourceLocation,
        in text: String
    ) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: first.column - 1)
        for index in first.line..<lines.count {
            let line = lines[index]
            let rest = line.dropFirst(indent.count)
            guard line.hasPrefix(indent), !rest.hasPrefix(" ") else { continue }
            if rest.hasPrefix("\(key):") || rest.hasPrefix("'\(key)':") || rest.hasPrefix("\"\(key)\":") {
                return SourceLocation(file: first.file, line: index + 1, column: first.column)
            }
        }
        return nil
    }
}
