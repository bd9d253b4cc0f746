import Foundation
import Testing

@testable import GenCore

/// Broken specs, each a small edit of `Fixtures/Minimal.yaml`, and the exact diagnostics they get.
@Suite struct DiagnosticsTests {
    struct BrokenSpec: CustomTestStringConvertible, Sendable {
        let name: String
        /// 1-based line of Minimal.yaml to replace (0 appends), and what to put there.
        let edits: [(line: Int, text: String)]
        let expected: [String]

        var testDescription: String { name }

        init(_ name: String, _ edits: [(line: Int, text: String)], _ expected: [String]) {
            self.name = name
            self.edits = edits
            self.expected = expected
        }

        init(_ name: String, line: Int, _ text: String, _ expected: String) {
            self.init(name, [(line, text)], [expected])
        }

        func text() throws -> String {
            var lines = try String(
                contentsOf: RepositoryPaths.fixtures.appendingPathComponent("Minimal.yaml"),
                encoding: .utf8
            ).components(separatedBy: "\n")
            for edit in edits.sorted(by: { $0.line > $1.line }) {
                if edit.line == 0 { lines.append(edit.text) } else { lines[edit.line - 1] = edit.text }
            }
            return lines.joined(separator: "\n")
        }
    }

    static let file = "Specs/Broken.yaml"

