import Foundation
import GenClientRuntime
import Testing

@Suite struct UserAgentTests {
    @Test func namesTheGeneratorThePlatformAndSwift() throws {
        let pattern =
            #/^gen-swift/\d+\.\d+\.\d+ \((Linux|Darwin|iOS|Windows|unknown) (x86_64|arm64|unknown)\) Swift/6\.\d+$/#
        #expect(try pattern.wholeMatch(in: UserAgent.default) != nil, "\(UserAgent.default)")
    }
}
