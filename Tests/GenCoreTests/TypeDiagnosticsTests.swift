import Testing

@testable import GenCore

/// The types beyond the 2010 API's: what a spec may write, and the errors for what it may not.
@Suite struct TypeDiagnosticsTests {
    static func errors(property: String = "sid: { type: sid<WD> }", query: String = "") -> [String] {
        let operation = """
                  list:
                    method: GET
                    path: /Accounts/{AccountSid}/Widgets.json
                    status: 200
                    returns: resource
                    pathParameters:
                      AccountSid: { type: sid<AC> }
                    queryParameters:
                      Other: { type: string }
            \(query)
            """
        let resource = """
              Widget:
                plural: Widgets
                properties:
                  \(property)
                operations:
            \(operation)
            """
        return PlanTests.errors(PlanTests.spec(resources: resource))
    }

    @Test func everyTypeOfTheFormatIsAccepted() {
        for type in [
            "number", "datetime", "date", "json", "phone-number", "email", "iso-country-code", "currency",
            "array<string>", "array<enum<Color>>", "array<sid<AC>>", "array<date>", "array<number>",
        ] {
            #expect(Self.errors(property: "value: { type: \(type), nullable: true }") == [], "\(type)")
        }
        #expect(
            Self.errors(query: "          Since: { type: datetime }\n          Tags: { type: array<string> }") == []
        )
        #expect(Self.errors(query: "          Score: { type: number, default: 0.5 }") == [])
    }

    @Test func whatAnArrayCannotHoldIsReported() {
        let errors = Self.errors(property: "value: { type: array<uri-map> }")
        #expect(
            errors.contains {
                $0.contains(
                    "an array holds strings, numbers, booleans, days, SIDs, enum values, objects or json, not uri-map"
                )
            }
        )
        #expect(Self.errors(property: "value: { type: array<json> }") == [])
        #expect(Self.errors(property: "value: { type: array<array<string>> }").count == 1)
        #expect(Self.errors(property: "value: { type: array<strng> }").contains { $0.contains("unknown type 'strng'") })
    }

    @Test func queryParametersHoldJSONAsTextButNotArraysOfIt() {
        #expect(Self.errors(query: "          Filter: { type: json }") == [])
        #expect(
            Self.errors(query: "          Filters: { type: array<json> }").contains {
                $0.contains("parameter 'Filters' cannot be an array of json outside jsonParameters")
            }
        )
        #expect(
            Self.errors(query: "          Score: { type: number, default: high }").contains {
                $0.contains("the default of parameter 'Score' must be a number, found 'high'")
            }
        )
        #expect(
            Self.errors(query: "          Since: { type: datetime, default: now }").contains {
                $0.contains("of type datetime cannot have a default")
            }
        )
    }

    @Test func boundsOfARangeGetNamesThatRead() throws {
        #expect(Namer.memberName("StartTime<") == "startTimeBefore")
        #expect(Namer.memberName("DateCreated>") == "dateCreatedAfter")
        #expect(Namer.kebabCase("StartTime<") == "start-time-before")
        #expect(
            Self.errors(query: "          StartTime<: { type: datetime }\n          StartTime>: { type: datetime }")
                == []
        )
        #expect(
            Self.errors(query: "          Start<Time: { type: string }").contains {
                $0.contains("invalid wire name 'Start<Time'")
            }
        )
        #expect(Self.errors(query: "          <: { type: string }").contains { $0.contains("invalid wire name '<'") })
    }

    @Test func headerParametersHoldOneValueAndLeaveTheClientsHeadersAlone() {
        func header(_ line: String) -> [String] {
            Self.errors(query: "        headerParameters:\n          \(line)")
        }
        #expect(header("If-Match: { type: string }") == [])
        #expect(
            header("X-Ids: { type: array<string> }").contains {
                $0.contains("header parameter 'X-Ids' cannot be an array")
            }
        )
        #expect(
            header("Authorization: { type: string }").contains {
                $0.contains("header parameter 'Authorization' is a header the client sets itself")
            }
        )
    }

    @Test func objectsNeedTheirMembersAndStayOutOfParameters() {
        #expect(Self.errors(property: "value: { type: object, properties: { a: { type: string } } }") == [])
        #expect(
            Self.errors(property: "value: { type: object }").contains {
                $0.contains("property 'value' is an object: give its members under 'properties'")
            }
        )
        #expect(
            Self.errors(property: "value: { type: string, properties: { a: { type: string } } }").contains {
                $0.contains("'properties' applies to type object, not to property 'value' of type string")
            }
        )
        #expect(
            Self.errors(query: "          Filter: { type: object }").contains { $0.contains("cannot be an object") }
        )
        #expect(Self.errors(property: "value: { type: array<object>, properties: { a: { type: string } } }") == [])
        #expect(
            Self.errors(property: "value: { type: array<object> }").contains { $0.contains("is an array of objects") }
        )
        #expect(
            Self.errors(query: "          Items: { type: array<object> }").contains {
                $0.contains("cannot be an array of objects")
            }
        )
    }
}
