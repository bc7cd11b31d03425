/// Problems opening the progress database, each with what the learner can do about it.
public enum StoreError: Error, Sendable, CustomStringConvertible {
    case notADatabase(path: String)
    case damaged(path: String, detail: String)
    case cannotOpen(path: String, detail: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path): this file is not a Preflight progress database (not SQLite). It was left untouched; move it aside (for example `mv \(path) \(path).bak`) or pass --state PATH to use another file."
        case .damaged(let path, let detail):
            return "\(path): the progress database is damaged (\(detail)). It was left untouched; move it aside (for example `mv \(path) \(path).bak`) and Preflight will start a new one."
        case .cannotOpen(let path, let detail):
            return "\(path): cannot open the progress database: \(detail)"
        }
    }
}
