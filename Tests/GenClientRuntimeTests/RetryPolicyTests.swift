import Foundation
import GenClientRuntime
import Testing

@Suite struct RetryPolicyTests {
    @Test func delaysDoubleUpToTheMaximum() {
        let policy = RetryPolicy(maxRetries: 5, initialDelay: .milliseconds(100), maxDelay: .seconds(1), jitter: false)
        #expect(policy.delay(beforeRetry: 0) == .milliseconds(100))
        #expect(policy.delay(beforeRetry: 1) == .milliseconds(200))
        #expect(policy.delay(beforeRetry: 2) == .milliseconds(400))
        #expect(policy.delay(beforeRetry: 4) == .seconds(1))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .milliseconds(700)) == .milliseconds(700))
        #expect(policy.delay(beforeRetry: 0, retryAfter: .seconds(60)) == .seconds(1))
    }

    @Test func jitterStaysBetweenHalfAndAllOfTheDelay() {
        let policy = RetryPolicy(maxRetries: 3, initialDelay: .milliseconds(100), maxDelay: .seconds(10), jitter: true)
        for _ in 0..<200 {
            let delay = policy.delay(beforeRetry: 1)
            #expect(delay >= .milliseconds(100) && delay <= .milliseconds(200))
        }
    }

    @Test func onlyTooManyRequestsAndUnavailableAreRetried() {
        for method in ["GET", "POST", "DELETE", "PUT", "PATCH"] {
            #expect(RetryPolicy.isRetryable(status: 429, method: method))
            for status in [200, 400, 401, 404, 500, 502, 504] {
                #expect(!RetryPolicy.isRetryable(status: status, method: method))
            }
        }
        #expect(RetryPolicy.none.maxRetries == 0)
    }

    @Test func unavailableIsRetriedOnlyForRequestsThatMaySafelyBeRepeated() {
        for method in ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"] {
            #expect(RetryPolicy.isRetryable(status: 503, method: method))
        }
        for method in ["POST", "PATCH"] {
            #expect(!RetryPolicy.isRetryable(status: 503, method: method))
        }
    }
}
