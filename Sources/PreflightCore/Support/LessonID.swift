/// Lesson and section ids are kebab-case so they read well in commands (`preflight learn
/// model-serving`) and survive as file names and database keys.
public enum LessonID {
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, let last = id.unicodeScalars.last else { return false }
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        return allowed && first != "-" && last != "-" && !id.contains("--")
    }
}
