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

/// What a run of an executable printed, and how it ended.
public struct ExecutableRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs the executable `name` of this package with `arguments`, no input and `environment` (with
/// a `PATH` of the system's, and nothing of the test's own), without blocking a thread of the
/// caller's. Its output goes through files, so that however much it prints, it never waits on a
/// full pipe.
public func runBuiltExecutable(
    _ name: String,
    _ arguments: [String],
    environment: [String: String] = [:]
) async throws -> ExecutableRun {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("stdout")
    let err = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    let process = Process()
    process.executableURL = builtExecutable(name)
    process.arguments = arguments
    process.environment = environment.merging(["PATH": "/usr/bin:/bin"]) { first, _ in first }
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do {
            try process.run()
        } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
    return ExecutableRun(
        status: status,
        stdout: try String(contentsOf: out, encoding: .utf8),
        stderr: try String(contentsOf: err, encoding: .utf8)
    )
}
