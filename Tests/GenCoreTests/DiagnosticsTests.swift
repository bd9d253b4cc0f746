import Foundation
import Testing

@testable import GenCore

/// Broken specs, each an edit of `Fixtures/Minimal.yaml` by key path, and the exact diagnostics
/// they get. A case finds the locations it expects in the spec it made, so no case knows a line
/// of the fixture, and each runs on the fixture as written and on one whose lines have moved.
@Suite struct DiagnosticsTests {
    typealias Edit = YAMLFixture.Edit

    /// Where things stand, as `Specs/Broken.yaml:LINE:COL`: in the broken spec, or for one that
    /// is no longer valid YAML, in the fixture it was made from.
    struct Places {
        let edited: YAMLFixture
        let original: YAMLFixture

        /// `FILE:LINE:COL` of a position.
        func at(_ position: YAMLFixture.Position) -> String {
            "\(DiagnosticsTests.file):\(position.line):\(position.column)"
        }

        func at(line: Int, column: Int) -> String { at(YAMLFixture.Position(line: line, column: column)) }

        /// The key at `path` in the broken spec.
        func key(_ path: String) -> String { at(find { try edited.key(path) }) }

        /// The value at `path` in the broken spec.
        func value(_ path: String) -> String { at(find { try edited.value(path) }) }

        /// The line of the key at `path` in the broken spec.
        func line(_ path: String) -> Int { find { try edited.key(path) }.line }

        /// The key at `path` in the fixture before the edits.
        func originalKey(_ path: String) -> YAMLFixture.Position { find { try original.key(path) } }

        private func find(_ lookup: () throws -> YAMLFixture.Position) -> YAMLFixture.Position {
            do {
                return try lookup()
            } catch {
                Issue.record("cannot find the expected location: \(error)")
                return YAMLFixture.Position(line: 0, column: 0)
            }
        }
    }

    struct BrokenSpec: CustomTestStringConvertible, Sendable {
        let name: String
        let edits: [Edit]
        let expected: @Sendable (Places) -> [String]

        var testDescription: String { name }

        init(_ name: String, _ edits: [Edit], _ expected: @escaping @Sendable (Places) -> [String]) {
            self.name = name
            self.edits = edits
            self.expected = expected
        }

        init(_ name: String, _ edit: Edit, _ expected: @escaping @Sendable (Places) -> String) {
            self.init(name, [edit]) { [expected($0)] }
        }

        /// The broken spec made from `fixture`, and the diagnostics it must get.
        func make(from fixture: Fixture) throws -> (text: String, expected: [String]) {
            let original = YAMLFixture(try fixture.text())
            let edited = try original.applying(edits)
            return (edited.text, expected(Places(edited: edited, original: original)))
        }
    }

    /// The fixture as written, and with lines added above and inside it, which move every line
    /// after them: a case that passes on both depends on no line number.
    enum Fixture: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case asWritten, moved

        var testDescription: String { rawValue }

