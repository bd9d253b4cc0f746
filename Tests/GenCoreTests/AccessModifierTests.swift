import Foundation
import Testing

@testable import GenCore

/// `--access-modifier`: every declaration of every Swift piece of SipDomain takes it; what the
/// modifier does not govern (`@main`, private members) stays as it is.
@Suite struct AccessModifierTests {
    /// SipDomain's Swift pieces, the in-memory handler included, by path.
    static func files(_ access: AccessModifier) throws -> [String: String] {
        let path = "Specs/SipDomain.yaml"
        let source = Generator.SpecSource(path: path, text: try RepositoryPaths.text(path))
        let generator = Generator(emitters: Generator.allEmitters.filter { $0.piece != "openapi" })
        let output = try generator.generate([source], templates: TemplateSet.load().get(), access: access).get()
        return Dictionary(uniqueKeysWithValues: output.files.map { ($0.path, $0.contents) })
    }

    /// The lines that start, after their indentation, with `word` and a space.
    static func lines(startingWith word: String, in files: [String: String]) -> [String] {
        files.keys.sorted().flatMap { path in
            files[path, default: ""].split(separator: "\n").filter {
                $0.drop(while: { $0 == " " }).hasPrefix(word + " ")
            }
            .map { "\(path): \($0)" }
        }
    }

    /// A declaration of each kind each template writes, with its indentation and without its
    /// modifier: how each line starts.
    static let declarations: [(path: String, indent: String, declaration: String)] = [
        ("SipDomainModels/SipDomain.swift", "", "struct SipDomain: Codable, Hashable, Sendable, JSONWritable {"),
        ("SipDomainModels/SipDomain.swift", "    ", "var accountSid: AccountSid?"),
        ("SipDomainModels/SipDomain.swift", "    ", "init("),
        ("SipDomainModels/SipDomain.swift", "    ", "init(from decoder: any Decoder) throws {"),
        ("SipDomainModels/SipDomain.swift", "    ", "func encode(to encoder: any Encoder) throws {"),
        ("SipDomainModels/SipDomain.swift", "    ", "func writeJSON(to writer: inout JSONWriter) {"),
        ("SipDomainModels/HttpMethod.swift", "", "enum HttpMethod: Hashable, Sendable {"),
        ("SipDomainModels/HttpMethod.swift", "    ", "var description: String { rawValue }"),
        ("SipDomainModels/Sids.swift", "", "struct AccountSid: TwilioSid {"),
        ("SipDomainModels/Sids.swift", "    ", "static let prefix = \"AC\""),
        ("SipDomainClient/SipDomainAPI.swift", "", "struct SipDomainAPI: Sendable {"),
        ("SipDomainClient/SipDomainAPI.swift", "    ", "var sipDomains: SipDomains {"),
        ("SipDomainClient/SipDomains.swift", "    ", "func list("),
        ("SipDomainServer/SipDomainHandler.swift", "", "protocol SipDomainHandler: Sendable {"),
        ("SipDomainServer/SipDomainInputs.swift", "", "struct CreateSipDomainInput: Sendable {"),
        ("SipDomainServer/SipDomainHandler+Routes.swift", "    ", "static var errorCodes: ErrorCodes {"),
        ("SipDomainCLI/SipDomainCommand.swift", "    ", "init?(argument: String) {"),
        (
            "SipDomainCLI/SipDomainCommand.swift", "    ",
            "static var allValueStrings: [String] { allCases.map(\\.rawValue) }"
        ),
        ("SipDomainMemory/InMemorySipDomain.swift", "", "final class InMemorySipDomain: SipDomainHandler {"),
        ("SipDomainMemory/InMemorySipDomain.swift", "    ", "typealias Caller = String"),
    ]

    @Test(arguments: AccessModifier.allCases)
    func everyKindOfDeclarationTakesTheModifier(access: AccessModifier) throws {
        let files = try Self.files(access)
        let modifier = access == .internal ? "" : access.rawValue + " "
        for (path, indent, declaration) in Self.declarations {
            let file = try #require(files[path], "\(path) is generated")
            let declared = file.split(separator: "\n").contains { $0.hasPrefix(indent + modifier + declaration) }
            #expect(declared, "\(path): \(modifier + declaration)")
        }
        #expect(try #require(files["SipDomainCLI/SipDomainCommand.swift"]).contains("\n@main\nstruct SipDomainCommand"))
        #expect(try #require(files["SipDomainModels/SipDomain.swift"]).contains("    private enum CodingKeys"))
    }

    /// Every declaration `public` marks takes `package` instead, and `internal` leaves no modifier:
    /// none is left out.
    @Test func noDeclarationKeepsAnotherModifier() throws {
        let publicLines = Self.lines(startingWith: "public", in: try Self.files(.public))
        let package = try Self.files(.package)
        #expect(publicLines.count > 100)
        #expect(Self.lines(startingWith: "public", in: package) == [])
        #expect(Self.lines(startingWith: "package", in: package).count == publicLines.count)
        let `internal` = try Self.files(.internal)
        #expect(Self.lines(startingWith: "public", in: `internal`) == [])
        #expect(Self.lines(startingWith: "package", in: `internal`) == [])
    }

    /// Without the option, the output is what it always was: public, the goldens byte for byte.
    @Test func publicIsTheDefault() throws {
        let path = "Specs/SipDomain.yaml"
        let source = Generator.SpecSource(path: path, text: try RepositoryPaths.text(path))
        let output = try Generator(emitters: Generator.allEmitters).generate(
            [source],
            templates: TemplateSet.load().get()
        )
        let files = Dictionary(uniqueKeysWithValues: try output.get().files.map { ($0.path, $0.contents) })
        #expect(files.filter { !$0.key.hasSuffix(".json") } == (try Self.files(.public)))
        #expect(GenerateCommand.Options().accessModifier == nil)
    }
}
