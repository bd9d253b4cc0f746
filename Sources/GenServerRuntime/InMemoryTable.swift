import Foundation
import GenRuntime

/// The instances of one resource that an in-memory server keeps (`gen --only memory`), in the
/// order they were created, each under its SID and the SIDs of the resources above it (its
/// scope, such as the account of a SIP domain), so that it is found only under its own path.
public final class InMemoryTable<Item: Sendable>: Sendable {
    private struct Row {
        var key: String
        var scope: [String]
        var item: Item
    }

    private let rows = Locked<[Row]>([])

    public init() {}

    public func insert(_ item: Item, key: String, scope: [String]) {
        rows.withLock { $0.append(Row(key: key, scope: scope, item: item)) }
    }

    /// The instance of `key` in `scope`, or nil.
    public func item(key: String, scope: [String]) -> Item? {
        rows.withLock { rows in rows.first { $0.key == key && $0.scope == scope }?.item }
    }

    /// Changes the instance of `key` in `scope` and returns it, or returns nil when there is none.
    public func update(key: String, scope: [String], _ change: (inout Item) -> Void) -> Item? {
        rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.key == key && $0.scope == scope }) else { return nil }
            change(&rows[index].item)
            return rows[index].item
        }
    }

    /// Removes the instance of `key` in `scope`; false when there is none.
    public func remove(key: String, scope: [String]) -> Bool {
        rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.key == key && $0.scope == scope }) else { return false }
            rows.remove(at: index)
            return true
        }
    }

    /// Page `index` (from 0) of `size` instances in `scope`, of the list at `path`.
    public func page(scope: [String], size: Int, index: Int, path: String) -> InMemoryPage<Item> {
        let all = rows.withLock { rows in rows.filter { $0.scope == scope }.map(\.item) }
        let size = max(size, 1)
        let index = max(index, 0)
        let (product, overflow) = index.multipliedReportingOverflow(by: size)
        let start = overflow ? all.count : min(product, all.count)
        let end = start + min(size, all.count - start)
        let uri = { (index: Int) in "\(path)?PageSize=\(size)&Page=\(index)" }
        return InMemoryPage(
            items: Array(all[start..<end]),
            index: index,
            size: size,
            start: start,
            end: max(end - 1, start),
            uri: uri(index),
            firstPageURI: uri(0),
            nextPageURI: end < all.count ? uri(index + 1) : nil,
            previousPageURI: index > 0 ? uri(index - 1) : nil
        )
    }
}

/// One page of a list an in-memory server answers, with the facts of Twilio's envelopes.
public struct InMemoryPage<Item: Sendable>: Sendable {
    public let items: [Item]
    /// The page's number, from 0, and how many instances a page holds.
    public let index: Int
    public let size: Int
    /// The positions of the page's first and last instances in the whole list.
    public let start: Int
    public let end: Int
    /// The page's own URI, the first page's, and the next and previous pages' when there are.
    public let uri: String
    public let firstPageURI: String
    public let nextPageURI: String?
    public let previousPageURI: String?
}

/// What the in-memory servers' instances are made with.
public enum InMemory {
    /// A new SID of `prefix`: the prefix and 32 random hexadecimal digits.
    public static func newSid(prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// A path as its spec writes it (`/Accounts/{AccountSid}.json`) with each placeholder
    /// replaced, in order, by a value, percent-encoded for a path segment.
    public static func path(_ template: String, _ values: [String]) -> String {
        var result = ""
        var values = values.makeIterator()
        var placeholder: String?
        for character in template {
            if character == "{" {
                placeholder = ""
            } else if character == "}", placeholder != nil {
                let value = values.next() ?? ""
                result += value.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? value
                placeholder = nil
            } else if placeholder != nil {
                placeholder!.append(character)
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

    /// Now, to the second, as the dates of the API's answers are written.
    public static var now: Date { Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down)) }
}
