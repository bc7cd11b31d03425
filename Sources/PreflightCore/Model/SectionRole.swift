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
        var key = heading.trimmingCharacters(in: .whitespaces).lowercased()
        if key.hasSuffix(":") { key.removeLast() }
        key = key.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let role = SectionRole.allCases.first(where: { $0.names.contains(key) }) else { return nil }
        self = role
    }
}
