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

    /// A declaration such as `public func create(…) async throws -> T {`: on one line when it
    /// fits, otherwise one parameter a line with the commas swift-format puts after each.
    static func declaration(_ prefix: String, parameters: [String], suffix: String, indent: Int) -> String {
        let oneLine = "\(prefix)(\(parameters.joined(separator: ", ")))\(suffix)"
        guard indent + oneLine.count > lineWidth, !parameters.isEmpty else { return oneLine }
        let continuation = String(repeating: " ", count: indent + 4)
        let lines = parameters.map { continuation + $0 }.joined(separator: ",\n")
        return "\(prefix)(\n\(lines)\n\(String(repeating: " ", count: indent)))\(suffix)"
    }

    /// A collection literal of `elements`, one a line with trailing commas, for code indented by
    /// `indent` spaces; on one line when it has one element.
    static func literal(_ elements: [String], indent: Int) -> String {
        guard elements.count > 1 else { return "[\(elements.joined())]" }
        let continuation = String(repeating: " ", count: indent + 4)
        let lines = elements.map { continuation + $0 + "," }.joined(separator: "\n")
        return "[\n\(lines)\n\(String(repeating: " ", count: indent))]"
    }
}
