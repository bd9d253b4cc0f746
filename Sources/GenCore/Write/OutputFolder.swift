import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder on disk: what is at a path below it, and whether that path stays inside
/// it once symbolic links are resolved.
///
/// The folder itself may be a symbolic link, or lie below one: the user named it, so its real
/// path is what "inside" means. Below it, a link to a folder is followed only as far as its
/// target stays inside that real path.
struct OutputFolder {
    let root: URL
    /// The folder as the user named it, for messages.
    let name: String

    /// What can be at a path, seen without following a link at its last component.
    enum Kind: Equatable {
        case missing, file, folder, symbolicLink, other
    }

    /// What removing a path the manifest names would do.
    enum Removal: Equatable {
        /// It is a regular file inside the folder.
        case remove
        /// Nothing is there: nothing to do.
        case gone
        /// Something gen cannot have written: left alone, for this reason.
        case refuse(String)
    }

    /// The folder's name with a trailing slash, as messages show it.
    var shownName: String { name.hasSuffix("/") ? name : name + "/" }

    /// `relative` as messages show it: below the folder as the user named it.
    func shown(_ relative: String) -> String { shownName + relative }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The real path of the folder, or nil while it does not exist.
    func realRoot() -> String? { Self.realPath(root.path) }

    /// What is at `relative`; links in the folders above it are followed.
    func kind(of relative: String) -> Kind {
        var status = stat()
        guard lstat(path(relative), &status) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Where writing the file `relative` would go wrong, as the path at fault (relative) and
    /// what is wrong with it, or nil: every folder on the way that exists is a folder inside
    /// this one, links resolved, and the file itself is not a folder. Folders that do not exist
    /// yet are created inside the last one that does.
    func writeProblem(_ relative: String, realRoot: String?) -> (path: String, problem: String)? {
        // A folder that does not exist holds nothing, and is created where the user asked.
        guard let realRoot else { return nil }
        var folder = ""
        for component in OutputPath.components(relative).dropLast() {
            folder = folder.isEmpty ? component : folder + "/" + component
            switch kind(of: folder) {
            case .missing:
                return nil
            case .folder:
                // A real folder in a folder already found inside is inside.
                continue
            case .symbolicLink:
                guard let real = Self.realPath(path(folder)) else {
                    return (folder, "is a symbolic link that leads nowhere")
                }
                guard Self.isInside(real, realRoot) else {
                    return (
                        folder,
                        "leads outside \(shownName) through a symbolic link (to \(real)), "
                            + "and gen writes only inside its output folder"
                    )
                }
                guard Self.isFolder(real) else { return (folder, "is a link to something that is not a folder") }
            case .file, .other:
                return (folder, "is not a folder")
            }
        }
        if kind(of: relative) == .folder { return (relative, "is a folder, where gen writes a file") }
        return nil
    }

    /// Whether removing `relative`, a path the manifest names, is safe: a regular file (not a
    /// link, never a folder) whose folder, links resolved, is inside this one.
    func removal(of relative: String, realRoot: String?) -> Removal {
        guard let realRoot else { return .gone }
        let components = OutputPath.components(relative)
        if components.count > 1 {
            guard let real = Self.realPath(path(components.dropLast().joined(separator: "/"))) else { return .gone }
            guard Self.isInside(real, realRoot) else {
                return .refuse("it leads outside the output folder through a symbolic link")
            }
        }
        switch kind(of: relative) {
        case .missing: return .gone
        case .file: return .remove
        case .folder: return .refuse("it is a folder")
        case .symbolicLink: return .refuse("it is a symbolic link")
        case .other: return .refuse("it is not a regular file")
        }
    }

    /// `path` with every symbolic link resolved, or nil if it does not lead to anything.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the real path `real` is `realRoot` or below it.
    static func isInside(_ real: String, _ realRoot: String) -> Bool {
        realRoot == "/" || real == realRoot || real.hasPrefix(realRoot + "/")
    }

    private static func isFolder(_ real: String) -> Bool {
        var status = stat()
        return stat(real, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
