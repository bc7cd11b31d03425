import Foundation
import PreflightCore

/// One JUnit XML document in the shape CI systems read (Jenkins' JUnit plugin and Surefire's
/// schema, GitLab, GitHub's test reporters): `testsuites` around one `testsuite` whose counts
/// agree with its `testcase`s; each failing case has one `failure` with a `message` and a `type`.
/// Every report Preflight writes for CI (check, lint, exercise verify) is built here, so they
/// share one shape and one escaping. Text is escaped with `XMLText`; callers bound failure output
/// with `BoundedText` first.
public struct JUnitReport: Sendable {
    public struct Failure: Sendable {
        public var message: String
        /// A short machine word: a verdict (`mismatch`) or a diagnostic id.
        public var type: String
        public var body: String

        public init(message: String, type: String, body: String) {
            self.message = message
            self.type = type
            self.body = body
        }
    }

    public struct Case: Sendable {
        public var classname: String
        public var name: String
        public var file: String?
        public var line: Int?
        public var seconds: Double
        public var failure: Failure?
        public var systemOut: String?
        public var systemErr: String?

        public init(classname: String, name: String, file: String? = nil, line: Int? = nil, seconds: Double = 0,
                    failure: Failure? = nil, systemOut: String? = nil, systemErr: String? = nil) {
            self.classname = classname
            self.name = name
            self.file = file
            self.line = line
            self.seconds = seconds
            self.failure = failure
            self.systemOut = systemOut
            self.systemErr = systemErr
        }
    }

    public var suite: String
    public var properties: [(name: String, value: String)]
    public var cases: [Case]

    public init(suite: String, properties: [(name: String, value: String)] = [], cases: [Case]) {
        self.suite = suite
        self.properties = properties
        self.cases = cases
    }

    public var xml: String {
        let failures = cases.filter { $0.failure != nil }.count
        let total = String(format: "%.3f", cases.reduce(0) { $0 + $1.seconds })
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\"\(XMLText.escape(suite))\" \(counts) time=\"\(total)\">",
                     "  <testsuite name=\"\(XMLText.escape(suite))\" \(counts) skipped=\"0\" time=\"\(total)\">"]
        if !properties.isEmpty {
            lines.append("    <properties>")
            for property in properties {
                lines.append("      <property name=\"\(XMLText.escape(property.name))\" value=\"\(XMLText.escape(property.value))\"/>")
            }
            lines.append("    </properties>")
        }
        for testcase in cases {
            var open = "    <testcase classname=\"\(XMLText.escape(testcase.classname))\" name=\"\(XMLText.escape(testcase.name))\""
            if let file = testcase.file { open += " file=\"\(XMLText.escape(file))\"" }
            if let line = testcase.line { open += " line=\"\(line)\"" }
            open += " time=\"\(String(format: "%.3f", testcase.seconds))\""
            guard testcase.failure != nil || testcase.systemOut != nil || testcase.systemErr != nil else {
                lines.append(open + "/>")
                continue
            }
            lines.append(open + ">")
            if let failure = testcase.failure {
                lines.append("      <failure message=\"\(XMLText.escape(failure.message))\" type=\"\(XMLText.escape(failure.type))\">\(XMLText.escape(failure.body))</failure>")
            }
            if let out = testcase.systemOut { lines.append("      <system-out>\(XMLText.escape(out))</system-out>") }
            if let err = testcase.systemErr { lines.append("      <system-err>\(XMLText.escape(err))</system-err>") }
            lines.append("    </testcase>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n")
    }

    /// Cases for a command that could not start its work (the course does not load, a name is
    /// unknown): one failing case per error diagnostic, at its file and line, or one for the
    /// message when there are none. CI then shows why instead of finding no report at all.
    public static func cases(for error: AppError, classname: String) -> [Case] {
        let errors = error.diagnostics.filter { $0.severity == .error }.sortedByLocation()
        guard !errors.isEmpty else {
            return [Case(classname: classname, name: "\(classname) could not start", failure: Failure(message: error.message, type: "not-started", body: error.message))]
        }
        return errors.map { diagnostic in
            let at = diagnostic.location
            return Case(classname: classname, name: "\(at.file):\(at.line):\(at.column) [\(diagnostic.id)]", file: at.file, line: at.line,
                        failure: Failure(message: diagnostic.message, type: diagnostic.id, body: DiagnosticReport.line(diagnostic)))
        }
    }
}
