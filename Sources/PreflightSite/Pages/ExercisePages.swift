import Foundation
import PreflightCore

/// A page per exercise: the task, hints one at a time, the starter file to download, and the
/// solution only when the export asked for it.
struct ExercisePage {
    let context: SiteContext
    let exercise: Exercise
    let starterLink: String?
    let solution: String?

    func render() -> String {
        var renderer = context.renderer(reserved: ["main", "hints", "solution", "starter"])
        var main = "<h1>Exercise: \(HTMLText.escape(exercise.title))</h1>\n"
        if let lesson = context.lesson(id: exercise.lessonID) {
            main += "<p class=\"lead\">Practises <a href=\"\(SiteContext.lessonPage(lesson.id))\">\(HTMLText.escape(lesson.title))</a>.</p>\n"
        }
        main += "<section aria-labelledby=\"starter\">\n<h2 id=\"starter\">Your file</h2>\n"
        if let starterLink {
            main += "<p>Download the starter: <a href=\"\(starterLink)\" download>\(HTMLText.escape(exercise.file))</a>. "
        } else {
            main += "<p>"
        }
        main += "In a copy of the course, <code>preflight exercise watch \(HTMLText.escape(exercise.id))</code> checks your file every time you save it.</p>\n</section>\n"
        main += "<section class=\"task\">\n" + renderer.blocks(exercise.task) + "</section>\n"
        if !exercise.hints.isEmpty {
            main += "<section aria-labelledby=\"hints\">\n<h2 id=\"hints\">Hints</h2>\n<p class=\"hint\">Open them one at a time; try again after each.</p>\n"
            for (number, hint) in exercise.hints.enumerated() {
                main += "<details class=\"hint-item\" data-hint=\"\(number + 1)\">\n<summary>Hint \(number + 1) of \(exercise.hints.count)</summary>\n<div>\n\(renderer.blocks(hint))</div>\n</details>\n"
            }
            main += "</section>\n"
        }
        if let solution {
            main += "<section aria-labelledby=\"solution\">\n<h2 id=\"solution\">Solution</h2>\n<details>\n<summary>Show the solution</summary>\n"
            main += renderer.codeBlock(info: URL(fileURLWithPath: exercise.solution).pathExtension == "py" ? "python" : "", code: solution)
            main += "</details>\n</section>\n"
        }
        return PageLayout(context: context).render(.init(
            title: "Exercise: \(exercise.title.siteText)", kind: "exercise", sectionID: context.lesson(id: exercise.lessonID)?.sectionID, main: main, hasCode: true))
    }
}

struct ExerciseIndexPage {
    let context: SiteContext

    func render() -> String {
        var main = "<h1>Exercises</h1>\n<p class=\"lead\">Small pieces of deployment-check code with the check missing or wrong. Download the starter, or work in the terminal with <code>preflight exercise watch</code>.</p>\n<ol class=\"exercise-list\">\n"
        for exercise in context.exercises {
            main += "<li><a href=\"\(SiteContext.exercisePage(exercise))\">\(HTMLText.escape(exercise.title))</a>"
            if let lesson = context.lesson(id: exercise.lessonID) { main += " <span class=\"muted\">· \(HTMLText.escape(lesson.title))</span>" }
            main += "</li>\n"
        }
        main += "</ol>\n"
        return PageLayout(context: context).render(.init(title: "Exercises", kind: "exercises", main: main))
    }
}
