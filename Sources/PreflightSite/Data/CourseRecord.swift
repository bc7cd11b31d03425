import PreflightCore

/// The course's shape for the scripts: sections and lessons in order, with the stable ids of
/// each lesson's questions and flashcards, so progress marks and imports can be checked
/// against the course.
struct CourseRecord: Encodable {
    struct Section: Encodable { var id: String; var title: String }
    struct LessonEntry: Encodable {
        var id: String
        var title: String
        var section: String
        var quiz: [String]
        var cards: [String]
    }

    var id: String
    var title: String
    var sections: [Section]
    var lessons: [LessonEntry]

    init(_ course: Course) {
        id = course.config.id
        title = course.config.title.siteText
        sections = course.config.sections.map { Section(id: $0.id, title: $0.title.siteText) }
        lessons = course.lessons.map {
            LessonEntry(id: $0.id, title: $0.title.siteText, section: $0.sectionID, quiz: $0.quiz.map(\.id), cards: $0.interviewQuestions.map(\.id))
        }
    }
}

/// Every question, with the sections to draw from evenly, for the final exam.
struct ExamRecord: Encodable {
    var sections: [CourseRecord.Section]
    var questions: [QuestionRecord]

    init(course: Course, questions: [QuestionRecord]) {
        sections = course.config.sections.map { CourseRecord.Section(id: $0.id, title: $0.title.siteText) }
        self.questions = questions
    }
}
