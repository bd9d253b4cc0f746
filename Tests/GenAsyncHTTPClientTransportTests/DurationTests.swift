import Testing

@testable import GenAsyncHTTPClientTransport

/// Timeouts reach AsyncHTTPClient in nanoseconds, saturating rather than trapping.
@Suite struct DurationTests {
    @Test(arguments: [
        (Duration.seconds(30), Int64(30_000_000_000)),
        (.milliseconds(1), 1_000_000),
        (.zero, 0),
        (.seconds(-2), -2_000_000_000),
        (.seconds(9_223_372_036) + .milliseconds(854), 9_223_372_036_854_000_000),
        (.seconds(9_223_372_036) + .milliseconds(900), .max),
        (.seconds(9_223_372_037), .max),
        (.seconds(Int64.max), .max),
        (.seconds(-9_223_372_036) - .milliseconds(900), .min),
        (.seconds(Int64.min), .min),
    ])
    func nanosecondsSaturate(_ duration: Duration, _ nanoseconds: Int64) {
        #expect(duration.nanoseconds == nanoseconds)
    }
}
