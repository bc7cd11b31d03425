import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The JUnit XML schema CI systems read, as Surefire's report schema and Jenkins' JUnit plugin
/// define it, written as data and checked element by element the way an XSD validator would:
/// which attributes each element must and may have, of what type, and which child elements in
/// which order and how many. Also checks what the schema cannot say but Jenkins relies on: a
/// suite's counts agree with its cases. Returns every violation found; none means valid.
public enum JUnitSchema {
    enum Kind { case string, count, decimal, positive }

    struct Element {
        var required: [String: Kind]
        var optional: [String: Kind]
        /// Child elements in order, each with how often it may occur.
        var children: [(name: String, min: Int, max: Int)]
        /// Whether character data (other than white space) may appear.
        var text: Bool
    }

    static let many = Int.max

    static let elements: [String: Element] = [
        "testsuites": Element(
            required: [:],
            optional: ["name": .string, "tests": .count, "failures": .count, "errors": .count, "skipped": .count, "disabled": .count, "time": .decimal],
            children: [("testsuite", 0, many)], text: false),
        "testsuite": Element(
            required: ["name": .string, "tests": .count, "failures": .count, "errors": .count, "skipped": .count],
            optional: ["time": .decimal, "timestamp": .string, "hostname": .string, "id": .string, "package": .string, "group": .string, "file": .string],
            children: [("properties", 0, 1), ("testcase", 0, many), ("system-out", 0, 1), ("system-err", 0, 1)], text: false),
        "properties": Element(required: [:], optional: [:], children: [("property", 0, many)], text: false),
        "property": Element(required: ["name": .string, "value": .string], optional: [:], children: [], text: false),
        "testcase": Element(
            required: ["name": .string, "classname": .string, "time": .decimal],
            optional: ["file": .string, "line": .positive, "group": .string, "assertions": .count],
            children: [("skipped", 0, 1), ("error", 0, 1), ("failure", 0, 1), ("system-out", 0, 1), ("system-err", 0, 1)], text: false),
        "failure": Element(required: ["type": .string, "message": .string], optional: [:], children: [], text: true),
        "error": Element(required: ["type": .string, "message": .string], optional: [:], children: [], text: true),
        "skipped": Element(required: [:], optional: ["message": .string], children: [], text: true),
        "system-out": Element(required: [:], optional: [:], children: [], text: true),
        "system-err": Element(required: [:], optional: [:], children: [], text: true),
    ]

    public static func violations(_ xml: String) -> [String] {
        let document: XMLDocument
        do {
            document = try XMLDocument(xmlString: xml)
        } catch {
            return ["not well-formed XML: \(error)"]
        }
        guard let root = document.rootElement() else { return ["no root element"] }
        guard root.name == "testsuites" || root.name == "testsuite" else { return ["root is <\(root.name ?? "")>, not <testsuites> or <testsuite>"] }
        var problems: [String] = []
        check(root, path: root.name ?? "", problems: &problems)
        return problems
    }

    static func check(_ element: XMLElement, path: String, problems: inout [String]) {
        let name = element.name ?? ""
        guard let rule = elements[name] else {
            problems.append("\(path): <\(name)> is not in the schema")
            return
        }
        var attributes: [String: String] = [:]
        for attribute in element.attributes ?? [] { attributes[attribute.name ?? ""] = attribute.stringValue ?? "" }
        for (attribute, kind) in rule.required where attributes[attribute] == nil {
            problems.append("\(path): required attribute `\(attribute)` (\(kind)) is missing")
        }
        for (attribute, value) in attributes {
            guard let kind = rule.required[attribute] ?? rule.optional[attribute] else {
                problems.append("\(path): attribute `\(attribute)` is not allowed on <\(name)>")
                continue
            }
            if !valid(value, kind) { problems.append("\(path): `\(attribute)=\"\(value)\"` is not a \(kind)") }
        }
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        if !rule.text {
            let text = (element.children ?? []).filter { $0.kind == .text }.compactMap(\.stringValue).joined()
            if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("\(path): text is not allowed in <\(name)>") }
        }
        // The children must follow the content model's sequence.
        var index = 0
        for (childName, minimum, maximum) in rule.children {
            var count = 0
            while index < children.count, children[index].name == childName {
                count += 1
                index += 1
            }
            if count < minimum { problems.append("\(path): needs at least \(minimum) <\(childName)>") }
            if count > maximum { problems.append("\(path): at most \(maximum) <\(childName)>, found \(count)") }
        }
        if index < children.count {
            problems.append("\(path): <\(children[index].name ?? "")> is not allowed here (expected, in order: \(rule.children.map(\.name).joined(separator: ", ")))")
        }
        for (number, child) in children.enumerated() {
            check(child, path: "\(path)/\(child.name ?? "")[\(number + 1)]", problems: &problems)
        }
        if name == "testsuite" {
            let cases = children.filter { $0.name == "testcase" }
            func count(_ kind: String) -> Int { cases.filter { !$0.elements(forName: kind).isEmpty }.count }
            for (attribute, actual) in [("tests", cases.count), ("failures", count("failure")), ("errors", count("error")), ("skipped", count("skipped"))] {
                if let written = attributes[attribute], Int(written) != actual {
                    problems.append("\(path): \(attribute)=\"\(written)\" but it holds \(actual)")
                }
            }
        }
    }

    static func valid(_ value: String, _ kind: Kind) -> Bool {
        switch kind {
        case .string: return true
        case .count: return value.range(of: #"^[0-9]+$"#, options: .regularExpression) != nil
        case .positive: return value.range(of: #"^[1-9][0-9]*$"#, options: .regularExpression) != nil
        case .decimal: return value.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
        }
    }
}
