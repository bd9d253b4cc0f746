/// Emits the OpenAPI 3.1 description of an API, `SipDomainOpenAPI/openapi.json`: its paths and
/// operations with every constraint of their parameters, form bodies, the models as schemas,
/// the error answers the generated server gives, HTTP Basic security and links from an answer to
/// the operations on the same instance.
///
/// It describes the API as the generated server behaves, so that tools driven by it (Swagger UI,
/// Prism, schemathesis, other generators) agree with that server. It is printed by
/// ``JSONPrinter`` rather than rendered from a template: JSON's escaping and commas are the
/// printer's to get right, once; `--templates` therefore does not apply to this piece.
public struct OpenAPIEmitter: Emitter {
    public let piece = "openapi"
    public let moduleSuffix = "OpenAPI"

    public init() {}

    public func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    {
        [
            GeneratedFile(
                path: "\(plan.modules.openAPI)/openapi.json",
                contents: JSONPrinter.print(OpenAPIDocument(plan: plan).json)
            )
        ]
    }

    /// `SipDomain.openapi.json`: a JSON file of its own beside the Swift files of one module.
    public func singleLayout(_ files: [GeneratedFile], of plan: APIPlan, stem: String, templates: TemplateSet)
        -> [GeneratedFile]
    {
        files.map { GeneratedFile(path: stem + ".openapi.json", contents: $0.contents) }
    }
}

/// The OpenAPI document of one API.
struct OpenAPIDocument {
    let plan: APIPlan
    var api: APIDefinition { plan.api }
    let schemas: OpenAPISchemas

    init(plan: APIPlan) {
        self.plan = plan
        schemas = OpenAPISchemas(plan: plan)
    }

    /// How deeply the server lets a request's JSON nest: `JSONParser.requestDepthLimit` of the
    /// runtime, which gen does not link (a test keeps the two equal).
    static let jsonDepthLimit = 64

    /// The scheme a 401 challenges with, as the server's `ErrorCodes` sends it.
    private var challengeScheme: String { api.auth.scheme == "bearer" ? "Bearer" : "Basic" }

    /// The name of the one security scheme, after the API's.
    var securitySchemeName: String { api.auth.scheme == "bearer" ? "bearerAuth" : "basicAuth" }

    /// The error answers of every operation, by status, and their names in `components/responses`.
    /// No 405 on an operation: it answers a method that a path does not have, which no operation
    /// declares (`MethodNotAllowed` describes it). No 500: the server answers bad input with a
    /// 4xx; a 500 is a handler's failure.
    static let errorResponses = [
        ("400", "BadRequest"), ("401", "Unauthorized"), ("404", "NotFound"), ("413", "ContentTooLarge"),
        ("415", "UnsupportedMediaType"),
    ]

    var json: JSONValue {
        [
            "openapi": "3.1.0",
            // JSON has no comments: the header every generated file starts with goes here.
            "x-generated-by": .string(FileHeader(specFile: api.specFile).sentence),
            "info": info,
            "servers": [["url": .string(api.baseURL)]],
            "security": [.object(JSONObject([(securitySchemeName, [])]))],
            "tags": .array(plan.resources.map(tag)),
            "paths": .object(paths),
            "components": components,
        ]
    }

    private var info: JSONValue {
        var info = JSONObject([("title", .string(api.title ?? api.name))])
        info["description"] = api.description.map(JSONValue.string)
        // Required by OpenAPI; the spec format has no version of the API.
        info["version"] = "1.0.0"
        return .object(info)
    }

    private func tag(_ resource: ResourcePlan) -> JSONValue {
        var tag = JSONObject([("name", .string(resource.pluralTypeName))])
        tag["description"] = resource.resource.description.map(JSONValue.string)
        return .object(tag)
    }

    // MARK: Paths

    /// Each path once, in the order the spec first names it, with its operations in spec order.
    private var paths: JSONObject {
        var paths = JSONObject()
        var order: [String] = []
        var items: [String: JSONObject] = [:]
        for (resource, operation) in plan.operations {
            let path = operation.operation.path
            if items[path] == nil { order.append(path) }
            items[path, default: JSONObject()][operation.operation.method.lowercased()] = self.operation(
                operation,
                of: resource
            )
        }
        for path in order { paths[path] = .object(items[path]!) }
        return paths
    }

