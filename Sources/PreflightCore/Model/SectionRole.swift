import Foundation

/// The H2 sections a lesson may have. Headings are matched case-insensitively against each
/// role's names, so an author can write "Example Code" or "Line-by-Line Explanation" as the
/// lesson seed does.
public enum SectionRole: String, Sendable, CaseIterable, Codable {
    case syntax, example, expectedOutput, explanation, realWorldUses, commonMistakes, bestPractices
    case howItWorks, dataAndModelDecisions, verificationPlan, practice, summary, interviewQuestions, quiz
    case references

    public var names: [String] {
        switch self {
        case .syntax: return ["syntax"]
        case .example: return ["example", "example code", "examples"]
        case .expectedOutput: return ["expected output", "output"]
        case .explanation: return ["explanation", "line-by-line explanation", "line by line explanation"]
        case .realWorldUses: return ["real-world uses", "real world uses"]
        case .commonMistakes: return ["common mistakes"]
        case .bestPractices: return ["best practices"]
        case .howItWorks: return ["how it works"]
        case .dataAndModelDecisions: return ["data and model decisions"]
        case .verificationPlan: return ["verification plan"]
        case .practice: return ["practice", "practice task"]
        case .summary: return ["summary", "quick summary"]
        case .interviewQuestions: return ["interview questions"]
        case .quiz: return ["quiz"]
        case .references: return ["references"]
        }
    }

    /// The role a heading names, ignoring case, surrounding space and a trailing colon.
    public init?(heading: String) {
        let key = Self.key(heading)
        guard let role = SectionRole.allCases.first(where: { $0.names.contains(key) }) else { return nil }
        self = role
    }

    /// How a heading is compared with the names: lower case, one space between words, no colon.
    static func key(_ heading: String) -> String {
        var key = heading.trimmingWhitespace().lowercased()
        if key.hasSuffix(":") { key.removeLast() }
        return key.collapsingWhitespace()
    }

    /// The heading as the docs write it, for "did you mean `## Interview Questions`?".
    public static func displayName(_ name: String) -> String {
        let small: Set<String> = ["and", "by", "it"]
        return name.split(separator: " ").enumerated().map { index, word in
            word.split(separator: "-", omittingEmptySubsequences: false).enumerated().map { part, piece in
                (index > 0 || part > 0) && small.contains(String(piece)) ? String(piece) : piece.prefix(1).uppercased() + piece.dropFirst()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// The role and name a heading that names no role was most likely meant to be: a typo
    /// (`Quizz`, `Exmaple`: one edit, or a swap of two letters; two for long names), the other
    /// number (`Interview Question`, `Quizzes`), or hyphens for spaces. Nil when nothing is close.
    public static func nearMiss(heading: String) -> (role: SectionRole, name: String)? {
        let key = Self.key(heading)
        guard SectionRole(heading: heading) == nil, !key.isEmpty else { return nil }
        let spaced = key.replacingOccurrences(of: "-", with: " ")
        let spacedSingular = singular(spaced)
        let spacedCharacters = Array(spaced)
        var best: (role: SectionRole, name: String, distance: Int)?
        for candidate in nearMissCandidates {
            let distance: Int
            if spaced == candidate.target || spacedSingular == candidate.singular {
                distance = 0
            } else {
                let allowed = candidate.characters.count >= 10 ? 2 : 1
                // The distance is at least the difference in length: most headings are far.
                guard abs(spacedCharacters.count - candidate.characters.count) <= allowed else { continue }
                distance = EditDistance.damerau(spacedCharacters, candidate.characters)
                guard distance <= allowed else { continue }
            }
            if best == nil || distance < best!.distance { best = (candidate.role, candidate.name, distance) }
        }
        return best.map { ($0.role, $0.name) }
    }

    /// Every role name as `nearMiss` compares it, worked out once.
    private static let nearMissCandidates: [(role: SectionRole, name: String, target: String, singular: String, characters: [Character])] =
        allCases.flatMap { role in
            role.names.map { name in
                let target = name.replacingOccurrences(of: "-", with: " ")
                return (role, name, target, singular(target), Array(target))
            }
        }

    /// Each word without its plural ending: `quizzes` and `quiz`, `questions` and `question`.
    private static func singular(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            if word.hasSuffix("zzes") { return String(word.dropLast(3)) }
            if word.hasSuffix("zes") { return String(word.dropLast(2)) }
            if word.hasSuffix("ies") && word.count > 4 { return String(word.dropLast(3)) + "y" }
            if word.hasSuffix("s") && !word.hasSuffix("ss") && word.count > 3 { return String(word.dropLast()) }
            return String(word)
        }.joined(separator: " ")
    }
}

/// Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions
/// and swaps of two neighbouring characters each cost one, so `exmaple` is one from `example`.
enum EditDistance {
    static func damerau(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
