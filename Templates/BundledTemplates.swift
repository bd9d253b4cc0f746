import Foundation

/// The templates that ship with `gen`, as resources of this module.
public enum BundledTemplates {
    /// The folder holding the bundled templates (`Models/…`, `Shared/…`).
    public static var directory: URL {
        Bundle.module.resourceURL ?? Bundle.module.bundleURL
    }
}
