import Foundation
import Testing

@testable import GenCore

/// `gen-config.json` as `GenConfig` reads it, the one reader that `gen --config` and the
/// plugins share.
@Suite struct GenConfigTests {
    static let path = "/work/Sources/WidgetAPI/gen-config.json"

    static func parse(_ json: String, swiftOnly: Bool = false) throws(GenConfigError) -> GenConfig {
        try GenConfig.parse(Data(json.utf8), at: path, swiftOnly: swiftOnly)
    }

    /// The error of a config that is refused, as `FILE:1:1: error: …`.
    static func problem(_ json: String, swiftOnly: Bool = false) -> String? {
        do {
            _ = try parse(json, swiftOnly: swiftOnly)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aConfigWithoutPiecesHasTheDefault() throws {
        let config = try Self.parse("{}")
        #expect(config.pieces == ["models", "client"])
        #expect(config.pieces == GenConfig.defaultPieces)
        #expect(config.templates == nil && config.templatesURL == nil)
        #expect(GenConfig().pieces == ["models", "client"], "a target without a config in the plugins")
        #expect(try Self.parse(#"{"templates": "T"}"#).pieces == ["models", "client"])
    }

    @Test func piecesAreKeptInOrderEachOnce() throws {
        let config = try Self.parse(#"{"pieces": ["cli", "models", "cli", "openapi"]}"#)
        #expect(config.pieces == ["cli", "models", "openapi"])
    }

    @Test func theKnownPiecesAreGensEmitters() {
        #expect(GenConfig.knownPieces == Generator.allEmitters.map(\.piece))
        #expect(GenConfig.swiftPieces == GenConfig.knownPieces.filter { $0 != "openapi" })
        #expect(GenConfig.defaultPieces.allSatisfy(GenConfig.swiftPieces.contains))
    }

    @Test(arguments: [
        (
            #"{"pieces": ["models", "modles"]}"#, false,
            "unknown piece 'modles'; expected models, client, server, cli, openapi, memory"
        ),
        (#"{"pieces": ["modles"]}"#, true, "unknown piece 'modles'; expected models, client, server, cli, memory"),
        (
            #"{"pieces": ["models", "openapi"]}"#, true,
            "the build plugin generates Swift only, not the 'openapi' piece; write the OpenAPI description "
                + "with `gen --only openapi` or the generate-code command plugin"
        ),
        (
            #"{"pieces": "models"}"#, false,
            #"the config is not valid: 'pieces' must be a list of piece names, such as ["models", "client"]"#
        ),
        (
            #"{"pieces": [1]}"#, false,
            #"the config is not valid: 'pieces' must be a list of piece names, such as ["models", "client"]"#
        ),
        (
            #"{"pieces": []}"#, false,
            "the config is not valid: 'pieces' is empty; name one or more of models, client, server, cli, openapi, memory"
        ),
        (
            #"{"piece": ["models"]}"#, false,
            "the config is not valid: unknown key 'piece'; expected pieces, templates, accessModifier"
        ),
        (
            #"{"accessModifier": "private"}"#, false,
            "unknown access modifier 'private'; expected public, package, internal"
        ),
        (
            #"{"accessModifier": ["package"]}"#, false,
            "the config is not valid: 'accessModifier' must be one of public, package, internal"
        ),
        (
            #"{"templates": 3}"#, false,
            "the config is not valid: 'templates' must be the path of a folder, relative to the config"
        ),
        (
            #"{"templates": ""}"#, false,
            "the config is not valid: 'templates' must be the path of a folder, relative to the config"
        ),
        (
            "pieces: [models]", false,
            #"the config is not valid: it is not a JSON object such as {"pieces": ["models", "client"]}"#
        ),
        (
            #"["models"]"#, false,
            #"the config is not valid: it is not a JSON object such as {"pieces": ["models", "client"]}"#
        ),
        ("", false, #"the config is not valid: it is not a JSON object such as {"pieces": ["models", "client"]}"#),
    ])
    func aBadConfigIsAnErrorNamingTheFile(json: String, swiftOnly: Bool, message: String) {
        #expect(Self.problem(json, swiftOnly: swiftOnly) == "\(Self.path):1:1: error: \(message)")
    }

    @Test(arguments: AccessModifier.allCases)
    func anAccessModifierIsReadByName(modifier: AccessModifier) throws {
        #expect(try Self.parse(#"{"accessModifier": "\#(modifier.rawValue)"}"#).accessModifier == modifier)
        #expect(try Self.parse("{}").accessModifier == nil, "gen's default, public, is not the config's to say")
    }

    @Test func openAPIIsAPieceForGen() throws {
        #expect(try Self.parse(#"{"pieces": ["openapi"]}"#).pieces == ["openapi"])
    }

    @Test(arguments: [
        ("Templates", "/work/Sources/WidgetAPI/Templates"),
        ("Config/../Templates/", "/work/Sources/WidgetAPI/Templates"),
        ("../Shared/Templates", "/work/Sources/Shared/Templates"),
        ("/elsewhere/Templates", "/elsewhere/Templates"),
    ])
    func templatesAreRelativeToTheConfigFile(templates: String, resolved: String) throws {
        let config = try Self.parse(#"{"templates": "\#(templates)"}"#)
        #expect(config.templates == templates)
        #expect(config.templatesURL?.path == resolved)
    }

    @Test func aMissingConfigIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: GenConfigError(folder.path("gen-config.json"), "cannot read the config")) {
            try GenConfig.read(folder.path("gen-config.json"))
        }
        try folder.write(#"{"pieces": ["server"], "templates": "T"}"#, to: "API/gen-config.json")
        let config = try GenConfig.read(folder.path("API/gen-config.json"))
        #expect(config.pieces == ["server"])
        #expect(config.templatesURL?.path == folder.path("API/T"))
    }

    /// The plugins compile this reader through symbolic links: a copy would drift.
    @Test(arguments: ["Plugins/GenBuildPlugin/GenConfig.swift", "Plugins/GenerateCode/GenConfig.swift"])
    func thePluginsCompileTheSameFile(link: String) throws {
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: RepositoryPaths.url(link).path)
        #expect(destination == "../../Sources/GenCore/Pipeline/GenConfig.swift")
    }
}
