import Foundation
import GenRuntime
import Hummingbird
import Logging

/// Runs one operation for the generated routing: authenticates the request, reads its path,
/// query and form fields, calls the handler and encodes its answer.
///
/// Errors become Twilio error JSON: an ``APIError`` as it is; any other error from a handler as
/// a 500, logged, whose message says nothing about it.
public enum OperationResponder {
    /// Answers with `Output` as JSON and `status`.
    ///
    /// - Parameters:
    ///   - request: the request, as the router gives it.
    ///   - context: its context, for the path's parameters.
    ///   - status: the status of a success.
    ///   - body: the body the operation declares, the only one read: a request with another is refused.
    ///   - codes: the Twilio error codes of the API.
    ///   - pathNames: for placeholders the route registers under another name than their path
    ///     parameter's, registered name to wire name.
    ///   - authenticate: the handler's hook from credentials to its caller; nil answers 401.
    ///   - operation: the handler's method, with the request read and the caller.
    public static func respond<Caller: Sendable, Authorization: RequestAuthorization, Output: Encodable>(
        to request: Request,
        context: some RequestContext,
        status: HTTPResponse.Status,
        body: OperationRequest.Body,
        codes: ErrorCodes,
        pathNames: [String: String] = [:],
        authenticate: (Authorization) async throws -> Caller?,
        operation: (OperationRequest, Caller) async throws -> Output
    ) async throws -> Response {
        try await run(request, context, body, codes, pathNames, { try await caller($0, codes, authenticate) }) {
            input,
            caller in
            try encoded(try await operation(input, caller), status: status)
        }
    }

    /// Answers an operation that needs no credentials (a token endpoint) with `Output` as JSON.
    public static func respond<Output: Encodable>(
        to request: Request,
        context: some RequestContext,
        status: HTTPResponse.Status,
        body: OperationRequest.Body,
        codes: ErrorCodes,
        pathNames: [String: String] = [:],
        operation: (OperationRequest) async throws -> Output
    ) async throws -> Response {
        try await run(request, context, body, codes, pathNames, { _ in () }) { input, _ in
            try encoded(try await operation(input), status: status)
        }
    }

    /// Answers an operation that needs no credentials with an empty body and `status`.
    public static func respond(
        to request: Request,
        context: some RequestContext,
        status: HTTPResponse.Status,
        body: OperationRequest.Body,
        codes: ErrorCodes,
        pathNames: [String: String] = [:],
        operation: (OperationRequest) async throws -> Void
    ) async throws -> Response {
        try await run(request, context, body, codes, pathNames, { _ in () }) { input, _ in
            try await operation(input)
            return Response(status: status)
        }
    }

