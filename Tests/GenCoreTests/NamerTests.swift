import Testing

@testable import GenCore

@Suite struct NamerTests {
    @Test(arguments: [
        ("account_sid", "accountSid"), ("PageSize", "pageSize"), ("DomainName", "domainName"),
        ("HTTPMethod", "httpMethod"), ("voiceUrl", "voiceUrl"), ("1st_value", "_1stValue"),
        ("content-type", "contentType"), ("dotted.name", "dottedName"), ("default", "`default`"),
        ("class", "`class`"), ("self", "self_"), ("Type", "type"), ("init", "init_"), ("_", "value"),
        ("IP_ACL", "ipAcl"), ("POST", "post"), ("ipv4Address", "ipv4Address"),
    ])
    func memberNames(_ wireName: String, _ expected: String) {
        #expect(Namer.memberName(wireName) == expected)
    }

    @Test(arguments: [
        ("SipDomain", "SipDomain"), ("sip_domain", "SipDomain"), ("HttpMethod", "HttpMethod"),
        ("HTTP_METHOD", "HttpMethod"), ("class", "Class"), ("Protocol", "Protocol_"), ("Type", "Type_"),
    ])
    func typeNames(_ name: String, _ expected: String) {
        #expect(Namer.typeName(name) == expected)
    }

    @Test func derivedNames() {
        #expect(Namer.sidTypeName(entity: "Account") == "AccountSid")
        #expect(Namer.sidTypeName(entity: "Protocol") == "ProtocolSid")
        #expect(Namer.pageTypeName(resource: "SipDomain") == "SipDomainPage")
        #expect(Namer.kebabCase("DomainName") == "domain-name")
        #expect(Namer.kebabCase("SipDomains") == "sip-domains")
        #expect(
            Namer.modules(for: "SipDomain")
                == ModuleNames(
                    models: "SipDomainModels",
                    client: "SipDomainClient",
                    server: "SipDomainServer",
                    cli: "SipDomainCLI",
                    openAPI: "SipDomainOpenAPI",
                    memory: "SipDomainMemory"
                )
        )
        #expect(Namer.operationID(operation: "create", resource: "SipDomain") == "CreateSipDomain")
        #expect(Namer.errorSchemaName(avoiding: ["SipDomain"]) == "APIError")
        #expect(Namer.errorSchemaName(avoiding: ["APIError"]) == "APIErrorBody")
        #expect(Namer.unknownCaseName(avoiding: ["get"]) == "unknown")
        #expect(Namer.unknownCaseName(avoiding: ["unknown"]) == "unknownValue")
    }
}
