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
///
/// gen only ever creates, rewrites or removes files inside the output folder:
/// - the manifest is read with ``Manifest/read(_:file:)``, which ignores, with a warning,
///   every entry gen cannot have written, and the whole manifest when it is malformed;
/// - a file the manifest names is removed only if it is a regular file (never a folder, never
///   a symbolic link, so never a link's target) in a folder that, links resolved, is inside
///   the output folder; otherwise it stays, with a warning;
/// - a folder on the way to a file gen writes may be a symbolic link only to a folder inside
///   the output folder; one that leads elsewhere makes the run write nothing
///   (``OutputFolderError``). The output folder itself may be a link: the user named it;
/// - a generated file that is a symbolic link is replaced by a regular file (the rename
///   replaces the link itself), and its target is left as it was;
/// - a temporary file is created beside the file it replaces and never through a link.
public struct OutputWriter {
    public let root: URL
    /// The output folder as messages name it: as the user gave it.
    public let name: String
    private let fileManager = FileManager.default

    private var folder: OutputFolder { OutputFolder(root: root, name: name) }

    /// `name` is how warnings and errors name the folder; by default its path.
    public init(root: URL, name: String? = nil) {
        self.root = root
        self.name = name ?? root.path
    }

    /// What a run changes, or would change, in the output folder.
    public struct Plan: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        /// Manifest lines gen did not trust: nothing they name is removed.
        public var warnings: [ManifestWarning] = []

        public var isClean: Bool { created.isEmpty && updated.isEmpty && removed.isEmpty }
    }

    /// Compares `files` (plus the manifest) with the folder. `scope` names the specs this run
    /// covers: files an earlier run generated for them and no longer produced are to be removed.
    /// `nil` covers every spec the manifest names. Throws when a file would be written outside
    /// the folder, or over a folder.
    public func plan(_ files: [GeneratedFile], specs: [String: [String]], scope: Set<String>?) throws(OutputFolderError)
        -> (Plan, [GeneratedFile])
    {
        let reading = readManifest()
        let previous = reading.manifest
        var manifest = Manifest(
            entries: previous.entries.filter { spec, _ in scope.map { !$0.contains(spec) } ?? false }
        )
        for (spec, paths) in specs { manifest.entries[spec] = Set(paths) }
        let all = files + [GeneratedFile(path: Manifest.fileName, contents: manifest.text)]
        for file in files {
            // What gen generates must pass the rule it reads manifests by, or it could never prune it.
            if let problem = OutputPath.problem(file.path) {
                throw OutputFolderError(folder.shown(file.path), "cannot be written: \(problem)")
            }
        }
        try checkWritable(all.map(\.path))

        var plan = Plan(warnings: reading.warnings)
        for file in all {
            switch folder.kind(of: file.path) {
            case .missing:
                plan.created.append(file.path)
            case .file:
                if fileManager.contents(atPath: folder.path(file.path)) == Data(file.contents.utf8) {
                    plan.unchanged.append(file.path)
                } else {
                    plan.updated.append(file.path)
                }
            case .symbolicLink, .folder, .other:
                // Not read: gen writes regular files, so a link is replaced whatever it leads to.
                plan.updated.append(file.path)
            }
        }
        let produced = Set(all.map(\.path))
        let realRoot = folder.realRoot()
        for path in previous.allPaths.subtracting(manifest.allPaths).subtracting(produced).sorted() {
            switch folder.removal(of: path, realRoot: realRoot) {
            case .remove:
                plan.removed.append(path)
            case .gone:
                continue
            case .refuse(let problem):
                plan.warnings.append(
                    .ignoring(
                        path,
                        because: problem,
                        file: folder.shown(Manifest.fileName),
                        line: reading.lines[path] ?? 1
                    )
                )
            }
        }
        return (plan, all)
    }

    /// Carries out `plan` for `files`.
    public func apply(_ plan: Plan, files: [GeneratedFile]) throws {
        let changed = Set(plan.created + plan.updated)
        // Checked again, right before writing: the folder may have changed since the plan.
        try checkWritable(files.map(\.path).filter(changed.contains))
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
            for (temporary, _) in staged { unlink(temporary.path) }
            throw error
        }
        for (temporary, destination) in staged {
            // rename replaces a link at the destination, not what it leads to.
            if rename(temporary.path, destination.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination.path])
            }
        }
        let realRoot = folder.realRoot()
        // Vetted again: a path that changed since the plan is left alone.
        for path in plan.removed where folder.removal(of: path, realRoot: realRoot) == .remove {
            try remove(path)
        }
    }

    /// Throws for the first of `paths` that cannot be written inside the folder.
    private func checkWritable(_ paths: [String]) throws(OutputFolderError) {
        let realRoot = folder.realRoot()
        for path in paths {
            if let (culprit, problem) = folder.writeProblem(path, realRoot: realRoot) {
                throw OutputFolderError(folder.shown(culprit), problem)
            }
        }
    }

    /// Removes the regular file `relative`, then each folder above it that this leaves empty,
    /// up to the output folder, which stays.
    private func remove(_ relative: String) throws {
        let url = root.appendingPathComponent(relative)
        if unlink(url.path) != 0, errno != ENOENT { throw Self.writeError(errno, url) }
        var components = OutputPath.components(relative).dropLast()
        while !components.isEmpty {
            // rmdir removes only an empty folder, and never a link to one.
            guard rmdir(root.appendingPathComponent(components.joined(separator: "/")).path) == 0 else { return }
            components.removeLast()
        }
    }

    /// Writes `contents` to a new file. Unlike `Data.write(to:)` it does not `fsync`: that
    /// guards against power loss, which the temporary-then-rename sequence does not promise to
    /// survive anyway, and it was a tenth of a run's time.
    private static func write(_ contents: String, to url: URL) throws {
        // O_EXCL: a name that exists, even as a link, is never opened, so never written through.
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var descriptor = open(url.path, flags, 0o666)
        if descriptor < 0, errno == EEXIST {
            // Left by a run that died with this process id, or planted: unlinking a name
            // removes a link itself, never its target.
            guard unlink(url.path) == 0 else { throw writeError(errno, url) }
            descriptor = open(url.path, flags, 0o666)
        }
        guard descriptor >= 0 else { throw writeError(errno, url) }
        defer { close(descriptor) }
        var contents = contents
        do {
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
        } catch {
            unlink(url.path)
            throw error
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

    /// The manifest as last written, read without trusting it. A manifest that is not a
    /// regular file is not read at all: a link could lead anywhere, a pipe would never end.
    private func readManifest() -> Manifest.Reading {
        let file = folder.shown(Manifest.fileName)
        let problem: String
        switch folder.kind(of: Manifest.fileName) {
        case .missing:
            return Manifest.Reading()
        case .file:
            guard let data = fileManager.contents(atPath: folder.path(Manifest.fileName)) else {
                problem = "the manifest cannot be read"
                break
            }
            return Manifest.read(data, file: file)
        case .folder: problem = "the manifest is a folder"
        case .symbolicLink: problem = "the manifest is a symbolic link"
        case .other: problem = "the manifest is not a regular file"
        }
        return Manifest.Reading(warnings: [.untrusted(because: problem, file: file, line: 1)])
    }
}
