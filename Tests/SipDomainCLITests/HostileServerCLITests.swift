import Foundation
import GenClientRuntime
import TestSupport
import Testing

/// The CLI against a server whose list pages carry next-page URIs that lead to another listener:
/// it prints the pages it got, follows none of them, and names the URI.
@Suite struct HostileServerCLITests {
    @Test(arguments: HostileServer.hostileURIs.indices)
    func theCLIFollowsNoNextPageURIToAnotherListener(_ index: Int) async throws {
        try await HostileServer.with(next: HostileServer.hostileURIs[index]) { baseURL, thief, uri in
            let run = try await CLITests.run(
                ["sip-domains", "list", "--limit", "5", "--page-size", "1", "-o", "tsv", "--properties", "sid"],
                environment: CLITests.environment(baseURL)
            )
            #expect(run.status == 1)
            #expect(run.stdout == "sid\n\(HostileServer.domainSid)\n")
            #expect(
                run.stderr == "error: the URI \(uri.debugDescription) was not followed, and nothing was sent: "
                    + "\(Self.reason(uri, baseURL))\n"
            )
            #expect(thief.requests.isEmpty, "\(thief.requests)")
        }
    }

    /// The reason `BaseURL` gives for `uri`, checked apart from it in `BaseURLTests`.
    static func reason(_ uri: String, _ baseURL: String) -> String {
        do {
            _ = try BaseURL(parsing: baseURL).url(following: uri)
            return "accepted"
        } catch {
            guard case .rejectedURI(_, let reason) = error else { return "\(error)" }
            return reason
        }
    }
}
