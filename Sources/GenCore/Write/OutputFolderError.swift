/// Why a run writes nothing: a path it would write leads outside the output folder, or holds
/// something gen may not replace. Printed as `gen: error: PATH PROBLEM; nothing was written`.
public struct OutputFolderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The offending path, below the output folder as the user named it.
    public var path: String
    /// What is wrong with it, as the rest of a sentence that starts with the path.
    public var problem: String

    public init(_ path: String, _ problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path) \(problem)" }
}
