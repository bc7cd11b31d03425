import Foundation
import PreflightCore
import TestSupport
import XCTest

/// What the curriculum issues promise a learner of the shipped course: every lesson has the
/// sections a lesson page needs, enough interview questions and a varied, explained quiz, and
/// every section has its three lessons and an exercise.
final class CourseShapeTests: XCTestCase {
    static let required: [SectionRole] = [
        .syntax, .example, .explanation, .commonMistakes, .bestPractices, .verificationPlan, .summary,
        .interviewQuestions, .quiz, .references,
    ]

    func loadCourse() throws -> Course {
        try XCTUnwrap(CourseLoader.load(TestPaths.shippedCourse).course)
    }

    func testEveryLessonHasTheSectionsOfALessonPage() throws {
        for lesson in try loadCourse().lessons {
            let roles = Set(lesson.sections.compactMap(\.role))
            for role in Self.required {
                XCTAssertTrue(roles.contains(role), "\(lesson.file) has no \(role) section")
            }
            XCTAssertFalse(lesson.sources.isEmpty, "\(lesson.file) cites no sources")
            let mistakes = lesson.sections.first { $0.role == .commonMistakes }?.blocks
                .first { if case .bulletList = $0.kind { true } else if case .orderedList = $0.kind { true } else { false } }
            XCTAssertGreaterThanOrEqual(mistakes?.children.count ?? 0, 3, "\(lesson.file): at least three common mistakes")
        }
    }

    func testEveryLessonHasARunnableExampleOfTenToFortyLines() throws {
        for lesson in try loadCourse().lessons {
            let lengths = lesson.examples.map { $0.code.split(separator: "\n", omittingEmptySubsequences: false).count - ($0.code.hasSuffix("\n") ? 1 : 0) }
            XCTAssertTrue(lengths.contains { (10...40).contains($0) }, "\(lesson.file): example lengths \(lengths)")
        }
    }

    func testEveryLessonHasInterviewQuestionsAndAVariedExplainedQuiz() throws {
        for lesson in try loadCourse().lessons {
            XCTAssertGreaterThanOrEqual(lesson.interviewQuestions.count, 3, "\(lesson.file): interview questions")
            XCTAssertGreaterThanOrEqual(lesson.quiz.count, 5, "\(lesson.file): quiz questions")
            XCTAssertGreaterThanOrEqual(Set(lesson.quiz.map(\.kind)).count, 3, "\(lesson.file): quiz question types")
            for question in lesson.quiz {
                XCTAssertFalse((question.explanation ?? "").isEmpty, "\(lesson.file):\(question.location.line): no explanation")
            }
        }
    }

    func testEveryTopicSectionHasThreeLessonsThatBuildOnEachOtherAndAnExercise() throws {
        let course = try loadCourse()
        let (exercises, _) = ExerciseLoader.load(
            course.root.appendingPathComponent(try XCTUnwrap(course.config.exercises)), lessonIDs: Set(course.lessons.map(\.id)))
        let sectionOfLesson = Dictionary(uniqueKeysWithValues: course.lessons.map { ($0.id, $0.sectionID) })
        let practised = Set(exercises.compactMap { sectionOfLesson[$0.lessonID] })
        for section in course.config.sections.dropFirst() {
            let lessons = course.lessons.filter { $0.sectionID == section.id }
            XCTAssertEqual(lessons.count, 3, "section \(section.id)")
            for (earlier, later) in zip(lessons, lessons.dropFirst()) {
                XCTAssertTrue(later.requires.contains(earlier.id), "\(later.file) should require \(earlier.id)")
            }
            XCTAssertTrue(practised.contains(section.id), "section \(section.id) has no exercise")
        }
    }
}
