/// The one wording of a bad time limit, wherever it is written (`course.yaml`'s `timeout`, a
/// fence's `timeout=`, an exercise's `timeout`), checked with `CourseConfig.isValidTimeout`.
enum TimeLimit {
    static let id = "timeout.out-of-range"

    static func message(_ what: String, written: String) -> String {
        let maximum = Int(CourseConfig.maximumTimeout)
        return "\(what) is `\(written)`; a time limit must be a number of seconds above 0 and at most \(maximum) (an hour)"
    }
}
