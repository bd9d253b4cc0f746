import Foundation
import Testing

@testable import GenCore

/// Specs as people write YAML: anchors, aliases and merge keys mean what YAML says, and
/// diagnostics point at the line where a value was written.
@Suite struct YAMLMergeTests {
    static func definition(_ text: String) -> Result<APIDefinition, DiagnosticError> {
        Generator.definition(of: .init(path: "Specs/Merge.yaml", text: text))
    }

    @Test func anchorsAliasesAndMergeKeysLowerToTheSameIRAsThePlainSpec() throws {
        var anchored = try Self.definition(RepositoryPaths.text("Tests/Fixtures/Anchors.yaml")).get()
        let plain = try Self.definition(RepositoryPaths.text("Tests/Fixtures/Minimal.yaml")).get()
        #expect(try RepositoryPaths.text("Tests/Fixtures/Anchors.yaml").contains("<<: [{ method: POST"))
        anchored.specFile = plain.specFile
        // The same IR but for where things were written.
        #expect(try Self.withoutSources(anchored) == Self.withoutSources(plain))
    }

    /// The IR as JSON without its `source` members.
    static func withoutSources(_ definition: APIDefinition) throws -> NSDictionary {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { $0.key != "source" }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(definition))
        return try #require(strip(json) as? NSDictionary)
    }

    /// A spec whose `Widget.properties` is `properties`, after Minimal.yaml's first 16 lines.
    static func spec(properties: String) throws -> String {
        let minimal = try RepositoryPaths.text("Tests/Fixtures/Minimal.yaml").split(separator: "\n")
        return (minimal[0..<16] + ["    properties:"] + properties.split(separator: "\n") + minimal[21...])
            .joined(separator: "\n")
    }

    static func errors(properties: String) throws -> [String] {
        guard case .failure(let error) = definition(try spec(properties: properties)) else { return [] }
        return error.diagnostics.map(\.description)
    }

    @Test func aMistakeInAnAnchoredMappingIsReportedWhereItWasWritten() throws {
        let errors = try Self.errors(
            properties: """
                      sid: { type: sid<WD> }
                      name: &text
                        type: strng
                        nullable: true
                      color: { <<: *text, type: enum<Color> }
                      date_created: { <<: *text }
                """
        )
        #expect(
            errors == [
                "Specs/Merge.yaml:20:15: error: unknown type 'strng' (did you mean 'string'?); expected one of string, "
                    + "integer, number, boolean, uri, uri-map, datetime, datetime-rfc2822, date, phone-number, email, "
                    + "iso-country-code, currency, json, object, sid<..>, enum<..>, array<..>, map<..>, object<..>",
                "Specs/Merge.yaml:20:15: error: unknown type 'strng' (did you mean 'string'?); expected one of string, "
                    + "integer, number, boolean, uri, uri-map, datetime, datetime-rfc2822, date, phone-number, email, "
                    + "iso-country-code, currency, json, object, sid<..>, enum<..>, array<..>, map<..>, object<..>",
            ]
        )
    }

    @Test func anUnknownKeyBesideAMergeKeyIsReportedOnItsLine() throws {
        let errors = try Self.errors(
            properties: """
                      sid: { type: sid<WD> }
                      name: &text { type: string, nullable: true }
                      color:
                        <<: *text
                        typ: enum<Color>
                      date_created: { type: datetime-rfc2822, nullable: true }
                """
        )
        #expect(
            errors == ["Specs/Merge.yaml:22:9: error: unknown key 'typ' in property 'color' (did you mean 'type'?)"]
        )
    }

    @Test(arguments: [
        ("<<: 5", "20:20: error: expected a mapping or a list of mappings after '<<' in property 'color', found '5'"),
        ("<<: [*text, 5]", "20:28: error: expected a mapping to merge into property 'color', found '5'"),
        ("<<: [[1]]", "20:21: error: expected a mapping to merge into property 'color', found a list"),
    ])
    func aMergeKeyNeedsMappings(_ merge: String, _ expected: String) throws {
        let errors = try Self.errors(
            properties: """
                      sid: { type: sid<WD> }
                      name: &text { type: string, nullable: true }
                      color: { \(merge), type: enum<Color> }
                      date_created: { type: datetime-rfc2822, nullable: true }
                """
        )
        #expect(errors == ["Specs/Merge.yaml:" + expected])
    }

    @Test func aQuotedLessThanKeyIsAnOrdinaryKey() throws {
        let errors = try Self.errors(
            properties: """
                      sid: { type: sid<WD> }
                      name: { type: string, nullable: true, "<<": x }
                      color: { type: enum<Color>, nullable: true }
                      date_created: { type: datetime-rfc2822, nullable: true }
                """
        )
        #expect(errors == ["Specs/Merge.yaml:19:45: error: unknown key '<<' in property 'name'"])
    }
}
