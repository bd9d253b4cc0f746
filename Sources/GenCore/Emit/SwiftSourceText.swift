/// Final touches on rendered Swift text, so that templates can stay readable: no trailing
/// whitespace, no runs of blank lines, no blank line after an opening or before a closing brace,
/// exactly one newline at the end.
enum SwiftSourceText {
    private enum Previous {
        case none, blank, text(opensBrace: Bool)
    }

    static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            // Every kept line is written followed by its newline, a blank line as the newline alone.
            var output: [UInt8] = []
            output.reserveCapacity(input.count + 1)
            var previous = Previous.none
            var start = 0
            while start <= input.count {
                let newline = input[start...].firstIndex(of: .newline) ?? input.count
                var end = newline
                while end > start, input[end - 1] == .space || input[end - 1] == .tab { end -= 1 }
                let line = input[start..<end]
                start = newline + 1

                if line.isEmpty {
                    guard case .text(opensBrace: false) = previous else { continue }
                    output.append(.newline)
                    previous = .blank
                    continue
                }
                if case .blank = previous, line.first(where: { $0 != .space }) == .closeBrace {
                    output.removeLast()
                }
                output.append(contentsOf: line)
                output.append(.newline)
                previous = .text(opensBrace: line.last == .openBrace)
            }
            if case .blank = previous { output.removeLast() }
            if output.isEmpty { output.append(.newline) }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension UInt8 {
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let openBrace = UInt8(ascii: "{")
    fileprivate static let closeBrace = UInt8(ascii: "}")
}
