import Foundation

/// What `gen init NAME` does apart from parsing its arguments: writes the starter spec
/// (`StarterSpec`) as `NAME.yaml` into a folder, and never over a file that is there.
public enum InitCommand {
    /// Writes `output/NAME.yaml` and returns the exit code: 1, with the reason, for a name that
    /// cannot name the API (`StarterSpec.problem(withName:)`), a file that exists or a folder that
    /// cannot be written.
    public static func run(name: String, output: String = ".", console: Console = .standard) -> Int32 {
        if let problem = StarterSpec.problem(withName: name) {
            console.err("gen: error: \(problem)")
            return 1
        }
        let path = output == "." ? name + ".yaml" : (output as NSString).appendingPathComponent(name + ".yaml")
        let text = StarterSpec.text(name: name)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try writeNewFile(text, to: path)
        } catch let error as InitError {
            console.err("gen: error: \(error.message)")
            return 1
        } catch {
            console.err("gen: error: cannot create the folder \(output): \(error.localizedDescription)")
            return 1
        }
        console.out("wrote \(path): the \(name) API, one resource (Note) and its five operations, to edit")
        return 0
    }

    /// Creates `path` holding `text`. `O_EXCL` refuses a name that exists, even as a symbolic
    /// link, in the same call that creates the file, so nothing is ever replaced or written
    /// through a link.
    private static func writeNewFile(_ text: String, to path: String) throws(InitError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw InitError(
                    "\(path) already exists, and gen init never replaces a file; "
                        + "give another name, or another folder with --output"
                )
            }
            throw InitError("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written >= 0 else {
                let reason = String(cString: strerror(errno))
                unlink(path)
                throw InitError("cannot write \(path): \(reason)")
            }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Why `gen init` wrote nothing.
struct InitError: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
