import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Stage 4: puts rendered files into an output folder, or compares them with it.
///
/// A file is rewritten only when its bytes changed, so an unchanged spec triggers no
/// recompilation. Every changed file is first written to a temporary file beside it and only
/// then, once all were written, renamed into place; a failure removes the temporary files and
/// leaves the folder as it was.
public struct OutputWriter {
    public let root: URL
    private let fileManager = FileManager.default

    public init(root: URL) {
        self.root = root
    }

    /// What a run changes, or would change, in the output folder.
    public struct Plan: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []

        public var isClean: Bool { created.isEmpty && updated.isEmpty && removed.isEmpty }
    }

    /// Compares `files` (plus the manifest) with the folder. `scope` names the specs this run
    /// covers: files an earlier run generated for them and no longer produced are to be removed.
    /// `nil` covers every spec the manifest names.
    public func plan(_ files: [GeneratedFile], specs: [String: [String]], scope: Set<String>?) -> (
        Plan, [GeneratedFile]
    ) {
        let previous = readManifest()
        var manifest = Manifest(
            entries: previous.entries.filter { spec, _ in scope.map { !$0.contains(spec) } ?? false }
        )
        for (spec, paths) in specs { manifest.entries[spec] = Set(paths) }
        let all = files + [GeneratedFile(path: Manifest.fileName, contents: manifest.text)]

        var plan = Plan()
        for file in all {
            let url = root.appendingPathComponent(file.path)
            if let existing = fileManager.contents(atPath: url.path) {
                if existing == Data(file.contents.utf8) {
                    plan.unchanged.append(file.path)
                } else {
                    plan.updated.append(file.path)
                }
            } else {
                plan.created.append(file.path)
            }
        }
        let produced = Set(all.map(\.path))
        plan.removed = previous.allPaths.subtracting(manifest.allPaths).subtracting(produced)
            .filter { fileManager.fileExists(atPath: root.appendingPathComponent($0).path) }.sorted()
        return (plan, all)
    }

    /// Carries out `plan` for `files`.
    public func apply(_ plan: Plan, files: [GeneratedFile]) throws {
        let changed = Set(plan.created + plan.updated)
        var staged: [(temporary: URL, destination: URL)] = []
        var folders: Set<URL> = []
        do {
            for file in files where changed.contains(file.path) {
                let destination = root.appendingPathComponent(file.path)
                let folder = destination.deletingLastPathComponent()
                if folders.insert(folder).inserted {
                    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
                }
                let temporary = folder.appendingPathComponent(
                    ".\(destination.lastPathComponent).gen-\(ProcessInfo.processInfo.processIdentifier)"
                )
                try Self.write(file.contents, to: temporary)
                staged.append((temporary, destination))
            }
        } catch {
            for (temporary, _) in staged { try? fileManager.removeItem(at: temporary) }
            throw error
        }
        for (temporary, destination) in staged {
            if rename(temporary.path, destination.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        }
        for path in plan.removed {
            let url = root.appendingPathComponent(path)
            try fileManager.removeItem(at: url)
            removeEmptyFolders(from: url.deletingLastPathComponent())
        }
    }

    /// Writes `contents` to a new file. Unlike `Data.write(to:)` it does not `fsync`: that
    /// guards against power loss, which the temporary-then-rename sequence does not promise to
    /// survive anyway, and it was a tenth of a run's time.
    private static func write(_ contents: String, to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw writeError(errno, url) }
        defer { close(descriptor) }
        var contents = contents
        try contents.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw writeError(errno, url)
                }
                offset += written
            }
        }
    }

    private static func writeError(_ number: Int32, _ url: URL) -> CocoaError {
        let code: CocoaError.Code =
            switch number {
            case EACCES, EPERM: .fileWriteNoPermission
            case ENOSPC, EDQUOT: .fileWriteOutOfSpace
            case EROFS: .fileWriteVolumeReadOnly
            default: .fileWriteUnknown
            }
        return CocoaError(
            code,
            userInfo: [
                NSFilePathErrorKey: url.path,
                NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: number) ?? .EIO),
            ]
        )
    }

    private func readManifest() -> Manifest {
        let url = root.appendingPathComponent(Manifest.fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return Manifest() }
        return Manifest(parsing: text)
    }

    private func removeEmptyFolders(from folder: URL) {
        var folder = folder.standardizedFileURL
        let root = root.standardizedFileURL.path
        while folder.path.hasPrefix(root), folder.path != root,
            (try? fileManager.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        {
            try? fileManager.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}
