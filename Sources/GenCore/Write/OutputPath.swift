/// The paths gen may create, rewrite or remove in its output folder, checked on their text alone.
///
/// A path gen writes is relative to the output folder, made of plain components (no `..`, no
/// `.`, none empty), free of backslashes and control characters, and names a kind of file gen
/// generates. The same rule vets every path the generator produces and every path a manifest
/// names, so a manifest entry that fails it can only have been written by someone else.
enum OutputPath {
    /// The extensions of the files gen generates: Swift, and the OpenAPI piece's JSON.
    static let extensions: Set<String> = ["swift", "json"]
    /// What gen writes in a DocC catalog (a folder whose name ends in this): a module's landing
    /// article.
    static let catalogExtension = ".docc"
    static let articleExtension = "md"
    /// What `problem` says of a file of another kind.
    static let kinds =
        extensions.sorted().map { "." + $0 }.joined(separator: ", ") + " files, and ." + articleExtension
        + " articles in a " + catalogExtension + " catalog"

    /// Why gen cannot have written `path`, or nil when it could have.
    ///
    /// Checked on Unicode scalars, as the file system splits paths: a `/` followed by a
    /// combining mark is one `Character` in Swift, yet still a separator on disk.
    static func problem(_ path: String) -> String? {
        let scalars = path.unicodeScalars
        if scalars.isEmpty { return "it is empty" }
        if scalars.first == "/" { return "it is absolute" }
        if scalars.contains(where: isControl) { return "it has a control character" }
        if scalars.contains("\\") { return "it has a backslash" }
        let components = scalars.split(separator: "/", omittingEmptySubsequences: false)
        for component in components {
            if component.isEmpty { return "it has an empty component" }
            if component.elementsEqual(".".unicodeScalars) { return "it has a '.' component" }
            if component.elementsEqual("..".unicodeScalars) { return "it has a '..' component" }
        }
        let name = components.last ?? Substring.UnicodeScalarView()
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "gen writes only " + kinds }
        let fileExtension = String(Substring(name[name.index(after: dot)...]))
        if extensions.contains(fileExtension) { return nil }
        if fileExtension == articleExtension, components.count >= 2,
            String(Substring(components[components.count - 2])).hasSuffix(catalogExtension)
        {
            return nil
        }
        return "gen writes only " + kinds
    }

    /// The components of `path`, split where the file system splits it: at every `/` scalar.
    static func components(_ path: String) -> [String] {
        path.unicodeScalars.split(separator: "/").map { String(Substring($0)) }
    }

    /// `path` as a message can show it: control characters escaped, so that a hostile manifest
    /// cannot drive the terminal, and long paths shortened.
    static func shown(_ path: String) -> String {
        let limit = 200
        var text = ""
        for scalar in path.unicodeScalars.prefix(limit) {
            if isControl(scalar) {
                text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return path.unicodeScalars.count > limit ? text + "…" : text
    }

    /// C0 and C1 control characters and DEL: never in a name gen generates.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
