import Foundation
import Hummingbird
import Logging

/// The baselines of the server benchmark: the SIP Domain fetch and list routes written by hand
/// on Hummingbird.
///
///     HandWrittenSipDomainServer fixed PORT FETCH_JSON_FILE LIST_JSON_FILE
///     HandWrittenSipDomainServer same-work PORT ACCOUNT_SID AUTH_TOKEN LIST_JSON_FILE
///
/// `fixed` answers with the bytes of the files (what the local server answered) once a Basic
/// `Authorization` header is there: the least work an answer can take. `same-work` does what
/// the local server does for each request (``SameWorkServer``).
@main
struct HandWrittenServer {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let router: Router<BasicRequestContext>
        switch (arguments.first, arguments.count) {
        case ("fixed", 4):
            router = try fixedRouter(fetch: arguments[2], list: arguments[3])
        case ("same-work", 5):
            let seed = try Data(contentsOf: URL(fileURLWithPath: arguments[4]))
            router = try SameWorkServer.router(account: arguments[2], token: arguments[3], seed: seed)
        default:
            FileHandle.standardError.write(
                Data(
                    """
                    usage: HandWrittenSipDomainServer fixed PORT FETCH_JSON LIST_JSON
                           HandWrittenSipDomainServer same-work PORT ACCOUNT_SID AUTH_TOKEN LIST_JSON

                    """.utf8
                )
            )
            exit(64)
        }
        guard let port = Int(arguments[1]) else {
            FileHandle.standardError.write(Data("not a port: \(arguments[1])\n".utf8))
            exit(64)
        }
        var logger = Logger(label: "hand-written")
        logger.logLevel = .error
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            logger: logger
        )
        try await app.runService()
    }

    static func fixedRouter(fetch fetchFile: String, list listFile: String) throws -> Router<BasicRequestContext> {
        let fetch = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: fetchFile)))
        let list = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: listFile)))
        let router = Router()
        @Sendable func json(_ body: ByteBuffer, _ request: Request) -> Response {
            guard request.headers[.authorization]?.hasPrefix("Basic ") == true else {
                return Response(status: .unauthorized)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
        }
        router.get("/2010-04-01/Accounts/{AccountSid}/SIP/Domains/{Sid}.json") { request, _ in json(fetch, request) }
        router.get("/2010-04-01/Accounts/{AccountSid}/SIP/Domains.json") { request, _ in json(list, request) }
        return router
    }
}
