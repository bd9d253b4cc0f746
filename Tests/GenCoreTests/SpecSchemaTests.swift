import Foundation
import Testing

@testable import GenCore

/// `Specs/spec.schema.json` is what editors complete and check with; it must allow exactly the
/// keys the loader reads. (`.ci/validate-specs.py` validates the specs themselves against it.)
@Suite struct SpecSchemaTests {
    static func schema() throws -> [String: Any] {
        try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: RepositoryPaths.url("Specs/spec.schema.json")))
                as? [String: Any]
        )
    }

    static func keys(_ object: [String: Any]?) -> [String] {
        ((object?["properties"] as? [String: Any])?.keys).map { $0.sorted() } ?? []
    }

    @Test func schemaKeysMatchTheLoader() throws {
        let schema = try Self.schema()
        let definitions = try #require(schema["definitions"] as? [String: [String: Any]])
        let resource = definitions["resource"]
        let page = (resource?["properties"] as? [String: Any])?["page"] as? [String: Any]
        #expect(Self.keys(schema) == SpecLoader.Keys.document.sorted())
        let errors = (schema["properties"] as? [String: Any])?["errors"] as? [String: Any]
        #expect(Self.keys(errors) == SpecLoader.Keys.errors.sorted())
        #expect(Self.keys(definitions["auth"]) == SpecLoader.Keys.auth.sorted())
        #expect(Self.keys(definitions["credential"]) == SpecLoader.Keys.credential.sorted())
        #expect(Self.keys(definitions["enum"]) == SpecLoader.Keys.enumeration.sorted())
        #expect(Self.keys(resource) == SpecLoader.Keys.resource.sorted())
        #expect(Self.keys(page) == SpecLoader.Keys.page.sorted())
        #expect(Self.keys(definitions["property"]) == SpecLoader.Keys.property.sorted())
        #expect(Self.keys(definitions["pii"]) == SpecLoader.Keys.pii.sorted())
        #expect(Self.keys(definitions["operation"]) == SpecLoader.Keys.operation.sorted())
        #expect(Self.keys(definitions["parameter"]) == SpecLoader.Keys.parameter.sorted())
    }

    @Test func schemaTypesMatchTheTypeParser() throws {
        let definitions = try #require(try Self.schema()["definitions"] as? [String: [String: Any]])
        let anyOf = try #require(definitions["fieldType"]?["anyOf"] as? [[String: Any]])
        let simple = try #require(anyOf.first?["enum"] as? [String])
        #expect(simple.sorted() == FieldTypeParser.simple.keys.sorted())
        let formats = try #require(anyOf.dropFirst().first?["enum"] as? [String])
        #expect(formats.sorted() == StringFormat.all.keys.sorted())
    }
}
