import Foundation
import GenClientRuntime
import SipDomainClient
import SipDomainModels

/// Creates, fetches, lists and deletes a SIP domain on the server at the base URL it is given,
/// with the client's default transport, and prints what it saw.
@main
struct ClientOnlyApp {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let account = AccountSid(arguments.dropFirst().first ?? "")
        guard arguments.count == 3, account.isWellFormed else {
            print("usage: client-only-app BASE_URL ACCOUNT_SID AUTH_TOKEN")
            exit(2)
        }
        let api = SipDomainAPI(
            accountSid: account,
            authToken: arguments[arguments.startIndex + 2],
            configuration: ClientConfiguration(baseURL: arguments[arguments.startIndex])
        )
        let created = try await api.sipDomains.create(domainName: "client-only.sip.twilio.com", friendlyName: "App")
        guard let sid = created.sid else { throw AppError("the created domain has no SID") }
        let fetched = try await api.sipDomains.fetch(sid: sid)
        guard fetched == created else { throw AppError("the fetched domain differs from the created one") }
        let listed = try await api.sipDomains.list().collect()
        guard listed.contains(where: { $0.sid == sid }) else { throw AppError("the list lacks the domain") }
        try await api.sipDomains.delete(sid: sid)
        print(
            "created, fetched, listed and deleted \(sid) (\(fetched.friendlyName ?? "")) on \(type(of: api.connection.transport))"
        )
    }
}

struct AppError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