    /// The parameters sent in a body, and the body's media type.
    private static let bodies: [(Parameter.Location, String)] = [
        (.form, "application/x-www-form-urlencoded"), (.json, "application/json"),
    ]

    private func operation(_ planned: OperationPlan, of resource: ResourcePlan) -> JSONValue {
        let operation = planned.operation
        var object = JSONObject([("operationId", .string(planned.operationID))])
        object["summary"] = operation.summary.map(JSONValue.string)
        object["description"] = operation.description.map(JSONValue.string)
        object["tags"] = [.string(resource.pluralTypeName)]
        if !operation.authenticated { object["security"] = [] }
        let parameters = operation.parameters.filter { $0.location != .form && $0.location != .json }
        if !parameters.isEmpty { object["parameters"] = .array(parameters.map(parameter)) }
        for (location, contentType) in Self.bodies {
            let members = operation.parameters.filter { $0.location == location }
            if !members.isEmpty { object["requestBody"] = requestBody(members, contentType: contentType) }
        }
        object["responses"] = .object(responses(planned, of: resource))
        return .object(object)
    }

    private func parameter(_ parameter: Parameter) -> JSONValue {
        var object = JSONObject([
            ("name", .string(parameter.wireName)),
            ("in", .string(parameter.location.rawValue)),
        ])
        object["description"] = schemas.description(of: parameter).map(JSONValue.string)
        object["required"] = .bool(parameter.required)
        object["schema"] = schemas.parameter(parameter)
        return .object(object)
    }

    /// A form body or a JSON object: its members are the wire names; members the operation does
    /// not know are ignored by the server, so the schema leaves other properties allowed.
    private func requestBody(_ form: [Parameter], contentType: String) -> JSONValue {
        var properties = JSONObject()
        for parameter in form {
            guard case .object(var schema) = schemas.parameter(parameter) else { continue }
            // An optional member of a JSON body may be null, which is as if it were not sent.
            if parameter.location == .json, !parameter.required { schema = OpenAPISchemas.nullable(schema) }
            properties[parameter.wireName] = .object(
                OpenAPISchemas.describing(schema, schemas.description(of: parameter))
            )
        }
        var schema = JSONObject([("type", "object"), ("properties", .object(properties))])
        let required = form.filter(\.required).map(\.wireName)
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        return [
            "required": .bool(!required.isEmpty),
            "content": .object(JSONObject([(contentType, ["schema": .object(schema)])])),
        ]
    }

    // MARK: Responses

    private func responses(_ planned: OperationPlan, of resource: ResourcePlan) -> JSONObject {
        let operation = planned.operation
        var success = JSONObject()
        switch operation.returns {
        case .resource:
            success["description"] = .string("The \(resource.typeName).")
            success["content"] = json(OpenAPISchemas.reference(resource.typeName))
            let links = self.links(from: operation, of: resource)
            if !links.isEmpty { success["links"] = .object(links) }
        case .page:
            success["description"] = .string("One page of \(resource.typeName) resources.")
            if let page = resource.page { success["content"] = json(OpenAPISchemas.reference(page.typeName)) }
        case .nothing:
            success["description"] = "Done; the answer has no body."
        }
        var responses = JSONObject([(String(operation.status), .object(success))])
        // An operation that takes no credentials is never refused for them, nor one without a
        // body for its media type.
        for (status, name) in Self.errorResponses
        where (operation.authenticated || status != "401") && (operation.body != .none || status != "415") {
            responses[status] = ["$ref": .string("#/components/responses/" + name)]
        }
        return responses
    }

    private func json(_ schema: JSONValue) -> JSONValue {
        ["application/json": ["schema": schema]]
    }

