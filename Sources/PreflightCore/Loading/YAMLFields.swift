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
    let origin: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text` and expects a mapping at its top. Returns nil, with a diagnostic, otherwise.
    static func parse(_ text: String, file: String, lineOffset: Int, what: String, diagnostics: inout [Diagnostic]) -> YAMLFields? {
        let origin = SourceLocation(file: file, line: lineOffset + 1, column: 1)
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.append(.error(origin, "\(what) is empty"))
                return nil
            }
            guard let mapping = node.mapping else {
                diagnostics.append(.error(locate(node.mark, file: file, lineOffset: lineOffset, fallback: origin), "\(what) must be a mapping of `key: value` lines"))
                return nil
            }
            return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, origin: origin)
        } catch let error as YamlError {
            diagnostics.append(describe(error, file: file, lineOffset: lineOffset, fallback: origin, what: what))
            return nil
        } catch {
            diagnostics.append(.error(origin, "\(what) could not be read: \(error)"))
            return nil
        }
    }

    init(file: String, lineOffset: Int, mapping: Node.Mapping, origin: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.mapping = mapping
        self.origin = origin
    }

    func location(of node: Node?) -> SourceLocation {
        Self.locate(node?.mark, file: file, lineOffset: lineOffset, fallback: origin)
    }

    /// Where `key:` is written, or the mapping's start when it is absent.
    func location(ofKey key: String) -> SourceLocation {
        let keyNode = mapping.first { $0.key.string == key }?.key
        return location(of: keyNode ?? .mapping(mapping))
    }

    func node(_ key: String) -> Node? { mapping[key] }

    var keys: [(String, SourceLocation)] {
        mapping.compactMap { pair in pair.key.string.map { ($0, location(of: pair.key)) } }
    }

    mutating func child(_ node: Node) -> YAMLFields? {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(location(of: node), "expected a mapping of `key: value` lines"))
            return nil
        }
        return YAMLFields(file: file, lineOffset: lineOffset, mapping: mapping, origin: location(of: node))
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    mutating func merge(_ other: YAMLFields) { diagnostics += other.diagnostics }

    mutating func string(_ key: String, required: Bool, in what: String) -> String? {
        guard let node = node(key) else {
            if required { diagnostics.append(.error(origin, "\(what) is missing required field `\(key)`")) }
            return nil
        }
        guard let value = node.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            diagnostics.append(.error(location(of: node), "`\(key)` must be a non-empty text value"))
            return nil
        }
        return value
    }

    mutating func number(_ key: String) -> Double? {
        guard let node = node(key) else { return nil }
        guard let value = node.float, value > 0, value.isFinite else {
            diagnostics.append(.error(location(of: node), "`\(key)` must be a positive number"))
            return nil
        }
        return value
    }

    mutating func integer(_ key: String) -> Int? {
        guard let node = node(key) else { return nil }
        guard let value = node.int, value > 0 else {
            diagnostics.append(.error(location(of: node), "`\(key)` must be a positive whole number"))
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
            diagnostics.append(.error(location(of: node), "`\(key)` must be a list"))
            return []
        }
        var values: [(String, SourceLocation)] = []
        for item in sequence {
            if let value = item.scalar?.string {
                values.append((value, location(of: item)))
            } else {
                diagnostics.append(.error(location(of: item), "each entry of `\(key)` must be a text value"))
            }
        }
        return values
    }

    private static func locate(_ mark: Mark?, file: String, lineOffset: Int, fallback: SourceLocation) -> SourceLocation {
        guard let mark else { return fallback }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    private static func describe(_ error: YamlError, file: String, lineOffset: Int, fallback: SourceLocation, what: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(locate(mark, file: file, lineOffset: lineOffset, fallback: fallback), "\(what) is not valid YAML: \(problem)")
        default:
            return .error(fallback, "\(what) is not valid YAML: \(error)")
        }
    }
}