        func text() throws -> String {
            let text = try String(
                contentsOf: RepositoryPaths.fixtures.appendingPathComponent("Minimal.yaml"),
                encoding: .utf8
            )
            switch self {
            case .asWritten: return text
            case .moved:
                return "# Lines above the spec.\n\n"
                    + text.replacingOccurrences(
                        of: "\n    operations:\n",
                        with: "\n    # The operations.\n    operations:\n"
                    )
            }
        }
    }

    static let file = "Specs/Broken.yaml"
    static let widget = "resources.Widget"
    static let properties = "resources.Widget.properties"
    static let list = "resources.Widget.operations.list"
    static let create = "resources.Widget.operations.create"

    static let cases: [BrokenSpec] = [
        .init("malformed YAML", .replace("\(properties).name", with: "name: { type: string, nullable: true")) {
            let color = $0.originalKey("\(properties).color")
            let name = $0.originalKey("\(properties).name")
            return
                "\($0.at(line: color.line, column: color.column + "color".count)): error: malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping at line \(name.line))"
        },
        .init("a tab for indentation", .replaceLines("\(widget).plural", with: "\tplural: Widgets")) {
            let plural = $0.originalKey("\(widget).plural")
            return
                "\($0.at(line: plural.line, column: 1)): error: malformed YAML: found character that cannot start any token (while scanning for the next token at line \(plural.line))"
        },
        .init("unknown top-level key", .rename("baseUrl", to: "baseURL")) {
            "\($0.key("baseURL")): error: unknown key 'baseURL' in the spec (did you mean 'baseUrl'?)"
        },
        .init("unknown type", .set("\(properties).name.type", to: "strng")) {
            "\($0.value("\(properties).name.type")): error: unknown type 'strng' (did you mean 'string'?); expected one of string, integer, number, boolean, uri, uri-map, datetime, datetime-rfc2822, date, phone-number, email, iso-country-code, currency, json, object, sid<..>, enum<..>, array<..>, map<..>, object<..>"
        },
        .init("duplicate property", .replace("\(properties).color", with: "name: { type: string }")) {
            "\($0.at($0.originalKey("\(properties).color"))): error: duplicate key 'name' (first at line \($0.originalKey("\(properties).name").line))"
        },
        .init("missing required key", .replace("\(list).path", with: "summary: List widgets.")) {
            "\($0.key(list)): error: missing required key 'path' in operation 'list'"
        },
        .init(
            "placeholder without a path parameter",
            .set("\(create).path", to: "/Accounts/{AccountSid}/Widgets/{Sid}.json")
        ) {
            "\($0.value("\(create).path")): error: path placeholder '{Sid}' of operation 'create' has no path parameter"
        },
        .init("path parameter not in the path", .set("\(create).path", to: "/Widgets.json")) {
            "\($0.key("\(create).pathParameters.AccountSid")): error: path parameter 'AccountSid' does not appear in the path of operation 'create'"
        },
        .init("misspelt placeholder", [.set("\(create).path", to: "/Accounts/{AccountSID}/Widgets.json")]) {
            [
                "\($0.value("\(create).path")): error: path placeholder '{AccountSID}' of operation 'create' has no path parameter (did you mean 'AccountSid'?)",
                "\($0.key("\(create).pathParameters.AccountSid")): error: path parameter 'AccountSid' does not appear in the path of operation 'create'",
            ]
        },
        .init("unresolved enum", .set("\(properties).color.type", to: "enum<Colour>")) {
            "\($0.value("\(properties).color.type")): error: unknown enum 'Colour' (did you mean 'Color'?); declare it under 'enums'"
        },
        .init("undeclared SID prefix", .set("\(properties).sid.type", to: "sid<WX>")) {
            "\($0.value("\(properties).sid.type")): error: unknown SID prefix 'WX' (did you mean 'WD'?); declare it under 'sids'"
        },
        .init("malformed SID prefix", .set("\(properties).sid.type", to: "sid<wd>")) {
            "\($0.value("\(properties).sid.type")): error: a SID prefix is two capital letters, as in sid<AC>; found 'wd'"
        },
        .init("invalid wire name", .rename("\(properties).date_created", to: "\"date created\"")) {
            "\($0.key("\(properties).date created")): error: invalid wire name 'date created': use letters, digits, '_', '-', '.' and '/', starting with a letter, a digit or '_', and ending with '<' or '>' for a bound"
        },
        .init("maxLength on a boolean", .add("maxLength: 5", to: "\(create).formParameters.Enabled")) {
            "\($0.value("\(create).formParameters.Enabled.maxLength")): error: 'maxLength' applies to strings, not to parameter 'Enabled' of type boolean"
        },
        .init("minimum on a string", .add("minimum: 1", to: "\(create).formParameters.Name")) {
            "\($0.value("\(create).formParameters.Name.minimum")): error: 'minimum' applies to integers and numbers, not to parameter 'Name' of type string"
        },
        .init("pattern on a SID", .add("pattern: '^AC'", to: "\(create).pathParameters.AccountSid")) {
            "\($0.value("\(create).pathParameters.AccountSid.pattern")): error: 'pattern' does not apply to parameter 'AccountSid' of type sid<AC>: a SID's pattern follows from its prefix"
        },
        .init("invalid regular expression", .add("pattern: '[a-z'", to: "\(create).formParameters.Name")) {
            "\($0.value("\(create).formParameters.Name.pattern")): error: '[a-z' is not a valid regular expression"
        },
        .init(
            "default of the wrong type",
            .replace("\(list).queryParameters.PageSize", with: "PageSize: { type: integer, default: fifty }")
        ) {
            "\($0.value("\(list).queryParameters.PageSize.default")): error: the default of parameter 'PageSize' must be a whole number, found 'fifty'"
        },
        .init(
            "default matching only part of its pattern",
            .replace(
                "\(create).formParameters.Enabled",
                with: "Code: { type: string, pattern: '[a-z]+', default: abc1 }"
            )
        ) {
            "\($0.value("\(create).formParameters.Code.default")): error: the default 'abc1' of parameter 'Code' does not match its pattern"
        },
        .init("default outside its range", .set("\(list).queryParameters.PageSize.default", to: "5000")) {
            "\($0.value("\(list).queryParameters.PageSize.default")): error: the default 5000 of parameter 'PageSize' is above its maximum 1000"
        },
        .init(
            "minimum above maximum",
            .replace("\(list).queryParameters.PageSize", with: "PageSize: { type: integer, minimum: 10, maximum: 1 }")
        ) {
            "\($0.value("\(list).queryParameters.PageSize.maximum")): error: minimum 10 is greater than maximum 1 for parameter 'PageSize'"
        },
        .init("unknown HTTP method", .set("\(create).method", to: "PSOT")) {
            "\($0.value("\(create).method")): error: unknown HTTP method 'PSOT' in operation 'create' (did you mean 'POST'?)"
        },
        .init("status out of range", .set("\(create).status", to: "2010")) {
            "\($0.value("\(create).status")): error: status 2010 of operation 'create' is not a status of success: 200 to 299, or 300 to 399 for an answer that is not followed"
        },
        .init("status that is not a number", .set("\(create).status", to: "created")) {
            "\($0.value("\(create).status")): error: expected a whole number for the status of operation 'create', found 'created'"
        },
        .init("unknown return kind", .set("\(create).returns", to: "resorce")) {
            "\($0.value("\(create).returns")): error: unknown return kind 'resorce' (did you mean 'resource'?); expected one of resource, page, nothing"
        },
        .init("form parameters on a GET", .rename("\(list).queryParameters", to: "formParameters")) {
            "\($0.key("\(list).formParameters")): error: operation 'list' uses GET, which sends no body, but declares formParameters"
        },
        .init("a list where a mapping belongs", .replace(properties, with: "properties: [sid, name]")) {
            "\($0.value(properties)): error: expected a mapping for the properties of resource 'Widget', found a list"
        },
        .init("a boolean that is not one", .set("\(properties).name.nullable", to: "maybe")) {
            "\($0.value("\(properties).name.nullable")): error: expected true or false for 'nullable' of property 'name', found 'maybe'"
        },
        .init("two wire names, one Swift name", .rename("\(properties).date_created", to: "Name")) {
            "\($0.key("\(properties).Name")): error: property 'Name' of resource 'Widget' becomes 'name' in Swift, as 'name' on line \($0.line("\(properties).name")) does"
        },
        .init("duplicate enum value", .set("enums.Color.values", to: "[RED, GREEN, RED]")) {
            "\($0.value("enums.Color.values.2")): error: duplicate value 'RED' in enum 'Color'"
        },
        .init("defaultOutput naming no property", .set("\(widget).defaultOutput", to: "[sid, nmae]")) {
            "\($0.value("\(widget).defaultOutput.1")): error: defaultOutput names 'nmae', which is not a property of 'Widget' (did you mean 'name'?)"
        },
        .init(
            "required path parameter marked optional",
            .add("required: false", to: "\(create).pathParameters.AccountSid")
        ) {
            "\($0.value("\(create).pathParameters.AccountSid.required")): error: path parameter 'AccountSid' is always required; remove 'required: false'"
        },
        .init("page returned without a page", .remove("\(widget).page")) {
            "\($0.value("\(list).returns")): error: operation 'list' returns a page, but the resource declares no 'page'"
        },
        .init(
            "type name shared by an enum and a page",
            [.rename("enums.Color", to: "WidgetPage"), .set("\(properties).color.type", to: "enum<WidgetPage>")]
        ) {
            [
                "\($0.key("\(widget).page")): error: type 'page of Widget' becomes 'WidgetPage' in Swift, as 'WidgetPage' on line \($0.line("enums.WidgetPage")) does"
            ]
        },
        .init("paging on an operation that returns no page", .add("paging: { size: Name }", to: create)) {
            "\($0.key("\(create).paging")): error: 'paging' applies to operations that return a page, not to operation 'create'"
        },
        .init(
            "paging size that is no query parameter",
            [
                .replace("\(list).queryParameters.PageSize", with: "PageSize: { type: integer }"),
                .add("paging: { size: PageSiz }", to: list),
            ]
        ) {
            [
                "\($0.value("\(list).paging.size")): error: 'PageSiz' is not a query parameter of operation 'list' (did you mean 'PageSize'?)"
            ]
        },
        .init("paging next that is no page field", .insert("next: next_page_url", after: "\(widget).page.items")) {
            "\($0.value("\(widget).page.next")): error: 'next' names 'next_page_url', which is not a page field (did you mean 'next_page_uri'?)"
        },
        .init("account parameter that is no path parameter", .add("accountParameter: AccountSID", to: "auth")) {
            "\($0.value("auth.accountParameter")): error: accountParameter 'AccountSID' is not a path parameter of any operation"
        },
        .init("a uri-map parameter", .set("\(create).formParameters.Enabled.type", to: "uri-map")) {
            "\($0.value("\(create).formParameters.Enabled.type")): error: parameter 'Enabled' cannot be a uri-map outside jsonParameters: form parameters send one value a name"
        },
        .init("an operation's auth that is not none", .add("auth: basic", to: create)) {
            "\($0.value("\(create).auth")): error: 'auth' of operation 'create' is 'basic': write 'none' for an operation that takes no credentials, or leave it out for the API's"
        },
        .init("a body on a 204", .set("\(create).status", to: "204")) {
            "\($0.value("\(create).status")): error: operation 'create' answers 204, which has no body: it must return nothing"
        },
        .init("form and JSON parameters together", .add("jsonParameters: { Note: { type: string } }", to: create)) {
            "\($0.key("\(create).jsonParameters")): error: operation 'create' declares both formParameters and jsonParameters; a request has one body"
        },
        .init("JSON parameters on a GET", .add("jsonParameters: { Name: { type: string } }", to: list)) {
            "\($0.key("\(list).jsonParameters")): error: operation 'list' uses GET, which sends no body, but declares jsonParameters"
        },
        .init(
            "a JSON object without members",
            [
                .remove("\(create).formParameters"),
                .add("jsonParameters: { Config: { type: object } }", to: create),
            ]
        ) {
            [
                "\($0.value("\(create).jsonParameters.Config.type")): error: parameter 'Config' is an object: give its members under 'properties'"
            ]
        },
        .init(
            "properties on a form parameter",
            .set("\(create).formParameters.Enabled", to: "{ type: boolean, properties: { a: { type: string } } }")
        ) {
            "\($0.key("\(create).formParameters.Enabled.properties")): error: 'properties' applies to jsonParameters of type object, not to parameter 'Enabled'"
        },
        .init(
            "a parameter clashing with the paged method's limit",
            [
                .replace("\(list).queryParameters.PageSize", with: "PageSize: { type: integer }"),
                .insert("Limit: { type: integer }", after: "\(list).queryParameters.PageSize"),
                .add("paging: { size: PageSize }", to: list),
            ]
        ) {
            [
                "\($0.key("\(list).paging")): error: parameter 'Limit' of operation 'list' clashes with the `limit` of its paged method"
            ]
        },
        .init(
            "several problems at once",
            [
                .set("baseUrl", to: "ftp://example.com"),
                .replace("\(properties).name", with: "name: { type: strin }"),
                .set("\(create).method", to: "FETCH"),
            ]
        ) {
            [
                "\($0.value("baseUrl")): error: baseUrl must be an http:// or https:// URL, found 'ftp://example.com'",
                "\($0.value("\(properties).name.type")): error: unknown type 'strin' (did you mean 'string'?); expected one of string, integer, number, boolean, uri, uri-map, datetime, datetime-rfc2822, date, phone-number, email, iso-country-code, currency, json, object, sid<..>, enum<..>, array<..>, map<..>, object<..>",
                "\($0.value("\(create).method")): error: unknown HTTP method 'FETCH' in operation 'create'",
            ]
        },
        .init(
            "two operations with one operationId",
            .add(
                """
                WidgetList:
                  plural: WidgetLists
                  properties: { id: { type: string } }
                  operations:
                    get: { method: GET, path: /a, status: 200, returns: resource }
                List:
                  plural: Lists
                  properties: { id: { type: string } }
                  operations:
                    getWidget: { method: GET, path: /b, status: 200, returns: resource }
                """,
                to: "resources"
            )
        ) {
            "\($0.key("resources.List.operations.getWidget")): error: operation 'getWidget of List' becomes 'GetWidgetList' in Swift, as 'get of WidgetList' on line \($0.line("resources.WidgetList.operations.get")) does"
        },
        .init(
            "acronyms that are no words, and one twice",
            [.add(#"acronyms: [SIP, S-IP, sip, "", 42]"#, to: "")]
        ) {
            [
                "\($0.value("acronyms.1")): error: acronym 'S-IP' must be letters and digits, with at least one letter",
                "\($0.value("acronyms.2")): error: duplicate acronym 'sip' (as 'SIP')",
                "\($0.value("acronyms.3")): error: acronym '' must be letters and digits, with at least one letter",
                "\($0.value("acronyms.4")): error: acronym '42' must be letters and digits, with at least one letter",
            ]
        },
        .init("acronyms that are not a list", .add("acronyms: { SIP: yes }", to: "")) {
            "\($0.value("acronyms")): error: expected a list for 'acronyms', found a mapping"
        },
        .init("an unknown object", .set("\(properties).name.type", to: "object<Pric>")) {
            "\($0.value("\(properties).name.type")): error: unknown object 'Pric'; declare it under 'objects', before any object that uses it"
        },
        .init("an unknown auth scheme", .set("auth.scheme", to: "bearr")) {
            "\($0.value("auth.scheme")): error: unknown auth scheme 'bearr' (did you mean 'bearer'?); expected basic or bearer"
        },
        .init("a bearer scheme with a username and no token", [.set("auth.scheme", to: "bearer")]) {
            [
                "\($0.key("auth")): error: missing required key 'token' in 'auth' of scheme bearer",
                "\($0.key("auth.username")): error: 'username' does not apply to auth scheme bearer",
                "\($0.key("auth.password")): error: 'password' does not apply to auth scheme bearer",
            ]
        },
        .init("a realm that cannot be sent in a header", .add(#"realm: Widget "API""#, to: "auth")) {
            #"\#($0.value("auth.realm")): error: auth.realm 'Widget "API"' cannot be sent in a header: use printable ASCII characters other than '"' and '\'"#
        },
        .init("an empty realm", .add("realm: ''", to: "auth")) {
            "\($0.value("auth.realm")): error: auth.realm is empty"
        },
        .init("error pages that are not at an HTTP URL", .add("errors: { moreInfo: ftp://example.com/errors }", to: ""))
        {
            "\($0.value("errors.moreInfo")): error: errors.moreInfo must be an http:// or https:// URL, found 'ftp://example.com/errors'"
        },
        .init("error pages at a URL with a space", .add("errors: { moreInfo: https://example.com/my errors }", to: ""))
        {
            "\($0.value("errors.moreInfo")): error: errors.moreInfo must be a URL without spaces, found 'https://example.com/my errors'"
        },
        .init(
            "error pages at a URL ending in a slash",
            .add("errors: { moreInfo: https://example.com/errors/ }", to: "")
        ) {
            "\($0.value("errors.moreInfo")): error: errors.moreInfo must not end with '/': an error's more_info is this URL, '/' and its code"
        },
        .init("an empty spec", .clear) { _ in
            "Specs/Broken.yaml:1:1: error: the spec is empty"
        },
    ]

    @Test(arguments: cases, Fixture.allCases)
    func brokenSpecGetsExactDiagnostics(_ spec: BrokenSpec, fixture: Fixture) throws {
        let (text, expected) = try spec.make(from: fixture)
        let result = Generator.definition(of: .init(path: Self.file, text: text))
        guard case .failure(let error) = result else {
            Issue.record("\(spec.name): the spec was accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == expected)
    }

    /// Through the `gen` command: exit code 1, every diagnostic on stderr, and the output folder
    /// exactly as it was, file by file and date by date.
    @Test(arguments: cases)
    func brokenSpecExitsOneAndWritesNothing(_ spec: BrokenSpec) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (text, expectedHere) = try spec.make(from: .asWritten)
        try folder.write(text, to: "Specs/Broken.yaml")
        try folder.write("// an earlier output\n", to: "Generated/WidgetModels/Widget.swift")
        try folder.write(
            "# Files gen generated\nBroken.yaml WidgetModels/Widget.swift\n",
            to: "Generated/.gen-manifest"
        )
        let before = try folder.snapshot()

        let errors = OutputLines()
        var options = GenerateCommand.Options()
        options.specs = [folder.path("Specs/Broken.yaml")]
        options.output = folder.path("Generated")
        let status = GenerateCommand.run(options, console: Console(out: { _ in }, err: errors.append))

        #expect(status == 1)
        #expect(try folder.snapshot() == before)
        let expected = expectedHere.map {
            $0.replacingOccurrences(of: Self.file, with: folder.path("Specs/Broken.yaml"))
        }
        #expect(Array(errors.lines.dropLast()) == expected)
        #expect(errors.lines.last?.hasSuffix("; nothing was written") == true)
    }

    @Test func theMinimalSpecItselfIsValid() throws {
        let text = try String(
            contentsOf: RepositoryPaths.fixtures.appendingPathComponent("Minimal.yaml"),
            encoding: .utf8
        )
        let definition = try Generator.definition(of: .init(path: Self.file, text: text)).get()
        #expect(definition.resources.map(\.name) == ["Widget"])
        #expect(definition.resources[0].operations.map(\.name) == ["list", "create"])
    }
}

/// Collects printed lines from a `Console`, safely across threads.
final class OutputLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    var lines: [String] { lock.withLock { storage } }

    @Sendable func append(_ line: String) {
        lock.withLock { storage.append(line) }
    }
}
