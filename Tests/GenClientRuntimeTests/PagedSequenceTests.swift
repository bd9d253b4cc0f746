import Foundation
import GenClientRuntime
import Testing

@Suite struct PagedSequenceTests {
    struct Page: Sendable {
        var items: [Int]
        var next: String?
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func increment() { lock.withLock { value += 1 } }
    }

    static func sequence(pages: [[Int]], limit: Int?, fetches: Counter) -> PagedSequence<Int> {
        PagedSequence(limit: limit) { () async throws(ClientError) in
            fetches.increment()
            return Page(items: pages[0], next: pages.count > 1 ? "1" : nil)
        } next: { uri async throws(ClientError) in
            fetches.increment()
            let index = Int(uri)!
            return Page(items: pages[index], next: index + 1 < pages.count ? "\(index + 1)" : nil)
        } contents: {
            ($0.items, $0.next)
        }
    }

    @Test func followsEveryPageWithoutALimit() async throws {
        let fetches = Counter()
        let items = try await Self.sequence(pages: [[1, 2], [3, 4], [5]], limit: nil, fetches: fetches).collect()
        #expect(items == [1, 2, 3, 4, 5])
        #expect(fetches.count == 3)
    }

    @Test func stopsAtTheLimitWithoutFetchingFurther() async throws {
        let fetches = Counter()
        let items = try await Self.sequence(pages: [[1, 2], [3, 4], [5]], limit: 3, fetches: fetches).collect()
        #expect(items == [1, 2, 3])
        #expect(fetches.count == 2)
    }

    @Test func aLimitOfZeroFetchesNothing() async throws {
        let fetches = Counter()
        let items = try await Self.sequence(pages: [[1]], limit: 0, fetches: fetches).collect()
        #expect(items.isEmpty)
        #expect(fetches.count == 0)
    }

    @Test func anEmptyFirstPageEndsTheSequence() async throws {
        let fetches = Counter()
        var iterator = Self.sequence(pages: [[]], limit: nil, fetches: fetches).makeAsyncIterator()
        #expect(try await iterator.next() == nil)
        #expect(fetches.count == 1)
    }
}
