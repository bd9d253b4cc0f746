import GenRuntime

/// The `User-Agent` generated clients send: `gen-swift/<version> (<os> <arch>) Swift/<version>`.
public enum UserAgent {
    /// The version of gen and of this runtime, `GenVersion.current`.
    public static let genVersion = GenVersion.current

    public static let `default` = "gen-swift/\(genVersion) (\(operatingSystem) \(architecture)) Swift/\(swiftVersion)"

    static var operatingSystem: String {
        #if os(Linux)
            "Linux"
        #elseif os(macOS)
            "Darwin"
        #elseif os(iOS)
            "iOS"
        #elseif os(Windows)
            "Windows"
        #else
            "unknown"
        #endif
    }

    static var architecture: String {
        #if arch(x86_64)
            "x86_64"
        #elseif arch(arm64)
            "arm64"
        #else
            "unknown"
        #endif
    }

    /// The language version the runtime was compiled with.
    static var swiftVersion: String {
        #if swift(>=6.5)
            "6.5"
        #elseif swift(>=6.4)
            "6.4"
        #elseif swift(>=6.3)
            "6.3"
        #elseif swift(>=6.2)
            "6.2"
        #elseif swift(>=6.1)
            "6.1"
        #else
            "6.0"
        #endif
    }
}
