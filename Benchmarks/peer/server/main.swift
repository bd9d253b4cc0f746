import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime

// The SIP Domain API on swift-openapi-generator's server and Hummingbird, from memory:
//
//     PeerSipDomainServer PORT ACCOUNT_SID AUTH_TOKEN [LIST.json]
//
// LIST.json, a list answer of the API (such as gen's local server's), fills the store.
let arguments = CommandLine.arguments
guard arguments.count == 4 || arguments.count == 5, let port = Int(arguments[1]) else {
    FileHandle.standardError.write(Data("usage: PeerSipDomainServer PORT ACCOUNT_SID AUTH_TOKEN [LIST.json]\n".utf8))
    exit(2)
}
var seed: [Domain] = []
if arguments.count == 5 {
    let data = try Data(contentsOf: URL(fileURLWithPath: arguments[4]))
    seed = try JSONDecoder().decode(DomainPage.self, from: data).domains ?? []
}

let router = Router()
// Compact JSON without escaped slashes, as gen's server writes; the runtime's default
// configuration pretty-prints, sorts keys and escapes slashes (12% more bytes for a domain,
// 20% for a page of 20).
try PeerSipDomains(domains: seed).registerHandlers(
    on: router,
    serverURL: URL(string: "/")!,
    configuration: Configuration(jsonEncodingOptions: [.withoutEscapingSlashes]),
    middlewares: [ErrorHandlingMiddleware(), BasicAuthMiddleware(accounts: [arguments[2]: arguments[3]])]
)
var logger = Logger(label: "peer-sipdomain-server")
logger.logLevel = .warning
let app = Application(
    router: router,
    configuration: ApplicationConfiguration(
        address: .hostname("127.0.0.1", port: port),
        serverName: "peer-sipdomain-server"
    ),
    logger: logger
)
try await app.runService()
