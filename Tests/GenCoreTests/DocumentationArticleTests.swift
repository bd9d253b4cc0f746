import Foundation
import Testing

@testable import GenCore

/// Each generated module's DocC landing article: one per Swift module of the modules layout, none
/// in the single layout (the build plugin's, whose module is the user's), and what it names.
@Suite struct DocumentationArticleTests {
    static func files(
        _ path: String,
        layout: Generator.Layout,
        access: AccessModifier = .public
    ) throws -> [GeneratedFile] {
        let source = Generator.SpecSource(path: path, text: try RepositoryPaths.text(path))
        return try Generator(emitters: Generator.allEmitters)
            .generate([source], templates: GoldenTests.templates(), layout: layout, access: access).get().files
    }

    @Test func everySwiftModuleOfTheModulesLayoutHasOneArticle() throws {
        let articles = try Self.files("Specs/SipDomain.yaml", layout: .modules).filter { $0.path.hasSuffix(".md") }
        #expect(
            articles.map(\.path) == [
                "SipDomainModels/SipDomainModels.docc/SipDomainModels.md",
                "SipDomainClient/SipDomainClient.docc/SipDomainClient.md",
                "SipDomainServer/SipDomainServer.docc/SipDomainServer.md",
                "SipDomainCLI/SipDomainCLI.docc/SipDomainCLI.md",
                "SipDomainMemory/SipDomainMemory.docc/SipDomainMemory.md",
            ]
        )
        for article in articles {
            let module = String(article.path.prefix { $0 != "/" })
            #expect(article.contents.hasPrefix("# ``\(module)``\n\n"), "\(article.path): the title links the module")
        }
    }

    /// DocC documents public declarations: links to `package` ones would not resolve.
    @Test func codeOfPackageAccessHasNoArticle() throws {
        let files = try Self.files("Specs/SipDomain.yaml", layout: .modules, access: .package)
        #expect(files.contains { $0.path == "SipDomainClient/SipDomainAPI.swift" })
        #expect(files.allSatisfy { !$0.path.hasSuffix(".md") }, "\(files.map(\.path))")
    }

    @Test func theSingleLayoutWritesNoArticle() throws {
        let files = try Self.files("Specs/SipDomain.yaml", layout: .single)
        #expect(!files.isEmpty)
        #expect(files.allSatisfy { !$0.path.hasSuffix(".md") }, "\(files.map(\.path))")
    }

    /// Every operation is in the client's and the server's tables, under its own names.
    @Test func theTablesNameEveryOperation() throws {
        let files = try Self.files("Tests/Fixtures/Landmine.yaml", layout: .modules)
        let client = try #require(files.first { $0.path == "LandmineClient/LandmineClient.docc/LandmineClient.md" })
        let server = try #require(files.first { $0.path == "LandmineServer/LandmineServer.docc/LandmineServer.md" })
        let plan = try #require(
            try Generator.plans(
                of: [
                    .init(
                        path: "Tests/Fixtures/Landmine.yaml",
                        text: RepositoryPaths.text("Tests/Fixtures/Landmine.yaml")
                    )
                ]
            ).get().first
        )
        #expect(plan.operations.count > 5)
        for (resource, operation) in plan.operations {
            #expect(
                client.contents.contains("`\(resource.accessorName).\(operation.methodName)("),
                "\(operation.operationID)"
            )
            #expect(server.contents.contains("| `\(operation.handlerMethodName)` | ``\(operation.inputTypeName)`` |"))
        }
    }

    @Test func aSentenceEndsAtItsFirstFullStop() {
        #expect(ArticleView.firstSentence(of: "One. Two.") == "One.")
        #expect(ArticleView.firstSentence(of: "A v1.2 line\nthat goes on") == "A v1.2 line that goes on")
        #expect(ArticleView.firstSentence(of: "") == nil)
    }
}
