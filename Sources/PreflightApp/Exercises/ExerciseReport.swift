import PreflightCore

/// The exercises with the learner's standing on each, as JSON (`exercise list --json`).
public enum ExerciseReport {
    public static func json(_ session: ExerciseSession, states: [String: ExerciseState]) throws -> String {
        struct Entry: Encodable {
            var name, lesson, status, file: String
            var title: CourseText
            var hintsUsed, attempts: Int
        }
        let entries = session.exercises.map { exercise in
            Entry(name: exercise.id, lesson: exercise.lessonID, status: (states[exercise.id]?.status ?? .pending).rawValue,
                  file: session.workspace.file(for: exercise).path, title: exercise.title,
                  hintsUsed: states[exercise.id]?.hintsUsed ?? 0, attempts: states[exercise.id]?.attempts ?? 0)
        }
        return try JSONOutput.encode(entries)
    }
}
