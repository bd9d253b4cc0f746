import Foundation

/// An executable of this package, as the build that runs the tests left it: beside the test
/// bundle, or in `.build/debug` of the repository.
public func builtExecutable(_ name: String) -> URL {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let candidates = [
        beside.appendingPathComponent(name),
        beside.deletingLastPathComponent().appendingPathComponent(name),
        repository.appendingPathComponent(".build/debug/\(name)"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
}
