import Testing

@testable import GenCore

/// Placeholders that share a node of Hummingbird's router get one name, mapped back to each
/// route's own wire names; paths whose placeholders agree stay as written.
@Suite struct RouterPathsTests {
    static func routes(_ paths: String...) -> [RouterPaths.Route] {
        RouterPaths(
            paths.map { path in
                Operation(
                    name: "op",
                    method: "GET",
                    path: path,
                    status: 200,
                    returns: .nothing,
                    summary: nil,
                    description: nil,
                    parameters: [],
                    paging: nil,
                    source: SourceLocation(file: "Op.yaml", line: 1, column: 1)
                )
            }
        ).routes
    }

    @Test func agreeingPlaceholdersAreRegisteredAsWritten() {
        let routes = Self.routes(
            "/2010-04-01/Accounts/{AccountSid}/SIP/Domains.json",
            "/2010-04-01/Accounts/{AccountSid}/SIP/Domains/{Sid}.json"
        )
        #expect(
            routes.map(\.path) == [
                "/2010-04-01/Accounts/{AccountSid}/SIP/Domains.json",
                "/2010-04-01/Accounts/{AccountSid}/SIP/Domains/{Sid}.json",
            ]
        )
        #expect(routes.allSatisfy { $0.renamed.isEmpty })
    }

    @Test func placeholdersAtOneNodeShareTheFirstName() {
        let routes = Self.routes(
            "/classes/{in}/{self}",
            "/classes/{where}",
            "/v1/Services/{Sid}",
            "/v1/Services/{ServiceSid}/Roles"
        )
        #expect(
            routes.map(\.path) == [
                "/classes/{in}/{self}", "/classes/{in}", "/v1/Services/{Sid}", "/v1/Services/{Sid}/Roles",
            ]
        )
        #expect(routes.map(\.renamed) == [[:], ["in": "where"], [:], ["Sid": "ServiceSid"]])
    }

    @Test func placeholdersOfAnotherShapeAreOtherNodes() {
        let routes = Self.routes("/Calls/{Sid}.json", "/Calls/{CallSid}/Recordings.json")
        #expect(routes.map(\.path) == ["/Calls/{Sid}.json", "/Calls/{CallSid}/Recordings.json"])
    }

    @Test func aSharedNameThatThePathAlreadyUsesIsNotTakenTwice() {
        let routes = Self.routes("/x/{a}", "/x/{b}/y/{a}")
        #expect(routes.map(\.path) == ["/x/{a}", "/x/{a}/y/{a2}"])
        #expect(routes.map(\.renamed) == [[:], ["a": "b", "a2": "a"]])
    }
}
