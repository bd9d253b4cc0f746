import Foundation
import GenImport
import Testing

@testable import GenCore

/// `gen import openapi` on Twilio's descriptions: the SIP Domain round trip, goldens of what it
/// writes, every file of the corpus, and its warnings.
@Suite struct ImportTests {
    static let sipDomain = "Tests/Fixtures/Twilio/sip-domain.openapi.yaml"
    static let corpus = "Tests/Fixtures/TwilioOAI"

    static func imported(_ relative: String, name: String? = nil) throws -> ImportedSpec {
        try OpenAPIImporter.importFile(RepositoryPaths.url(relative).path, name: name)
    }

    static func definition(_ text: String, path: String) throws -> APIDefinition {
        try Generator.definition(of: .init(path: path, text: text)).get()
    }

    /// Twilio's description of the resource gives the API of `Specs/SipDomain.yaml`, but for
    /// documentation, order and the facts below, which Twilio's file does not hold.
    @Test func sipDomainRoundTrip() throws {
        let spec = try Self.imported(Self.sipDomain)
        #expect(spec.name == "SipDomain")
        #expect(spec.operations == 5 && spec.skipped == 0 && spec.warnings.isEmpty)
        let hand = try Self.definition(RepositoryPaths.text("Specs/SipDomain.yaml"), path: "Specs/SipDomain.yaml")
        let imported = try Self.definition(spec.text, path: "SipDomain.yaml")
        let differences = try IRDifferences.between(hand, imported)
        #expect(
            differences == [
                // CLI headings: a choice of presentation, not a fact of the API.
                #"/acronyms: ["SIP","BYOC"] by hand, [] imported"#,
                // From the documentation: the domain's form and Twilio's error code for it.
                "/resources/SipDomain/operations/create/parameters/DomainName/constraints/pattern: only by hand",
                "/resources/SipDomain/operations/create/parameters/DomainName/errorCode: only by hand",
                // The description says "up to 64 characters" in prose only.
                "/resources/SipDomain/operations/create/parameters/FriendlyName/constraints/maxLength: only by hand",
                // The largest page index Twilio takes, from the documentation.
                "/resources/SipDomain/operations/list/parameters/Page/constraints/maximum: only by hand",
                // "The default is 50", again in prose only.
                "/resources/SipDomain/operations/list/parameters/PageSize/defaultValue: only by hand",
                "/resources/SipDomain/operations/update/parameters/DomainName/constraints/pattern: only by hand",
                "/resources/SipDomain/operations/update/parameters/DomainName/errorCode: only by hand",
                "/resources/SipDomain/operations/update/parameters/FriendlyName/constraints/maxLength: only by hand",
                // Written out by hand; the importer leaves out the plural gen would give anyway.
                "/resources/SipDomain/plural: only by hand",
                // The importer names an entity after the fields that hold its SID: here only
                // emergency_caller_sid, where the documentation says a phone number.
                #"/sids/PN/entity: "PhoneNumber" by hand, "EmergencyCaller" imported"#,
            ]
        )
    }

    @Test(arguments: [
        ("Tests/Fixtures/Twilio/sip-domain.openapi.yaml", "SipDomain"),
        ("Tests/Fixtures/TwilioOAI/twilio_iam_organizations.yaml", "IamOrganizations"),
    ])
    func importMatchesItsGolden(file: String, name: String) throws {
        let spec = try Self.imported(file)
        let golden = "Tests/Goldens/Imported/\(name).yaml"
        let committed = try RepositoryPaths.text(golden)
        if spec.text != committed {
            Issue.record(
                """
                \(golden) differs from what gen imports. Review, then refresh with:
                    swift run gen import openapi \(file) --output Tests/Goldens/Imported
                \(UnifiedDiff.of(expected: committed, actual: spec.text, name: golden))
                """
            )
        }
    }

    /// Every file of Twilio's corpus imports with no operation skipped, into a spec gen plans,
    /// the same twice over.
    @Test func everyFileOfTheCorpusImports() throws {
        let folder = RepositoryPaths.url(Self.corpus)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(files.count == 47)
        var operations = 0
        for file in files {
            let path = folder.appendingPathComponent(file).path
            let spec = try OpenAPIImporter.importFile(path)
            #expect(spec.skipped == 0, "\(file) skipped \(spec.skipped) operations")
            operations += spec.operations
            if case .failure(let error) = Generator.plan(of: .init(path: spec.name + ".yaml", text: spec.text)) {
                Issue.record("\(file) imports into a spec gen refuses:\n\(error)")
            }
            #expect(try OpenAPIImporter.importFile(path).text == spec.text, "\(file) imports differently twice")
        }
        #expect(operations == 1_211)
    }

    /// What a spec cannot say is reported with the file, line, column and JSON pointer, and
    /// skipped; the rest imports.
    @Test func warningsSayWhereAndWhat() throws {
        let text = """
            openapi: 3.0.1
            info: { title: Things, version: 1.0.0 }
            servers: [{ url: https://things.example.com }]
            paths:
              /v1/Things:
                get:
                  operationId: ListThing
                  parameters:
                  - { name: Authorization, in: header, schema: { type: string } }
                  - { name: AddOns, in: query, schema: { type: object, format: prefixed-collapsible-map-AddOns } }
                  - { name: Session, in: cookie, schema: { type: string } }
                  responses:
                    '200':
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              things: { type: array, items: { $ref: '#/components/schemas/thing' } }
                              meta: { type: object, properties: { next_page_url: { type: string, format: uri, nullable: true } } }
                post:
                  operationId: CreateThing
                  requestBody:
                    content:
                      application/json:
                        schema:
                          oneOf:
                          - { type: object, properties: { name: { type: string } }, required: [name] }
                          - { type: object, properties: { code: { type: integer, minimum: 0.5 } } }
                  responses:
                    '201': { content: { application/json: { schema: { $ref: '#/components/schemas/thing' } } } }
                    '202': { description: Accepted }
                options:
                  operationId: OptionsThing
                  responses: { '200': { description: OK } }
            components:
              schemas:
                thing:
                  type: object
                  properties:
                    sid: { type: string, pattern: '^TH[0-9a-fA-F]{32}$' }
                    when: { type: array, items: { type: string, format: date-time } }
                    secret: { type: string, x-twilio: { pii: { handling: sensitive, deleteSla: 0 } } }
            """
        let spec = try OpenAPIImporter.importText(text, file: "things.yaml")
        #expect(spec.name == "Things")
        #expect(spec.operations == 3 && spec.skipped == 1)
        #expect(
            spec.warnings.map(\.description) == [
                "things.yaml:34:7: warning: a spec has no OPTIONS operations; the operation is skipped (at /paths/~1v1~1Things/options)",
                "things.yaml:42:37: warning: a spec has no arrays of date-times; when is an array of strings (at /components/schemas/thing/properties/when/items)",
                "things.yaml:43:84: warning: a spec keeps personal data a positive number of days; the deleteSla 0 is left out (at /components/schemas/thing/properties/secret/x-twilio/pii/deleteSla)",
                "things.yaml:9:9: warning: the header Authorization is set by the client itself (credentials go in the spec's auth); it is skipped (at /paths/~1v1~1Things/get/parameters/0)",
                "things.yaml:10:9: warning: AddOns is sent flattened under a prefix (AddOns.<key>=value), which a spec cannot say; it is skipped (at /paths/~1v1~1Things/get/parameters/1)",
                "things.yaml:11:9: warning: a spec has no cookie parameters; Session is skipped (at /paths/~1v1~1Things/get/parameters/2)",
                "things.yaml:31:9: warning: the operation answers 201 or 202 on success; a spec declares one status, 201 (at /paths/~1v1~1Things/post/responses)",
                "things.yaml:27:15: warning: the body is one of 2 shapes, which a spec cannot say; it takes the members of all, each optional (at /paths/~1v1~1Things/post/requestBody/content/application~1json/schema)",
                "things.yaml:29:79: warning: a spec's bounds are whole numbers; the minimum 0.5 is left out (at /paths/~1v1~1Things/post/requestBody/content/application~1json/schema/oneOf/1/properties/code/minimum)",
            ]
        )
        let definition = try Self.definition(spec.text, path: "Things.yaml")
        let thing = try #require(definition.resources.first)
        #expect(thing.name == "Thing")
        #expect(thing.operations.map(\.name) == ["list", "create"])
        #expect(definition.sids.map(\.prefix) == ["TH"])
        #expect(thing.page?.next == ["meta", "next_page_url"])
    }

    /// Operations named after the plural (`ListWidgets`) join the resource of the singular
    /// (`FetchWidget`) when their path is its collection's; a plural elsewhere stays apart.
    @Test func aCollectionNamedInThePluralJoinsItsInstances() throws {
        let text = """
            openapi: 3.0.1
            info: { title: Widgets, version: 1.0.0 }
            servers: [{ url: https://widgets.example.com }]
            paths:
              /v1/Widgets:
                get: { operationId: ListWidgets, responses: { '200': { description: OK } } }
              /v1/Widgets/{Sid}:
                get: { operationId: FetchWidget, responses: { '200': { description: OK } } }
              /v1/Gadgets:
                get: { operationId: ListGadgets, responses: { '200': { description: OK } } }
              /v2/Gadget/{Sid}:
                get: { operationId: FetchGadget, responses: { '200': { description: OK } } }
            """
        let spec = try OpenAPIImporter.importText(text, file: "widgets.yaml")
        let definition = try Self.definition(spec.text, path: "Widgets.yaml")
        #expect(definition.resources.map(\.name) == ["Widget", "Gadgets", "Gadget"])
        #expect(definition.resources[0].operations.map(\.name) == ["list", "fetch"])
        #expect(
            spec.warnings.map(\.description) == [
                "widgets.yaml:8:10: warning: the path's {Sid} has no parameter; it is taken as a string (at /paths/~1v1~1Widgets~1{Sid}/get)",
                "widgets.yaml:12:10: warning: the path's {Sid} has no parameter; it is taken as a string (at /paths/~1v2~1Gadget~1{Sid}/get)",
            ]
        )
    }

    @Test(arguments: [
        ("twilio_api_v2010.yaml", "ApiV2010"), ("sip-domain.openapi.yaml", "SipDomain"),
        ("/specs/twilio-iam_organizations.json", "IamOrganizations"), ("2024.yaml", "API2024"),
    ])
    func specNamesComeFromFileNames(file: String, name: String) {
        #expect(OpenAPIImporter.specName(file: file) == name)
    }

    /// The command writes each spec, prints a line for each file and exits 1 for a file it
    /// cannot read, having imported the others.
    @Test func commandImportsEachFileAndReportsFailures() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let lines = LockedLines()
        let console = Console(out: { lines.append("out: " + $0) }, err: { lines.append("err: " + $0) })
        let missing = folder.url.appendingPathComponent("missing.yaml").path
        let status = ImportCommand.run(
            files: [missing, RepositoryPaths.url(Self.sipDomain).path],
            output: folder.url.appendingPathComponent("specs").path,
            name: nil,
            console: console
        )
        #expect(status == 1)
        let written = folder.url.appendingPathComponent("specs/SipDomain.yaml")
        #expect(try String(contentsOf: written, encoding: .utf8) == Self.imported(Self.sipDomain).text)
        #expect(lines.all.count == 2)
        #expect(lines.all[0].hasPrefix("err: \(missing):1:1: error: cannot read the file"))
        #expect(
            lines.all[1]
                == "out: imported \(RepositoryPaths.url(Self.sipDomain).path) -> \(written.path): 5 operations, 0 skipped, 0 warnings"
        )
        #expect(
            ImportCommand.run(files: ["a.yaml", "b.yaml"], output: folder.url.path, name: "X", console: console) == 1
        )
    }
}

