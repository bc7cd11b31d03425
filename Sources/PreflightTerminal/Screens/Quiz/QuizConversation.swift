import PreflightApp
import PreflightCore
import PreflightGrading

/// An interactive quiz in the terminal's ordinary line mode: one question at a time, options
/// lettered, the verdict and explanation after each answer, skipped questions asked again at
/// the end. Line mode keeps the terminal's own editing (backspace, arrows, paste). `q`, `quit`
/// or the end of input (Ctrl-D) leaves the quiz.
public struct QuizConversation {
    public let session: QuizSession
    public let styler: Styler
    public let width: Int
    /// Accessible mode: verdicts as whole sentences, nothing that needs colour or symbols.
    public let plain: Bool
    let readLine: () -> String?
    let write: (String) -> Void

    var plan: QuizPlan { session.plan }

    public init(session: QuizSession, styler: Styler, width: Int, plain: Bool = false, readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.session = session
        self.styler = styler
        self.width = width
        self.plain = plain
        self.readLine = readLine
        self.write = write
    }

    /// The answers, and whether the learner answered to the end or left.
    public struct Outcome {
        /// Every question's graded answer; nil for those not reached when the learner left.
        public var graded: [GradedAnswer?]
        public var finished: Bool
    }

    /// Words that leave the quiz at any prompt (so they cannot be given as an answer).
    static let quitWords: Set<String> = ["q", "quit"]

    /// Asks every question; the learner may skip and come back, or leave.
    public func run() -> Outcome {
        var graded: [GradedAnswer?] = Array(repeating: nil, count: plan.questions.count)
        var pending = Array(plan.questions.indices)
        var secondPass = false
        while !pending.isEmpty {
            var skipped: [Int] = []
            if secondPass { write(styler.apply([.bold], "\nBack to the question\(pending.count == 1 ? "" : "s") you skipped.")) }
            for index in pending {
                guard let response = ask(index, secondPass: secondPass) else { return Outcome(graded: graded, finished: false) }
                if response == .skipped && !secondPass {
                    skipped.append(index)
                    continue
                }
                let answer = session.grade(index, response)
                graded[index] = answer
                write(QuizReport(styler: styler, width: width, plain: plain).verdict(answer).joined(separator: "\n"))
            }
            pending = skipped
            secondPass = true
        }
        return Outcome(graded: graded, finished: true)
    }

    /// The learner's response, or nil when they leave.
    private func ask(_ index: Int, secondPass: Bool) -> QuizResponse? {
        let question = plan.questions[index]
        let order = plan.orders[index]
        write("")
        let wrapper = TextWrapper(width: width, styler: styler)
        let header = [StyledRun("Question \(index + 1) of \(plan.questions.count)", [.bold]), StyledRun(" · \(kindName(question.kind)) · \(question.lessonID)", [.dim])]
        write(wrapper.wrap(header).joined(separator: "\n"))
        write(wrapper.wrap([StyledRun(Visible.escape(question.title), [.bold])]).joined(separator: "\n"))
        let renderer = LessonRenderer(width: width, styler: styler, plain: plain)
        let prompt = renderer.render(blocks: question.prompt)
        if !prompt.isEmpty { write(prompt.joined(separator: "\n")) }
        let authored = question.answer.labels
        let labels = order.shown.map { authored[$0] }
        for (position, label) in labels.enumerated() {
            let runs = [StyledRun(Grader.letter(position), [.cyan, .bold]), StyledRun(". " + Visible.escape(label))]
            write(wrapper.wrap(runs, firstPrefix: "  ", restPrefix: "     ").joined(separator: "\n"))
        }
        let skipHint = secondPass ? "; q to leave" : "; Enter or `skip` to come back to it later; q to leave"
        while true {
            write(TextWrapper(width: width, styler: styler).wrap([StyledRun(hint(question) + skipHint, [.dim])]).joined(separator: "\n"))
            guard let first = readLine() else { return nil }
            let word = first.trimmingCharacters(in: .whitespaces).lowercased()
            if Self.quitWords.contains(word) { return nil }
            var input = first
            if case .predictOutput = question.answer, !["", "skip"].contains(word) {
                var lines = [first]
                while true {
                    guard let next = readLine() else { return nil }
                    if next == "." { break }
                    lines.append(next)
                }
                input = lines.joined(separator: "\n")
            }
            switch ResponseParser.parse(input, for: question, order: order) {
            case .success(let response): return response
            case .failure(let error): write(styler.apply([.yellow], Visible.escape(error.message)))
            }
        }
    }

    private func hint(_ question: QuizQuestion) -> String {
        switch question.kind {
        case .singleChoice: return "Your answer: one letter"
        case .multipleChoice: return "Your answer: every right letter, e.g. A,C"
        case .trueFalse: return "Your answer: True or False (or A/B)"
        case .shortAnswer: return "Your answer: type it and press Enter"
        case .predictOutput: return "What does it print? Type the output, then a line with a single `.`"
        case .ordering: return "Your order: all the letters, e.g. C,A,B"
        }
    }

    private func kindName(_ kind: QuizAnswer.Kind) -> String {
        switch kind {
        case .singleChoice: return "one answer"
        case .multipleChoice: return "select all that apply"
        case .trueFalse: return "true or false"
        case .shortAnswer: return "short answer"
        case .predictOutput: return "predict the output"
        case .ordering: return "put in order"
        }
    }
}