    /// `output` as the body of a response of `status`.
    private static func encoded(_ output: some Encodable, status: HTTPResponse.Status) throws -> Response {
        let body: ByteBuffer
        if let writable = output as? any JSONWritable {
            // Generated models write themselves, in the API's member order, several times
            // faster than a JSONEncoder.
            body = ByteBuffer(bytes: writable.jsonBytes)
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            body = ByteBuffer(bytes: try encoder.encode(output))
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// Answers with an empty body and `status`, such as 204 for a delete.
    public static func respond<Caller: Sendable, Authorization: RequestAuthorization>(
        to request: Request,
        context: some RequestContext,
        status: HTTPResponse.Status,
        body: OperationRequest.Body,
        codes: ErrorCodes,
        pathNames: [String: String] = [:],
        authenticate: (Authorization) async throws -> Caller?,
        operation: (OperationRequest, Caller) async throws -> Void
    ) async throws -> Response {
        try await run(request, context, body, codes, pathNames, { try await caller($0, codes, authenticate) }) {
            input,
            caller in
            try await operation(input, caller)
            return Response(status: status)
        }
    }

    /// Who sent a request by its credentials, as `authenticate` says; a 401 for none.
    private static func caller<Caller: Sendable, Authorization: RequestAuthorization>(
        _ request: Request,
        _ codes: ErrorCodes,
        _ authenticate: (Authorization) async throws -> Caller?
    ) async throws -> Caller {
        guard let authorization = Authorization(header: request.headers[.authorization]),
            let caller = try await authenticate(authorization)
        else { throw codes.unauthorized() }
        return caller
    }

    private static func run<Caller: Sendable>(
        _ request: Request,
        _ context: some RequestContext,
        _ body: OperationRequest.Body,
        _ codes: ErrorCodes,
        _ pathNames: [String: String],
        _ identify: (Request) async throws -> Caller,
        _ respond: (OperationRequest, Caller) async throws -> Response
    ) async throws -> Response {
        let caller = try await identify(request)

        let media = try media(of: request, declared: body)
        var request = request
        let bytes = try await request.collectBody(upTo: context.maxUploadSize)
        var form = FormFields()
        var json: [String: JSONValue] = [:]
        if !bytes.readableBytesView.allSatisfy(Self.isWhitespace) {
            switch media {
            case .none:
                throw APIError(
                    status: .badRequest,
                    code: nil,
                    message: "\(request.method) \(request.uri.path) takes no request body"
                )
            case .form: form = try FormFields(encoded: String(decoding: bytes.readableBytesView, as: UTF8.self))
            case .json: json = try jsonMembers(bytes.readableBytesView)
            }
        }
        let input = OperationRequest(
            path: try pathParameters(context, pathNames),
            query: try FormFields(encoded: request.uri.query ?? ""),
            form: form,
            json: json,
            headers: headers(of: request),
            codes: codes
        )
        do {
            return try await respond(input, caller)
        } catch let error as APIError {
            throw codes.completing(error)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            throw APIError(status: .internalServerError, code: nil, message: "Internal Server Error")
        }
    }

    /// The body the request may carry: the declared one, when its `Content-Type` is the declared
    /// media type or it has none; a 415 for another, before a byte of the body is read.
    static func media(of request: Request, declared: OperationRequest.Body) throws(APIError) -> OperationRequest.Body {
        guard declared != .none, let contentType = request.headers[.contentType] else { return declared }
        guard declared.accepts(contentType) else {
            throw APIError(
                status: .unsupportedMediaType,
                code: nil,
                message: "\(request.method) \(request.uri.path) takes a body of \(declared.mediaType), not "
                    + "\(contentType.prefix(100))"
            )
        }
        return declared
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The members of a JSON body, which must be one object, read in one pass with nesting bounded
    /// by ``JSONParser/requestDepthLimit``.
    static func jsonMembers(_ body: some Collection<UInt8>) throws(APIError) -> [String: JSONValue] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw APIError(status: .badRequest, code: nil, message: "The request body is not valid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw APIError(status: .badRequest, code: nil, message: "The request body must be a JSON object")
        }
        return members
    }

    /// The headers by their lower-case names, the first value of each.
    private static func headers(of request: Request) -> [String: String] {
        var result: [String: String] = [:]
        for field in request.headers where result[field.name.canonicalName] == nil {
            result[field.name.canonicalName] = field.value
        }
        return result
    }

    /// Path parameters, percent-decoded, by their wire names.
    private static func pathParameters(_ context: some RequestContext, _ names: [String: String]) throws(APIError)
        -> [String: String]
    {
        var result: [String: String] = [:]
        for (name, value) in context.parameters {
            guard let decoded = PercentDecoding.decode(value, plusIsSpace: false) else {
                throw APIError(status: .badRequest, code: nil, message: "The path has a malformed percent-encoding")
            }
            result[names[String(name)] ?? String(name)] = decoded
        }
        return result
    }
}

/// Answers errors that no operation produced (no route, wrong method, a body too large) with
/// Twilio error JSON too, so every error a client sees has one shape, and answers every HEAD
/// without a body, as HTTP has it: the headers of the GET (or of the error), none of its bytes.
///
/// Given the generated `routes`, a path that exists asked with another method answers 405 with
/// an `Allow` header rather than 404.
public struct TwilioErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let codes: ErrorCodes
    let routes: [OperationRoute]

    public init(codes: ErrorCodes, routes: [OperationRoute] = []) {
        self.codes = codes
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let error: APIError
        do {
            let response = try await next(request, context)
            return request.method == .head ? response.createHeadResponse() : response
        } catch let thrown as APIError {
            error = codes.completing(thrown)
        } catch let thrown as any HTTPResponseError {
            error = codes.completing(
                self.error(for: thrown.status, request, context, body: (thrown as? HTTPError)?.body)
            )
        }
        guard request.method == .head else { throw error }
        return try error.response(from: request, context: context).createHeadResponse()
    }

    private func error(for status: HTTPResponse.Status, _ request: Request, _ context: Context, body: String?)
        -> APIError
    {
        switch status {
        case .notFound:
            let allowed = OperationRoute.allowedMethods(for: request.uri.path, in: routes)
            guard !allowed.isEmpty else { return codes.notFound(request.uri.path) }
            return APIError(
                status: .methodNotAllowed,
                code: nil,
                message: "The method \(request.method) is not allowed for \(request.uri.path)",
                allow: allowed
            )
        case .contentTooLarge:
            return APIError(
                status: .contentTooLarge,
                code: nil,
                message: "The request body is larger than \(context.maxUploadSize) bytes"
            )
        default:
            return APIError(status: status, code: nil, message: body ?? status.reasonPhrase)
        }
    }
}

/// Logs one line a request: method, path, status and duration. Never headers, so never
/// credentials.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard logger.logLevel <= .info else { return try await next(request, context) }
        let started = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, since: started)
            return response
        } catch let error as any HTTPResponseError {
            log(request, status: error.status.code, since: started)
            throw error
        } catch {
            log(request, status: 500, since: started)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = (ContinuousClock.now - started).components
        let milliseconds = Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15
        logger.info("\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds)) ms")
    }
}