    static let cases: [BrokenSpec] = [
        .init(
            "malformed YAML",
            line: 19,
            "      name: { type: string, nullable: true",
            "Specs/Broken.yaml:20:12: error: malformed YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 19)"
        ),
        .init(
            "a tab for indentation",
            line: 15,
            "\tplural: Widgets",
            "Specs/Broken.yaml:15:1: error: malformed YAML: found character that cannot start any token (while scanning for the next token at line 15)"
        ),
        .init(
            "unknown top-level key",
            line: 2,
            "baseURL: https://api.example.com",
            "Specs/Broken.yaml:2:1: error: unknown key 'baseURL' in the spec (did you mean 'baseUrl'?)"
        ),
        .init(
            "unknown type",
            line: 19,
            "      name: { type: strng, nullable: true }",
            "Specs/Broken.yaml:19:21: error: unknown type 'strng' (did you mean 'string'?); expected one of string, integer, boolean, uri, uri-map, datetime-rfc2822, sid<..>, enum<..>"
        ),
        .init(
            "duplicate property",
            line: 20,
            "      name: { type: string }",
            "Specs/Broken.yaml:20:7: error: duplicate key 'name' (first at line 19)"
        ),
        .init(
            "missing required key",
            line: 29,
            "        summary: List widgets.",
            "Specs/Broken.yaml:27:7: error: missing required key 'path' in operation 'list'"
        ),
        .init(
            "placeholder without a path parameter",
            line: 38,
            "        path: /Accounts/{AccountSid}/Widgets/{Sid}.json",
            "Specs/Broken.yaml:38:15: error: path placeholder '{Sid}' of operation 'create' has no path parameter"
        ),
        .init(
            "path parameter not in the path",
            line: 38,
            "        path: /Widgets.json",
            "Specs/Broken.yaml:42:11: error: path parameter 'AccountSid' does not appear in the path of operation 'create'"
        ),
        .init(
            "misspelt placeholder",
            [(38, "        path: /Accounts/{AccountSID}/Widgets.json")],
            [
                "Specs/Broken.yaml:38:15: error: path placeholder '{AccountSID}' of operation 'create' has no path parameter (did you mean 'AccountSid'?)",
                "Specs/Broken.yaml:42:11: error: path parameter 'AccountSid' does not appear in the path of operation 'create'",
            ]
        ),
        .init(
            "unresolved enum",
            line: 20,
            "      color: { type: enum<Colour>, nullable: true }",
            "Specs/Broken.yaml:20:22: error: unknown enum 'Colour' (did you mean 'Color'?); declare it under 'enums'"
        ),
        .init(
            "undeclared SID prefix",
            line: 18,
            "      sid: { type: sid<WX> }",
            "Specs/Broken.yaml:18:20: error: unknown SID prefix 'WX' (did you mean 'WD'?); declare it under 'sids'"
        ),
        .init(
            "malformed SID prefix",
            line: 18,
            "      sid: { type: sid<wd> }",
            "Specs/Broken.yaml:18:20: error: a SID prefix is two capital letters, as in sid<AC>; found 'wd'"
        ),
        .init(
            "invalid wire name",
            line: 21,
            "      \"date created\": { type: datetime-rfc2822, nullable: true }",
            "Specs/Broken.yaml:21:7: error: invalid wire name 'date created': use letters, digits, '_', '-' and '.', starting with a letter, a digit or '_'"
        ),
        .init(
            "maxLength on a boolean",
            line: 45,
            "          Enabled: { type: boolean, maxLength: 5 }",
            "Specs/Broken.yaml:45:48: error: 'maxLength' applies to strings, not to parameter 'Enabled' of type boolean"
        ),
        .init(
            "minimum on a string",
            line: 44,
            "          Name: { type: string, required: true, minimum: 1 }",
            "Specs/Broken.yaml:44:58: error: 'minimum' applies to integers, not to parameter 'Name' of type string"
        ),
        .init(
            "pattern on a SID",
            line: 42,
            "          AccountSid: { type: sid<AC>, pattern: '^AC' }",
            "Specs/Broken.yaml:42:49: error: 'pattern' does not apply to parameter 'AccountSid' of type sid<AC>: a SID's pattern follows from its prefix"
        ),
        .init(
            "invalid regular expression",
            line: 44,
            "          Name: { type: string, required: true, pattern: '[a-z' }",
            "Specs/Broken.yaml:44:58: error: '[a-z' is not a valid regular expression"
        ),
        .init(
            "default of the wrong type",
            line: 35,
            "          PageSize: { type: integer, default: fifty }",
            "Specs/Broken.yaml:35:47: error: the default of parameter 'PageSize' must be a whole number, found 'fifty'"
        ),
        .init(
            "default matching only part of its pattern",
            line: 45,
            "          Code: { type: string, pattern: '[a-z]+', default: abc1 }",
            "Specs/Broken.yaml:45:61: error: the default 'abc1' of parameter 'Code' does not match its pattern"
        ),
        .init(
            "default outside its range",
            line: 35,
            "          PageSize: { type: integer, minimum: 1, maximum: 1000, default: 5000 }",
            "Specs/Broken.yaml:35:74: error: the default 5000 of parameter 'PageSize' is above its maximum 1000"
        ),
        .init(
            "minimum above maximum",
            line: 35,
            "          PageSize: { type: integer, minimum: 10, maximum: 1 }",
            "Specs/Broken.yaml:35:60: error: minimum 10 is greater than maximum 1 for parameter 'PageSize'"
        ),
        .init(
            "unknown HTTP method",
            line: 37,
            "        method: PSOT",
            "Specs/Broken.yaml:37:17: error: unknown HTTP method 'PSOT' in operation 'create' (did you mean 'POST'?)"
        ),
        .init(
            "status out of range",
            line: 39,
            "        status: 2010",
            "Specs/Broken.yaml:39:17: error: status 2010 of operation 'create' is not an HTTP status code (100 to 599)"
        ),
        .init(
            "status that is not a number",
            line: 39,
            "        status: created",
            "Specs/Broken.yaml:39:17: error: expected a whole number for the status of operation 'create', found 'created'"
        ),
        .init(
            "unknown return kind",
            line: 40,
            "        returns: resorce",
            "Specs/Broken.yaml:40:18: error: unknown return kind 'resorce' (did you mean 'resource'?); expected one of resource, page, nothing"
        ),
        .init(
            "form parameters on a GET",
            [(34, "        formParameters:")],
            [
                "Specs/Broken.yaml:34:9: error: operation 'list' uses GET, which sends no body, but declares formParameters"
            ]
        ),
        .init(
            "a list where a mapping belongs",
            [(17, "    properties: [sid, name]"), (18, ""), (19, ""), (20, ""), (21, "")],
            ["Specs/Broken.yaml:17:17: error: expected a mapping for the properties of resource 'Widget', found a list"]
        ),
        .init(
            "a boolean that is not one",
            line: 19,
            "      name: { type: string, nullable: maybe }",
            "Specs/Broken.yaml:19:39: error: expected true or false for 'nullable' of property 'name', found 'maybe'"
        ),
        .init(
            "two wire names, one Swift name",
            line: 21,
            "      Name: { type: string, nullable: true }",
            "Specs/Broken.yaml:21:7: error: property 'Name' of resource 'Widget' becomes 'name' in Swift, as 'name' on line 19 does"
        ),
        .init(
            "duplicate enum value",
            line: 12,
            "    values: [RED, GREEN, RED]",
            "Specs/Broken.yaml:12:26: error: duplicate value 'RED' in enum 'Color'"
        ),
        .init(
            "defaultOutput naming no property",
            line: 16,
            "    defaultOutput: [sid, nmae]",
            "Specs/Broken.yaml:16:26: error: defaultOutput names 'nmae', which is not a property of 'Widget' (did you mean 'name'?)"
        ),
        .init(
            "required path parameter marked optional",
            line: 42,
            "          AccountSid: { type: sid<AC>, required: false }",
            "Specs/Broken.yaml:42:50: error: path parameter 'AccountSid' is always required; remove 'required: false'"
        ),
        .init(
            "page returned without a page",
            [(22, ""), (23, ""), (24, ""), (25, "")],
            ["Specs/Broken.yaml:31:18: error: operation 'list' returns a page, but the resource declares no 'page'"]
        ),
        .init(
            "type name shared by an enum and a page",
            [(11, "  WidgetPage:"), (20, "      color: { type: enum<WidgetPage>, nullable: true }")],
            [
                "Specs/Broken.yaml:22:5: error: type 'page of Widget' becomes 'WidgetPage' in Swift, as 'WidgetPage' on line 11 does"
            ]
        ),
        .init(
            "paging on an operation that returns no page",
            line: 40,
            "        returns: resource\n        paging: { size: Name }",
            "Specs/Broken.yaml:41:9: error: 'paging' applies to operations that return a page, not to operation 'create'"
        ),
        .init(
            "paging size that is no query parameter",
            line: 35,
            "          PageSize: { type: integer }\n        paging: { size: PageSiz }",
            "Specs/Broken.yaml:36:25: error: 'PageSiz' is not a query parameter of operation 'list' (did you mean 'PageSize'?)"
        ),
        .init(
            "paging next that is no page field",
            line: 23,
            "      items: widgets\n      next: next_page_url",
            "Specs/Broken.yaml:24:13: error: 'next' names 'next_page_url', which is not a page field (did you mean 'next_page_uri'?)"
        ),
        .init(
            "account parameter that is no path parameter",
            line: 6,
            "  password: { name: Auth Token, env: EXAMPLE_AUTH_TOKEN }\n  accountParameter: AccountSID",
            "Specs/Broken.yaml:7:21: error: accountParameter 'AccountSID' is not a path parameter of any operation"
        ),
        .init(
            "a uri-map parameter",
            line: 45,
            "          Enabled: { type: uri-map }",
            "Specs/Broken.yaml:45:28: error: parameter 'Enabled' cannot be a uri-map: a request sends one value a name"
        ),
        .init(
            "a parameter clashing with the paged method's limit",
            line: 35,
            "          PageSize: { type: integer }\n          Limit: { type: integer }\n        paging: { size: PageSize }",
            "Specs/Broken.yaml:37:9: error: parameter 'Limit' of operation 'list' clashes with the `limit` of its paged method"
        ),
        .init(
            "several problems at once",
            [(2, "baseUrl: ftp://example.com"), (19, "      name: { type: strin }"), (37, "        method: FETCH")],
            [
                "Specs/Broken.yaml:2:10: error: baseUrl must be an http:// or https:// URL, found 'ftp://example.com'",
                "Specs/Broken.yaml:19:21: error: unknown type 'strin' (did you mean 'string'?); expected one of string, integer, boolean, uri, uri-map, datetime-rfc2822, sid<..>, enum<..>",
                "Specs/Broken.yaml:37:17: error: unknown HTTP method 'FETCH' in operation 'create'",
            ]
        ),
        .init(
            "two operations with one operationId",
            line: 0,
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
            "Specs/Broken.yaml:56:7: error: operation 'getWidget of List' becomes 'GetWidgetList' in Swift, as 'get of WidgetList' on line 51 does"
        ),
        .init(
            "acronyms that are no words, and one twice",
            [(0, #"acronyms: [SIP, S-IP, sip, "", 42]"#)],
            [
                "Specs/Broken.yaml:47:17: error: acronym 'S-IP' must be letters and digits, with at least one letter",
                "Specs/Broken.yaml:47:23: error: duplicate acronym 'sip' (as 'SIP')",
                "Specs/Broken.yaml:47:28: error: acronym '' must be letters and digits, with at least one letter",
                "Specs/Broken.yaml:47:32: error: acronym '42' must be letters and digits, with at least one letter",
            ]
        ),
        .init(
            "acronyms that are not a list",
            line: 0,
            "acronyms: { SIP: yes }",
            "Specs/Broken.yaml:47:11: error: expected a list for 'acronyms', found a mapping"
        ),
        .init(
            "a realm that cannot be sent in a header",
            line: 6,
            "  password: { name: Auth Token, env: EXAMPLE_AUTH_TOKEN }\n  realm: Widget \"API\"",
            #"Specs/Broken.yaml:7:10: error: auth.realm 'Widget "API"' cannot be sent in a header: use printable ASCII characters other than '"' and '\'"#
        ),
        .init(
            "an empty realm",
            line: 6,
            "  password: { name: Auth Token, env: EXAMPLE_AUTH_TOKEN }\n  realm: ''",
            "Specs/Broken.yaml:7:10: error: auth.realm is empty"
        ),
        .init(
            "error pages that are not at an HTTP URL",
            line: 0,
            "errors: { moreInfo: ftp://example.com/errors }",
            "Specs/Broken.yaml:47:21: error: errors.moreInfo must be an http:// or https:// URL, found 'ftp://example.com/errors'"
        ),
        .init(
            "error pages at a URL with a space",
            line: 0,
            "errors: { moreInfo: https://example.com/my errors }",
            "Specs/Broken.yaml:47:21: error: errors.moreInfo must be a URL without spaces, found 'https://example.com/my errors'"
        ),
        .init(
            "error pages at a URL ending in a slash",
            line: 0,
            "errors: { moreInfo: https://example.com/errors/ }",
            "Specs/Broken.yaml:47:21: error: errors.moreInfo must not end with '/': an error's more_info is this URL, '/' and its code"
        ),
        .init(
            "an empty spec",
            (1...45).map { ($0, "") },
            ["Specs/Broken.yaml:1:1: error: the spec is empty"]
        ),
    ]

    @Test(arguments: cases)
    func brokenSpecGetsExactDiagnostics(_ spec: BrokenSpec) throws {
        let result = Generator.definition(of: .init(path: Self.file, text: try spec.text()))
        guard case .failure(let error) = result else {
            Issue.record("\(spec.name): the spec was accepted")
            return
        }
        #expect(error.diagnostics.map(\.description) == spec.expected)
    }

    /// Through the `gen` command: exit code 1, every diagnostic on stderr, and the output folder
    /// exactly as it was, file by file and date by date.
    @Test(arguments: cases)
    func brokenSpecExitsOneAndWritesNothing(_ spec: BrokenSpec) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(try spec.text(), to: "Specs/Broken.yaml")
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
        let expected = spec.expected.map {
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
