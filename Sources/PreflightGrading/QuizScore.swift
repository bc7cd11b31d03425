/// The score of a quiz, a section of it, or a lesson's history: the sum of the answers' scores
/// (each 0...1, partial credit included) out of the number of questions. Written the same way
/// in the summary, the section breakdown, earlier attempts and `preflight progress`.
public struct QuizScore: Sendable, Hashable {
    public var points: Double
    public var questions: Int

    public init(points: Double, questions: Int) {
        self.points = points
        self.questions = questions
    }

    public init(_ graded: [GradedAnswer]) {
        self.init(points: graded.reduce(0) { $0 + $1.score }, questions: graded.count)
    }

    /// Points in tenths, rounded down (with slack for sums like 1/3 + 2/3), so a score shown
    /// as 7 of 7 is a perfect one.
    public var tenths: Int { Int((points * 10 + 1e-9).rounded(.down)) }

    /// Rounded down, for the same reason.
    public var percent: Int { questions == 0 ? 0 : Int((points / Double(questions) * 100 + 1e-9).rounded(.down)) }

    /// `5` for whole points, `5.6` otherwise (`6.0` for 6.02: not quite 6).
    public var pointsText: String {
        let exact = abs(points - points.rounded()) < 1e-9
        return exact ? String(Int(points.rounded())) : "\(tenths / 10).\(tenths % 10)"
    }

    /// `5.6 of 7 (80%)`.
    public var text: String { "\(pointsText) of \(questions) (\(percent)%)" }

    /// A difference in tenths as `1`, `0.6` or `-0.4` ("Up 0.6 on last time").
    public static func tenthsText(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10, fraction = abs(tenths) % 10
        return sign + (fraction == 0 ? "\(whole)" : "\(whole).\(fraction)")
    }
}
