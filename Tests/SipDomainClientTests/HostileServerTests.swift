import Foundation
import GenClientRuntime
import SipDomainClient
import SipDomainModels
import TestSupport
import Testing

/// A server whose list pages carry next-page URIs that try to send the client, and its
/// credentials, somewhere else: no URI makes the client send a request to another listener, and
/// the error names the URI, on each transport. (`HostileServerCLITests` runs the CLI against the same server.)
@Suite struct HostileServerTests {
    static func client(_ baseURL: String, on transport: ClientTransport) -> SipDomainAPI {
        SipDomainAPI(
            accountSid: Fixture.account,
            authToken: Fixture.token,
            configuration: ClientConfiguration(baseURL: baseURL),
            transport: transport.transport
        )
    }

    @Test(arguments: ClientTransport.allCases, HostileServer.hostileURIs.indices)
    func theClientFollowsNoNextPageURIToAnotherListener(_ transport: ClientTransport, _ index: Int) async throws {
        try await HostileServer.with(next: HostileServer.hostileURIs[index]) { baseURL, thief, uri in
            let client = Self.client(baseURL, on: transport)
            var error: ClientError?
            do {
                _ = try await client.sipDomains.list(pageSize: 1).collect()
            } catch let caught as ClientError {
                error = caught
            } catch {
                Issue.record("not a ClientError: \(error)")
            }
            guard case .rejectedURI(let rejected, _) = error else {
                Issue.record("expected a rejected URI, got \(String(describing: error))")
                return
            }
            #expect(rejected == uri)
            #expect(error?.description.contains(uri.debugDescription) == true)
            #expect(thief.requests.isEmpty, "\(thief.requests)")
        }
    }

    @Test(arguments: ClientTransport.allCases, ["RELATIVE", "SAME-ORIGIN"])
    func aNextPageURIOfTheSameOriginIsFollowed(_ transport: ClientTransport, _ next: String) async throws {
        try await HostileServer.with(next: { _ in next }) { baseURL, thief, _ in
            let domains = try await Self.client(baseURL, on: transport).sipDomains.list(limit: 3, pageSize: 1).collect()
            #expect(domains.count == 3)
            #expect(thief.requests.isEmpty)
        }
    }

    /// A redirect is not followed (an operation that answers 3xx says so in its spec): nothing
    /// reaches the other origin, and the fetch, which answers 200, fails with the status.
    @Test(arguments: ClientTransport.allCases)
    func aRedirectToAnotherOriginIsNotFollowed(_ transport: ClientTransport) async throws {
        try await HostileServer.with(next: { "http://127.0.0.1:\($0)/redirected" }) { baseURL, thief, _ in
            await #expect {
                try await Self.client(baseURL, on: transport).sipDomains.fetch(
                    sid: SipDomainSid(HostileServer.domainSid)
                )
            } throws: { error in
                (error as? ClientError)?.status == 302
            }
            #expect(thief.requests.isEmpty, "\(thief.requests)")
        }
    }
}
