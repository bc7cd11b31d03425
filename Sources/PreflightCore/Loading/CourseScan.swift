import Foundation

/// What a course is before any lesson is read: `course.yaml`, and the lesson files its section
/// folders hold, in course order, with every problem of the folders' names and layout. Cheap (one
/// YAML file and a directory listing per section), so every command does it every time; the
/// lessons themselves are read by `CourseLoader` or served by `CourseIndex`.
struct CourseScan: Sendable {
    struct LessonFile: Sendable {
        var url: URL
        /// Relative to the course folder (`01-basics/01-first.md`): the file's name in the index.
        var path: String
        var sectionID: String
        /// Position of its section in `config.sections`.
        var section: Int
    }

    var root: URL
    var configPath: String
    /// The bytes of course.yaml, when it could be read.
    var configBytes: [UInt8]?
    /// Nil when course.yaml cannot be used.
    var config: CourseConfig?
    var configDiagnostics: [Diagnostic]
    var configAllowances: [LintAllowance]
    var folderDiagnostics: [Diagnostic] = []
    /// Per section of `config.sections`: its missing-folder warning, or its files' naming problems.
    var sectionDiagnostics: [[Diagnostic]] = []
    var files: [LessonFile] = []
    /// Markdown files in section folders refused for their extension (`.markdown`, `.MD`): not
    /// read, but learners' commands list them where they stand.
    var refused: [LessonFile] = []

    static func read(_ root: URL, displayPath: (URL) -> String) -> CourseScan {
        let configURL = root.appendingPathComponent("course.yaml")
        let configPath = displayPath(configURL)
        let origin = SourceLocation(file: configPath, line: 1, column: 1)
        guard let data = try? Data(contentsOf: configURL), let text = String(data: data, encoding: .utf8) else {
            let exists = FileManager.default.fileExists(atPath: configURL.path)
            let problem = exists
                ? Diagnostic.error(origin, "course.yaml cannot be read as UTF-8 text", id: "file.not-utf8")
                : Diagnostic.error(origin, "course.yaml is missing", id: "course.missing-file")
            return CourseScan(root: root, configPath: configPath, configBytes: nil, config: nil, configDiagnostics: [problem], configAllowances: [])
        }
        let allowances = LintAllowance.scan(yaml: text, file: configPath)
        let (config, configDiagnostics) = CourseConfigReader.read(text, file: configPath)
        var scan = CourseScan(
            root: root, configPath: configPath, configBytes: [UInt8](data), config: config,
            configDiagnostics: configDiagnostics, configAllowances: allowances)
        guard let config else { return scan }
        let sectionsKey = config.sections.first?.location ?? origin
        let folders = sectionFolders(root, config: config, displayPath: displayPath, sectionsKey: sectionsKey, diagnostics: &scan.folderDiagnostics)
        for (index, section) in config.sections.enumerated() {
            var found: [Diagnostic] = []
            if let folder = folders[section.id] {
                let folderName = folder.lastPathComponent
                var refused: [URL] = []
                for file in lessonFiles(in: folder, displayPath: displayPath, diagnostics: &found, refused: &refused) {
                    scan.files.append(LessonFile(url: file, path: "\(folderName)/\(file.lastPathComponent)", sectionID: section.id, section: index))
                }
                scan.refused += refused.map { LessonFile(url: $0, path: "\(folderName)/\($0.lastPathComponent)", sectionID: section.id, section: index) }
            } else {
                found.append(.warning(section.location, "section `\(section.id)` has no folder of lessons (expected `NN-\(section.id)/` beside course.yaml)", id: "structure.empty-section"))
            }
            scan.sectionDiagnostics.append(found)
        }
        return scan
    }

    /// Every file read or refused as a lesson, in course order (a section's lessons, then the
    /// files it refused for their extension), with what reading each found: `ids[i]` is the
    /// lesson id (or the salvaged `id:` line) of `files[i]`, `loaded[i]` whether it became a lesson.
    func lessonFileList(ids: [String?], loaded: [Bool], displayPath: (URL) -> String) -> [CourseLoadResult.LessonFile] {
        var list: [CourseLoadResult.LessonFile] = []
        var next = 0
        for section in config?.sections.indices ?? 0..<0 {
            while next < files.count, files[next].section == section {
                list.append(.init(file: displayPath(files[next].url), sectionID: files[next].sectionID, lessonID: ids[next], loaded: loaded[next]))
                next += 1
            }
            list += refused.filter { $0.section == section }.map { .init(file: displayPath($0.url), sectionID: $0.sectionID, lessonID: nil, loaded: false) }
        }
        return list
    }

    /// Every diagnostic of the course in the order the loader has always reported them:
    /// course.yaml, the folders, then each section's own and its lessons' (`perFile`, parallel to
    /// `files`), then the rules across lessons.
    func diagnostics(perFile: [[Diagnostic]], rules: [Diagnostic]) -> [Diagnostic] {
        var all = configDiagnostics + folderDiagnostics
        var next = 0
        for (section, found) in sectionDiagnostics.enumerated() {
            all += found
            while next < files.count, files[next].section == section {
                all += perFile[next]
                next += 1
            }
        }
        return all + rules
    }

