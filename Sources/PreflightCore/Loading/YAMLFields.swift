import Foundation
import Yams

/// Reads typed fields out of a YAML mapping while keeping each field's position, so front matter
/// and `course.yaml` problems are reported at the line that holds them. Problems are collected,
/// never thrown.
struct YAMLFields {
    let file: String
    /// Added to Yams' line numbers: front matter starts after the opening `---` line.
    let lineOffset: Int
    let mapping: Node.Mapping
    /// Each key's value by the key's text. Yams' own `mapping["id"]` builds a node for "id" and
    /// resolves its type with the resolver's regular expressions on every lookup; every field
    /// asked for here is a plain word, which YAML reads as text, so its text finds it.
    private let values: [String: Node]
    let origin: SourceLocation
    /// Prefix of the ids of field problems: `frontmatter`, `course` or `exercise`.
    let area: String
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text` and expects a mapping at its top. Returns nil, with a diagnostic, otherwise.
    /// - Parameter area: the first part of the ids of field problems (`frontmatter`, `course`,
    ///   `exercise`), as in `frontmatter.missing-field`.
    static func parse(_ text: String, file: String, lineOffset: Int, what: String, area: String, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let origin = SourceLocation(file: file, line: lineOffset + 1, column: 1)
        do {
            guard let node = try Yams.compose(yaml: text, .default, .default, .utf8) else {
                diagnostics.append(.error(origin, "\(what) is empty", id: "yaml.empty"))
                return nil
            }
            guard let mapping = node.mapping else {
                diagnostics.append(.error(locate(node.mark, file: file, lineOffset: lineOffset, fallback: origin), "\(what) must be a mapping of `key: value` lines", id: "yaml.not-mapping"))
                return nil
            }
            return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, origin: origin, area: area)
        } catch let error as YamlError {
            diagnostics += YAMLProblem.diagnostics(for: error, text: text, file: file, lineOffset: lineOffset, fallback: origin, what: what)
            return nil
        } catch {
            diagnostics.append(.error(origin, "\(what) could not be read: \(error)", id: "yaml.syntax"))
            return nil
        }
    }

    init(file: String, lineOffset: Int, mapping: Node.Mapping, origin: SourceLocation, area: String) {
        self.file = file
        self.lineOffset = lineOffset
        self.mapping = mapping
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            if case .scalar(let scalar) = key, values[scalar.string] == nil { values[scalar.string] = value }
        }
        self.values = values
        self.origin = origin
        self.area = area
    }

    /// `frontmatter.missing-field` and its kind.
    func id(_ problem: String) -> String { "\(area).\(problem)" }

    func location(of node: Node?) -> SourceLocation {
        Self.locate(node?.mark, file: file, lineOffset: lineOffset, fallback: origin)
    }

    /// Where `key:` is written, or the mapping's start when it is absent.
    func location(ofKey key: String) -> SourceLocation {
        let keyNode = mapping.first { $0.key.string == key }?.key
        return location(of: keyNode ?? .mapping(mapping))
    }

    func node(_ key: String) -> Node? { values[key] }

    var keys: [(String, SourceLocation)] {
        mapping.compactMap { pair in pair.key.string.map { ($0, location(of: pair.key)) } }
    }

    mutating func child(_ node: Node) -> YAMLFields? {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(location(of: node), "expected a mapping of `key: value` lines", id: id("bad-value")))
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, origin: location(of: node), area: area)
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func merge(_ other: YAMLFields) { diagnostics += other.diagnostics }

    mutating func string(_ key: String, required: Bool, in what: String) -> String? {
        guard let node = node(key) else {
            if required { diagnostics.append(.error(origin, "\(what) is missing required field `\(key)`", id: id("missing-field"))) }
            return nil
        }
        guard let value = node.scalar?.string, !value.trimmingWhitespace().isEmpty else {
            diagnostics.append(.error(location(of: node), "`\(key)` must be a non-empty text value", id: id("bad-value")))
            return nil
        }
        return value
    }

    /// A time limit in seconds: positive and at most an hour (`CourseConfig.isValidTimeout`).
    mutating func timeout(_ key: String) -> Double? {
        guard let node = node(key) else { return nil }
        guard let value = node.float, value.isFinite, CourseConfig.isValidTimeout(value) else {
            diagnostics.append(.error(location(of: node), TimeLimit.message("`\(key)`", written: node.scalar?.string ?? ""), id: TimeLimit.id))
            return nil
        }
        return value
    }

    mutating func integer(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int, value > 0 else {
            diagnostics.append(.error(location(of: node), "`\(key)` must be a positive whole number", id: id("bad-value")))
            return nil
        }
        return value
    }

    /// A list of texts; a single text is accepted as a list of one.
    mutating func strings(_ key: String) -> [(String, SourceLocation)] {
        guard let node = node(key) else { return [] }
        if let single = node.scalar?.string, !single.isEmpty { return [(single, location(of: node))] }
        if case .scalar = node { return [] }
        guard let sequence = node.sequence else {
            diagnostics.append(.error(location(of: node), "`\(key)` must be a list", id: id("bad-value")))
            return []
        }
        var values: [(String, SourceLocation)] = []
        for item in sequence {
            if let value = item.scalar?.string {
                values.append((value, location(of: item)))
            } else {
                diagnostics.append(.error(location(of: item), "each entry of `\(key)` must be a text value", id: id("bad-value")))
            }
        }
        return values
    }

    static func locate(_ mark: Mark?, file: String, lineOffset: Int, fallback: SourceLocation) -> SourceLocation {
        guard let mark else { return fallback }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }
}
