/// Formats a call the way swift-format would: on one line when it fits, otherwise one argument
/// a line, indented once more, and the closing parenthesis on a line of its own.
enum SwiftCall {
    static let lineWidth = 120

    /// `prefix(arguments…)`, where `prefix` is everything before the opening parenthesis and the
    /// statement is indented by `indent` spaces in its file.
    static func statement(_ prefix: String, arguments: [String], indent: Int) -> String {
        let oneLine = "\(prefix)(\(arguments.joined(separator: ", ")))"
        guard indent + oneLine.count > lineWidth else { return oneLine }
        let continuation = String(repeating: " ", count: indent + 4)
        let lines = arguments.map { continuation + $0 }.joined(separator: ",\n")
        return "\(prefix)(\n\(lines)\n\(String(repeating: " ", count: indent)))"
    }
}
