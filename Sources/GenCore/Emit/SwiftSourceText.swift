/// Final touches on rendered Swift text, so that templates can stay readable: no trailing
/// whitespace, no runs of blank lines, no blank line after an opening or before a closing brace,
/// exactly one newline at the end.
enum SwiftSourceText {
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine
            while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
            if line.isEmpty {
                guard let previous = lines.last, !previous.isEmpty, !previous.hasSuffix("{") else { continue }
            } else if line.trimmingPrefix(while: { $0 == " " }).hasPrefix("}"), lines.last?.isEmpty == true {
                lines.removeLast()
            }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Substring {
    fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self.drop(while: predicate)
    }
}
