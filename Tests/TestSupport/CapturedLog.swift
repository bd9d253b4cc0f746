import Foundation
import Logging

/// A log handler that keeps every message, for tests that read what was logged.
public final class CapturedLog: LogHandler, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    public init() {}

    /// Every message logged so far, in order.
    public var messages: [String] { lock.withLock { stored } }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        lock.withLock { stored.append(event.message.description) }
    }
}
