/// The items of a list, page after page: it fetches the first page when iteration starts and
/// each next page only when the items before it are used up, and stops at `limit`, fetching no
/// page it does not need.
public struct PagedSequence<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Item
    public typealias Failure = ClientError

    /// One page: its items and the URI of the next page, if any.
    struct Page: Sendable {
        var items: [Item]
        var nextPageURI: String?
    }

    /// How many empty pages in a row, each naming a next page, end the sequence with an error:
    /// a server that pages through nothing would otherwise be asked forever.
    public static var maximumEmptyPages: Int { 10 }

    let limit: Int?
    let first: @Sendable () async throws(ClientError) -> Page
    let next: @Sendable (String) async throws(ClientError) -> Page

    /// - Parameters:
    ///   - limit: the most items to produce; nil for all.
    ///   - first: fetches the first page.
    ///   - next: fetches the page at a next-page URI.
    ///   - contents: a fetched page's items and next-page URI.
    public init<Response>(
        limit: Int?,
        first: @escaping @Sendable () async throws(ClientError) -> Response,
        next: @escaping @Sendable (String) async throws(ClientError) -> Response,
        contents: @escaping @Sendable (Response) -> (items: [Item], nextPageURI: String?)
    ) {
        self.limit = limit
        self.first = { () async throws(ClientError) in
            let (items, nextPageURI) = contents(try await first())
            return Page(items: items, nextPageURI: nextPageURI)
        }
        self.next = { uri async throws(ClientError) in
            let (items, nextPageURI) = contents(try await next(uri))
            return Page(items: items, nextPageURI: nextPageURI)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(sequence: self)
    }

    /// The same items a page at a time, as each page arrives (the last cut at the limit).
    public var pages: Pages { Pages(sequence: self) }

    public struct Pages: AsyncSequence, Sendable {
        public typealias Element = [Item]
        public typealias Failure = ClientError

        let sequence: PagedSequence

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(items: sequence.makeAsyncIterator())
        }

        public struct AsyncIterator: AsyncIteratorProtocol {
            var items: PagedSequence.AsyncIterator

            public mutating func next() async throws(ClientError) -> [Item]? {
                guard let first = try await items.next() else { return nil }
                var page = [first]
                while let item = items.nextBuffered() {
                    page.append(item)
                }
                return page
            }
        }
    }

    /// Every item, in order, up to the limit.
    public func collect() async throws(ClientError) -> [Item] {
        var items: [Item] = []
        var iterator = makeAsyncIterator()
        while let item = try await iterator.next() {
            items.append(item)
        }
        return items
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let sequence: PagedSequence
        var buffer: [Item] = []
        var index = 0
        var produced = 0
        var nextPageURI: String?
        var started = false
        /// Every next-page URI followed, so that a server that links back never keeps the
        /// sequence fetching forever.
        var followed: Set<String> = []
        /// Pages in a row that had no item but named a next page.
        var emptyPages = 0

        init(sequence: PagedSequence) {
            self.sequence = sequence
        }

        /// The next item of the page already fetched, without fetching another.
        mutating func nextBuffered() -> Item? {
            if let limit = sequence.limit, produced >= limit { return nil }
            guard index < buffer.count else { return nil }
            defer {
                index += 1
                produced += 1
            }
            return buffer[index]
        }

        public mutating func next() async throws(ClientError) -> Item? {
            if let limit = sequence.limit, produced >= limit { return nil }
            while index == buffer.count {
                let page: Page
                if !started {
                    started = true
                    page = try await sequence.first()
                } else if let uri = nextPageURI {
                    guard followed.insert(uri).inserted else {
                        throw .endlessPaging(uri, reason: "the next-page URI was already followed")
                    }
                    page = try await sequence.next(uri)
                } else {
                    return nil
                }
                buffer = page.items
                index = 0
                nextPageURI = page.nextPageURI
                if buffer.isEmpty, let uri = nextPageURI {
                    emptyPages += 1
                    if emptyPages == PagedSequence.maximumEmptyPages {
                        throw .endlessPaging(uri, reason: "\(emptyPages) pages in a row had no item")
                    }
                } else {
                    emptyPages = 0
                }
                if buffer.isEmpty, nextPageURI == nil { return nil }
            }
            defer {
                index += 1
                produced += 1
            }
            return buffer[index]
        }
    }
}