    /// Links from an answer holding one instance to the other operations on that instance (those
    /// with a path parameter of the resource's own SID kind), so that tools can chain create →
    /// fetch → update → delete. Each path parameter is filled from the one property of its
    /// type; an operation with a parameter no single property fills gets no link.
    private func links(from source: Operation, of planned: ResourcePlan) -> JSONObject {
        var links = JSONObject()
        let resource = planned.resource
        guard let own = api.sids.first(where: { $0.entity == resource.name }) else { return links }
        for targetPlan in planned.operations where targetPlan.operation.name != source.name {
            let target = targetPlan.operation
            let path = target.parameters.filter { $0.location == .path }
            guard path.contains(where: { $0.type.kind == .sid && $0.type.reference == own.prefix }) else { continue }
            var parameters = JSONObject()
            for parameter in path {
                let matches = resource.properties.filter { $0.type == parameter.type }
                guard matches.count == 1 else { break }
                parameters[parameter.wireName] = .string("$response.body#/" + Self.pointerToken(matches[0].wireName))
            }
            guard parameters.keys.count == path.count else { continue }
            links[targetPlan.operationID] = [
                "operationId": .string(targetPlan.operationID),
                "parameters": .object(parameters),
                "description": .string("\(targetPlan.operationID) on the \(planned.typeName) of this answer."),
            ]
        }
        return links
    }

    /// A name as a JSON Pointer token (RFC 6901).
    private static func pointerToken(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    // MARK: Components

    private var components: JSONValue {
        [
            "schemas": .object(schemas.components()),
            "responses": .object(errorResponseComponents),
            "securitySchemes": .object(JSONObject([(securitySchemeName, securityScheme)])),
        ]
    }

    private var securityScheme: JSONValue {
        if let token = api.auth.token {
            return [
                "description": .string("A bearer token: the \(token.name), not empty."),
                "type": "http",
                "scheme": "bearer",
            ]
        }
        return [
            "description": .string(
                "HTTP Basic: the \(api.auth.username?.name ?? "") as the username and the "
                    + "\(api.auth.password?.name ?? "") as the password, neither empty."
            ),
            "type": "http",
            "scheme": "basic",
        ]
    }

    /// The error answers as the generated server and its `TwilioErrorMiddleware` give them.
    private var errorResponseComponents: JSONObject {
        let error = json(OpenAPISchemas.reference(plan.errorSchemaName))
        let codes = api.errors
        func code(_ value: Int?) -> String { value.map { "error \($0)" } ?? "code null" }
        return JSONObject([
            (
                "BadRequest",
                [
                    "description": .string(
                        "A parameter is missing or invalid (the message names it; \(code(codes.invalidParameter)) "
                            + "unless the parameter has its own), or the query string or body is not valid "
                            + "percent-encoding, a JSON body is not valid JSON or nests arrays and objects deeper "
                            + "than \(Self.jsonDepthLimit) levels, or an operation without a body is sent one "
                            + "(code null)."
                    ),
                    "content": error,
                ]
            ),
            (
                "Unauthorized",
                [
                    "description": .string(
                        "The credentials are missing or wrong (\(code(codes.authentication))). Checked before "
                            + "anything else, so a request without them gets this whatever its parameters."
                    ),
                    "headers": [
                        "WWW-Authenticate": [
                            "description": .string("`\(challengeScheme) realm=\"\(api.auth.realm)\"`."),
                            "required": true,
                            "schema": ["type": "string"],
                        ]
                    ],
                    "content": error,
                ]
            ),
            (
                "NotFound",
                [
                    "description": .string(
                        "No such resource, or no such path (\(code(codes.notFound)))."
                    ),
                    "content": error,
                ]
            ),
            (
                "MethodNotAllowed",
                [
                    "description": .string(
                        "The path exists but has no operation for this method (code null); `Allow` lists "
                            + "the methods it has."
                    ),
                    "headers": [
                        "Allow": [
                            "description": "The path's methods, such as `POST, GET`.",
                            "required": true,
                            "schema": ["type": "string"],
                        ]
                    ],
                    "content": error,
                ]
            ),
            (
                "UnsupportedMediaType",
                [
                    "description": .string(
                        "The body's Content-Type is not the operation's (code null): a form's is "
                            + "application/x-www-form-urlencoded, a JSON body's application/json or another "
                            + "media type of JSON's syntax, such as application/scim+json."
                    ),
                    "content": error,
                ]
            ),
            (
                "RequestHeaderFieldsTooLarge",
                [
                    "description": .string(
                        "The request line and headers together are larger than the server reads (80 KiB; "
                            + "code null). Any path can answer it, so no operation lists it."
                    ),
                    "content": error,
                ]
            ),
            (
                "ContentTooLarge",
                [
                    "description": .string(
                        "The body is larger than the server accepts (2 MiB unless its request context says "
                            + "otherwise; code null)."
                    ),
                    "content": error,
                ]
            ),
        ])
    }
}