    private static func sectionFolders(_ root: URL, config: CourseConfig, displayPath: (URL) -> String, sectionsKey: SourceLocation, diagnostics: inout [Diagnostic]) -> [String: URL] {
        let known = Set(config.sections.map(\.id))
        var folders: [String: URL] = [:]
        for entry in FolderListing.entries(root) {
            let name = entry.name
            let at = SourceLocation(file: displayPath(entry.url), line: 1, column: 1)
            if !entry.isDirectory {
                if CourseLoader.isMarkdown(name: name) && !isReadme(name) {
                    diagnostics.append(.error(at, "lesson file is outside any section folder; move it into a folder named `NN-<section-id>/`", id: "structure.loose-lesson"))
                }
                continue
            }
            guard let (_, id) = CourseLoader.numbered(name) else {
                if !markdownFiles(in: entry.url).isEmpty {
                    diagnostics.append(.error(at, "folder `\(name)` holds lessons but is not named `NN-<section-id>`", id: "structure.folder-name"))
                }
                continue
            }
            guard known.contains(id) else {
                diagnostics.append(.error(sectionsKey, "section folder `\(name)` is not in course.yaml's `sections`; add a section with id `\(id)` or rename the folder", id: "structure.unknown-section-folder"))
                continue
            }
            if let other = folders[id] {
                diagnostics.append(.error(at, "two folders for section `\(id)`: `\(other.lastPathComponent)` and `\(name)`", id: "structure.duplicate-section-folder"))
                continue
            }
            folders[id] = entry.url
        }
        diagnostics += sectionOrder(config.sections, folders: folders)
        return folders
    }

    /// The course follows course.yaml's order; folder numbers that say otherwise mislead whoever
    /// browses the folder.
    private static func sectionOrder(_ sections: [SectionConfig], folders: [String: URL]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var previous: (section: SectionConfig, folder: String, number: Int)?
        for section in sections {
            guard let folder = folders[section.id]?.lastPathComponent, let (number, _) = CourseLoader.numbered(folder) else { continue }
            if let previous, number <= previous.number {
                diagnostics.append(.warning(
                    section.location,
                    "section `\(section.id)` comes after `\(previous.section.id)` in course.yaml, but its folder `\(folder)` is not numbered after `\(previous.folder)`; the course follows course.yaml, so renumber the folders to match",
                    id: "structure.section-order"))
            }
            previous = (section, folder, number)
        }
        return diagnostics
    }

    /// The folder's lesson files in order; Markdown files refused for their extension go to `refused`.
    private static func lessonFiles(in folder: URL, displayPath: (URL) -> String, diagnostics: inout [Diagnostic], refused: inout [URL]) -> [URL] {
        var files: [(url: URL, number: Int?)] = []
        for entry in markdownFiles(in: folder) where !isReadme(entry.name) {
            guard entry.url.pathExtension == "md" else {
                refused.append(entry.url)
                let fixed = entry.url.deletingPathExtension().appendingPathExtension("md").lastPathComponent
                diagnostics.append(.error(
                    SourceLocation(file: displayPath(entry.url), line: 1, column: 1),
                    "lesson files end in `.md` (lower case); this file is not read as a lesson until it is renamed `\(fixed)`",
                    id: "structure.markdown-extension"))
                continue
            }
            files.append((entry.url, CourseLoader.numbered(entry.url.deletingPathExtension().lastPathComponent)?.0))
        }
        for file in files where file.number == nil {
            diagnostics.append(.warning(SourceLocation(file: displayPath(file.url), line: 1, column: 1), "lesson file name should start with its position, as in `01-\(file.url.lastPathComponent)`", id: "structure.unnumbered-lesson"))
        }
        let sorted = files.sorted { a, b in
            let na = a.number ?? Int.max, nb = b.number ?? Int.max
            return na == nb ? a.url.lastPathComponent < b.url.lastPathComponent : na < nb
        }
        var firstWithNumber: [Int: URL] = [:]
        for file in sorted {
            guard let number = file.number else { continue }
            if let first = firstWithNumber[number] {
                diagnostics.append(.warning(
                    SourceLocation(file: displayPath(file.url), line: 1, column: 1),
                    "`\(file.url.lastPathComponent)` has the same number as `\(first.lastPathComponent)`, so their order is left to the alphabet; give each lesson its own number",
                    id: "structure.duplicate-lesson-number"))
            } else {
                firstWithNumber[number] = file.url
            }
        }
        return sorted.map(\.url)
    }

    private static func markdownFiles(in folder: URL) -> [FolderEntry] {
        FolderListing.entries(folder).filter { CourseLoader.isMarkdown(name: $0.name) && !$0.isDirectory }
    }

    /// `README.md` in any case; only asked of names with a Markdown extension.
    private static func isReadme(_ name: String) -> Bool {
        let base = name.lastIndex(of: ".").map { name[..<$0] } ?? name[...]
        return base.lowercased() == "readme"
    }
}
