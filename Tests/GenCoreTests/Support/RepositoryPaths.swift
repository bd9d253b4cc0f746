import Foundation

/// Paths in this repository, found from this file's own location.
enum RepositoryPaths {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    static let fixtures = url("Tests/Fixtures")
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gen-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ text: String, to relative: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Every file below the folder with its bytes and modification date.
    func snapshot() throws -> [String: FileState] {
        try Self.snapshot(of: url)
    }

    /// Every file below `url` with its bytes and modification date.
    static func snapshot(of url: URL) throws -> [String: FileState] {
        var result: [String: FileState] = [:]
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: url.path) ?? .init() {
            let file = url.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let attributes = try manager.attributesOfItem(atPath: file.path)
            result[relative] = FileState(
                contents: try Data(contentsOf: file),
                modified: attributes[.modificationDate] as? Date
            )
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

struct FileState: Equatable {
    var contents: Data
    var modified: Date?
}
