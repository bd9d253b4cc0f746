import Foundation
import Hummingbird
import Logging

/// The baseline for the server benchmark: the SIP Domain fetch and list routes, written by hand
/// on Hummingbird, answering with fixed JSON (the bytes the local server answers with), after
/// checking that a Basic `Authorization` header is there.
///
///     HandWrittenSipDomainServer PORT FETCH_JSON_FILE LIST_JSON_FILE
@main
struct HandWrittenServer {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let port = Int(arguments[1]) else {
            FileHandle.standardError.write(Data("usage: HandWrittenSipDomainServer PORT FETCH_JSON LIST_JSON\n".utf8))
            exit(64)
        }
        let fetch = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: arguments[2])))
        let list = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: arguments[3])))

        let router = Router()
        @Sendable func json(_ body: ByteBuffer, _ request: Request) -> Response {
            guard request.headers[.authorization]?.hasPrefix("Basic ") == true else {
                return Response(status: .unauthorized)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: body))
        }
        router.get("/2010-04-01/Accounts/{AccountSid}/SIP/Domains/{Sid}.json") { request, _ in json(fetch, request) }
        router.get("/2010-04-01/Accounts/{AccountSid}/SIP/Domains.json") { request, _ in json(list, request) }
        var logger = Logger(label: "hand-written")
        logger.logLevel = .error
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port)),
            logger: logger
        )
        try await app.runService()
    }
}
