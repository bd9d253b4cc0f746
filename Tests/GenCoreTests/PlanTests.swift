import Foundation
import Testing

@testable import GenCore

/// The plan stage: every Swift name made once and claimed in its scope, parameters with roles.
@Suite struct PlanTests {
    /// A spec of `resources`.
    static func spec(resources: String) -> String {
        """
        name: Shop
        baseUrl: https://api.example.com
        auth:
          scheme: basic
          username: { name: Account SID }
          password: { name: Auth Token }
          accountParameter: AccountSid
        sids:
          AC: Account
          WD: Widget
        enums:
          Color: { values: [red] }
        resources:
        \(resources)
        """
    }

    static func widget(named name: String = "Widget", operations: String = "") -> String {
        """
          \(name):
            plural: \(name)s
            properties:
              sid: { type: sid<WD> }
            operations:
              fetch:
                method: GET
                path: /Accounts/{AccountSid}/\(name)/{Sid}.json
                status: 200
                returns: resource
                pathParameters:
                  AccountSid: { type: sid<AC> }
                  Sid: { type: sid<WD> }
        \(operations)
        """
    }

    static func errors(_ text: String) -> [String] {
        switch Generator.plan(of: .init(path: "Shop.yaml", text: text)) {
        case .success: []
        case .failure(let error): error.diagnostics.map(\.description)
        }
    }

    @Test func theSipDomainPlanNamesAndOrdersEverything() throws {
        let text = try RepositoryPaths.text("Specs/SipDomain.yaml")
        let plan = try Generator.plan(of: .init(path: "Specs/SipDomain.yaml", text: text)).get()
        #expect(plan.clientTypeName == "SipDomainAPI")
        #expect(plan.handlerTypeName == "SipDomainHandler")
        #expect(plan.rootCommandTypeName == "SipDomainCommand")
        let resource = try #require(plan.resources.first)
        #expect(resource.commandTypeName == "SipDomainsCommand")
        let list = try #require(resource.operations.first { $0.operation.name == "list" })
        #expect(list.parameters.map(\.role) == [.account, .pageSize, .cursor, .cursor])
        #expect(list.clientParameters.map(\.name) == ["pageSize", "page", "pageToken", "accountSid"])
        #expect(list.paging?.singlePageMethodName == "page")
        let fetch = try #require(resource.operations.first { $0.operation.name == "fetch" })
        #expect(fetch.parameters.map(\.role) == [.account, .identity])
        #expect(fetch.inputTypeName == "FetchSipDomainInput")
        #expect(fetch.handlerMethodName == "fetchSipDomain")
        let placeholders = fetch.path.compactMap { segment -> String? in
            if case .parameter(let parameter) = segment { parameter.name } else { nil }
        }
        #expect(placeholders == ["accountSid", "sid"])
        let create = try #require(resource.operations.first { $0.operation.name == "create" })
        let domainName = try #require(create.parameters.first { $0.wireName == "DomainName" })
        #expect(domainName.reader.method == "string")
        #expect(domainName.optionName == "domain-name")
    }

    /// The in-memory handler is named as the other types are, from the words of the API's name:
    /// a name of several words gives a Swift identifier, as the client's and the handler's do.
    @Test func theInMemoryHandlerIsNamedLikeTheHandler() throws {
        for (name, expected) in [
            ("Shop", "InMemoryShop"), ("pet-store", "InMemoryPetStore"), ("ApiV2010", "InMemoryApiV2010"),
        ] {
            let text = Self.spec(resources: Self.widget()).replacingOccurrences(of: "name: Shop", with: "name: \(name)")
            let plan = try Generator.plan(of: .init(path: "Shop.yaml", text: text)).get()
            #expect(MemoryPlan(plan).typeName == expected)
            #expect(plan.handlerTypeName == expected.dropFirst("InMemory".count) + "Handler")
        }
    }

    @Test func aPluralThatIsAnotherResourceIsReported() {
        let text = Self.spec(resources: Self.widget() + "\n" + Self.widget(named: "Widgets"))
        let errors = Self.errors(text)
        #expect(
            errors.contains { $0.contains("type 'Widgets' becomes 'Widgets' in Swift, as 'plural of Widget'") },
            "\(errors)"
        )
    }

    @Test func twoOperationsWithOneCommandAreReported() {
        let extra = """
                  delete:
                    method: DELETE
                    path: /Accounts/{AccountSid}/Widget/{Sid}/a.json
                    status: 204
                    returns: nothing
                    pathParameters:
                      AccountSid: { type: sid<AC> }
                      Sid: { type: sid<WD> }
                  remove:
                    method: DELETE
                    path: /Accounts/{AccountSid}/Widget/{Sid}/b.json
                    status: 204
                    returns: nothing
                    pathParameters:
                      AccountSid: { type: sid<AC> }
                      Sid: { type: sid<WD> }
            """
        let errors = Self.errors(Self.spec(resources: Self.widget(operations: extra)))
        #expect(
            errors.contains { $0.contains("operation 'remove' of resource 'Widget' becomes 'remove' in Swift") },
            "\(errors)"
        )
    }

    @Test func aTypeTheGeneratedCodeUsesIsReserved() {
        let errors = Self.errors(Self.spec(resources: Self.widget(named: "Date")))
        #expect(errors.contains { $0.contains("type 'Date' becomes 'Date' in Swift, which the generated code") })
    }

    @Test func collisionsAreReportedWithTheLoweringsProblems() {
        // One run reports a type error and a name collision together.
        let broken = Self.widget().replacingOccurrences(of: "sid: { type: sid<WD> }", with: "sid: { type: sidd }")
        let errors = Self.errors(Self.spec(resources: broken + "\n" + Self.widget(named: "Widgets")))
        #expect(errors.contains { $0.contains("unknown type 'sidd'") })
        #expect(errors.contains { $0.contains("becomes 'Widgets' in Swift") })
    }
}
