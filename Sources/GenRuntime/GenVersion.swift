/// The version of gen and of its runtime libraries, one number for both: generated code is
/// meant for the runtimes of the gen that generated it.
public enum GenVersion {
    /// What `gen --version` prints and generated clients name in their `User-Agent`.
    public static let current = "0.1.0"
}
