/// A unified diff of two texts, line by line, with three lines of context, as `diff -u` prints
/// it, so an author sees exactly which lines of the expected output are wrong.
public enum UnifiedDiff {
    public static func make(expected: String, actual: String, expectedLabel: String = "expected", actualLabel: String = "actual", context: Int = 3) -> String {
        let a = expected.isEmpty ? [] : expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.isEmpty ? [] : actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var lines = ["--- \(expectedLabel)", "+++ \(actualLabel)"]
        var index = 0
        while index < edits.count {
            guard let change = edits[index...].firstIndex(where: { $0.kind != .same }) else { break }
            let start = max(change - context, index)
            var end = change
            // Extend the hunk while the next change is within two contexts' reach.
            while true {
                guard let nextSame = edits[end...].firstIndex(where: { $0.kind == .same }) else { end = edits.count; break }
                guard let nextChange = edits[nextSame...].firstIndex(where: { $0.kind != .same }), nextChange - nextSame <= context * 2 else {
                    end = min(nextSame + context, edits.count)
                    break
                }
                end = nextChange
            }
            let hunk = edits[start..<end]
            let oldStart = (hunk.first?.oldIndex ?? 0) + 1, newStart = (hunk.first?.newIndex ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .insert }.count, newCount = hunk.filter { $0.kind != .delete }.count
            lines.append("@@ -\(oldCount == 0 ? oldStart - 1 : oldStart),\(oldCount) +\(newCount == 0 ? newStart - 1 : newStart),\(newCount) @@")
            for edit in hunk {
                switch edit.kind {
                case .same: lines.append(" " + edit.text)
                case .delete: lines.append("-" + edit.text)
                case .insert: lines.append("+" + edit.text)
                }
            }
            index = end
        }
        return lines.joined(separator: "\n")
    }

    struct Edit {
        enum Kind { case same, delete, insert }
        var kind: Kind
        var text: String
        /// Position in each text at this edit (the next line of each side).
        var oldIndex: Int
        var newIndex: Int
    }

    /// Longest-common-subsequence edit script. Outputs are capped, but a pathological pair still
    /// falls back to "all deleted, all inserted" past a few million cells.
    static func script(_ a: [String], _ b: [String]) -> [Edit] {
        let n = a.count, m = b.count
        guard n * m <= 4_000_000 else {
            return a.enumerated().map { Edit(kind: .delete, text: $1, oldIndex: $0, newIndex: 0) }
                + b.enumerated().map { Edit(kind: .insert, text: $1, oldIndex: n, newIndex: $0) }
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldIndex: i, newIndex: j)); i += 1; j += 1
            } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
                edits.append(Edit(kind: .delete, text: a[i], oldIndex: i, newIndex: j)); i += 1
            } else {
                edits.append(Edit(kind: .insert, text: b[j], oldIndex: i, newIndex: j)); j += 1
            }
        }
        return edits
    }
}
