/// A unified diff of two texts, for golden-file failures that say what changed.
enum UnifiedDiff {
    static func of(expected: String, actual: String, name: String, context: Int = 3) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Longest common subsequence table, from the end.
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        enum Line { case same(String), removed(String), added(String) }
        var lines: [Line] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(.same(a[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                lines.append(.added(b[j])); j += 1
            } else {
                lines.append(.removed(a[i])); i += 1
            }
        }
        var output = ["--- \(name) (committed)", "+++ \(name) (generated)"]
        var index = 0
        while index < lines.count {
            guard case .same = lines[index] else {
                let start = max(0, index - context)
                var end = index
                var quiet = 0
                while end < lines.count, quiet <= 2 * context {
                    if case .same = lines[end] { quiet += 1 } else { quiet = 0 }
                    end += 1
                }
                end = min(lines.count, end - max(0, quiet - context))
                output.append("@@ line \(start + 1) @@")
                for line in lines[start..<end] {
                    switch line {
                    case .same(let text): output.append(" " + text)
                    case .removed(let text): output.append("-" + text)
                    case .added(let text): output.append("+" + text)
                    }
                }
                index = end
                continue
            }
            index += 1
        }
        return output.joined(separator: "\n")
    }
}