/// Lines a test's console printed, from any thread.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// The differences of two IRs that matter to the generated code's behaviour: documentation,
/// source locations and order left out; lists of named things compared by name.
enum IRDifferences {
    static let ignored: Set<String> = ["description", "summary", "source", "location", "title"]

    static func between(_ hand: APIDefinition, _ imported: APIDefinition) throws -> [String] {
        func object(_ definition: APIDefinition) throws -> Any {
            let text = try IRJSON.encode([definition])
            return try (JSONSerialization.jsonObject(with: Data(text.utf8)) as? [Any])?.first ?? [:]
        }
        var lines: [String] = []
        compare(try object(hand), try object(imported), path: "", into: &lines)
        return lines
    }

    private static func json(_ value: Any) -> String {
        let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return data.flatMap { String(data: $0, encoding: .utf8) } ?? "\(value)"
    }

    /// A list of objects that each have a name, keyed by it.
    private static func keyed(_ value: Any) -> [String: Any]? {
        guard let list = value as? [[String: Any]], let first = list.first else { return nil }
        guard let key = ["name", "wireName", "prefix"].first(where: { first[$0] is String }) else { return nil }
        return Dictionary(list.map { ($0[key] as? String ?? "", $0 as Any) }, uniquingKeysWith: { first, _ in first })
    }

    private static func compare(_ hand: Any, _ imported: Any, path: String, into lines: inout [String]) {
        let left = keyed(hand) ?? hand
        let right = keyed(imported) ?? imported
        if let left = left as? [String: Any], let right = right as? [String: Any] {
            for key in Set(left.keys).union(right.keys).subtracting(ignored).sorted() {
                switch (left[key], right[key]) {
                case (let a?, let b?): compare(a, b, path: path + "/" + key, into: &lines)
                case (_?, nil): lines.append("\(path)/\(key): only by hand")
                case (nil, _?): lines.append("\(path)/\(key): only imported")
                default: break
                }
            }
        } else if json(strip(left)) != json(strip(right)) {
            lines.append("\(path): \(json(strip(left))) by hand, \(json(strip(right))) imported")
        }
    }

    private static func strip(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            return object.filter { !ignored.contains($0.key) }.mapValues(strip)
        }
        if let list = value as? [Any] { return list.map(strip) }
        return value
    }
}
