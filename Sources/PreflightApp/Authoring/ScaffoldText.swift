import PreflightCore

/// The text of the scaffolds. Comments (`<!-- -->` in Markdown, `#` in YAML and Python) say what
/// goes where; learners never see them. Everything here lints clean, and every example and check
/// works as written, so an author starts from green and changes one thing at a time.
enum ScaffoldText {
    /// A YAML double-quoted scalar: safe whatever the title holds (`: `, `#`, quotes).
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A heading's text with Markdown's special characters escaped, so it reads back as exactly
    /// the title (lint compares the H1 with the front matter title).
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>!&#|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    static func courseYAML(id: String, title: String) -> String {
        """
        # A Preflight course. Each section is a folder named NN-<section-id>/ beside this file, in
        # the order of `sections` below; each lesson is an NN-<slug>.md file inside it.
        # `preflight new lesson SECTION TITLE` adds a lesson, `preflight new exercise LESSON NAME`
        # an exercise; `preflight lint --strict` and `preflight check` prove the course.
        id: \(id)                     # kebab-case; names the learners' progress file, so keep it
        title: \(yamlQuoted(title))
        timeout: 10                   # seconds an example may run (above 0, at most 3600)
        exercises: ../exercises       # the practice exercises, relative to this file
        runners:                      # code-fence language -> command; {file} is the example's file
          python: python3 {file}
        environment:                  # extra variables every example sees
          PYTHONHASHSEED: "0"
        sections:
          - id: getting-started       # kebab-case; its folder is NN-getting-started/
            title: Getting Started
            summary: One sentence about the section, shown in the outline.

        """
    }

    /// How the lesson's example is written for the course's runners: Python, else `sh`, else
    /// none (a shown block, with a note to add a runner).
    enum ExampleLanguage {
        case python, sh, none

        init(_ config: CourseConfig) {
            self = config.runner(for: "python") != nil ? .python : config.runner(for: "sh") != nil ? .sh : .none
        }
    }

    /// The scaffold's predict-the-output question around `code`, which prints `FAIL  latency budget`.
    static func predictQuestion(code: String) -> String {
        """
        ### What does this print?

        \(code)

        ```output
        FAIL  latency budget
        ```

        Explanation: A predict-the-output question: learners type what the code prints,
        and `preflight check` runs it, so its answer key can never be wrong.


        """
    }

    static func lesson(id: String, title: String, config: CourseConfig) -> String {
        let language = ExampleLanguage(config)
        let example: String
        let predict: String
        switch language {
        case .python:
            example = """
                ```python
                checks = {"model file present": True, "input schema matches": True}
                for name, passed in checks.items():
                    print(("PASS" if passed else "FAIL") + "  " + name)
                ```
                """
            predict = predictQuestion(code: """
                ```python
                print("FAIL" + "  " + "latency budget")
                ```
                """)
        case .sh:
            example = """
                ```sh
                for name in "model file present" "input schema matches"; do
                  printf 'PASS  %s\\n' "$name"
                done
                ```
                """
            predict = predictQuestion(code: """
                ```sh
                printf 'FAIL  %s\\n' "latency budget"
                ```
                """)
        case .none:
            example = """
                <!-- course.yaml has no `python` or `sh` runner, so this block is only shown. Add a
                runner and a code block in its language; its output goes under Expected Output. -->

                ```text
                PASS  model file present
                PASS  input schema matches
                ```
                """
            predict = ""
        }
        let output = language == .none ? "<!-- With a runnable example above, its ```output block goes here. -->" : """
            <!-- Exactly what the example prints. After you change the example,
            `preflight check --accept` rewrites this block with the new output and shows the diff.
            Words after `output`: `ellipsis` (`...` matches any text), `whitespace`, `stderr`,
            `exit=N`. -->

            ```output
            PASS  model file present
            PASS  input schema matches
            ```
            """
        return """
            ---
            id: \(id)
            title: \(yamlQuoted(title))
            summary: "One sentence on what the learner can do after this lesson."
            minutes: 15
            # requires: [another-lesson-id]   # lessons to take first; they must come earlier
            # tags: [serving, latency]
            # former_ids: [old-id]            # after renaming `id`, the old id: learners keep their progress
            # sources:                        # where the facts come from
            #   - title: "Author, Title (year)"
            #     url: https://example.org/
            ---

            # \(markdownEscaped(title))

            <!-- Guidance in comments like this one is for you: learners never see it. Replace it,
            and the prose of each section, with the lesson. Sections without a role can be added
            with any H2; the H2s below have roles (docs/lesson-format.md lists them). -->

            Two or three sentences: what this lesson is about, and why it matters in a deployment.

            ## Syntax

            <!-- The shape of the thing in a few lines. `norun` shows code without running it. -->

            ```python norun
            result = run_checks(artifact)   # the call this lesson is about
            ```

            ## Example

            <!-- A complete, short program that shows the idea. `preflight check` runs it in a fresh
            folder with no input and compares what it prints with the block under Expected Output,
            so keep it deterministic: no clock, no unseeded randomness, no network. -->

            \(example)

            ## Expected Output

            \(output)

            ## Explanation

            <!-- Walk through the example: what each part does, and why it is written that way. -->

            The example runs each check and prints one line per check, so a failure names itself.

            ## How It Works

            <!-- What happens underneath: the mechanism the learner needs to reason about it. -->

            ## Real-World Uses

            <!-- Where this shows up in production, with concrete systems and situations. -->

            ## Data and Model Decisions

            <!-- What this means for the data and the model: choices, trade-offs, thresholds. -->

            ## Common Mistakes

            <!-- The mistakes people make, each with what it breaks and how to spot it. -->

            ## Best Practices

            <!-- What to do instead, as short rules with the reason for each. -->

            ## Verification Plan

            <!-- How to prove it works before and after deploying: checks, tests, monitors. -->

            ## Summary

            <!-- Three to five sentences or bullets the learner should remember. -->

            ## Practice

            <!-- A task for the learner. An exercise with a check lives in the exercises folder:
            `preflight new exercise \(id) NAME` makes one for this lesson. -->

            ## Interview Questions

            <!-- Each H3 is a question learners review as a flashcard (`preflight review`);
            everything under it, up to the next H3, is the model answer. -->

            ### Why should a deployment check print one line per check?

            So that a failure names the check that failed: whoever reads the log knows what to fix
            without running anything again.

            ## Quiz

            <!-- Each H3 is a question; its answer block decides its type: a [x]/[ ] list (one [x]:
            single choice, several: select all), `Answer:` alternatives separated by ` | ` (short
            answer), code with an ```output block (predict the output), or a numbered list written
            in the right order (put in order). End each with an `Explanation:` paragraph. -->

            ### Which line does the example print for a check that fails?

            - [x] A line that starts with `FAIL` and names the check
            - [ ] Nothing: only passing checks are printed
              > A silent failure is the one this lesson is about.
            - [ ] A line that starts with `PASS`

            Explanation: Every check prints one line, `PASS` or `FAIL`, then its name.

            ### How many checks does the example run?

            Answer: 2 | two

            Explanation: The example's dictionary holds two checks.

            \(predict)## References

            <!-- The sources of the lesson's facts, one per line, with links. -->

            """
    }

    static func exerciseReadme(title: String, lessonID: String, module: String) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        lesson: \(lessonID)                 # the lesson this exercise practises
        file: \(module).py                  # the file the learner edits: starter/\(module).py
        check: check.py                     # run against the learner's file; passes when it exits 0
        solution: solution/\(module).py     # the reference solution, never shown before a pass unless asked
        # timeout: 10                       # seconds the check may run; default: the course's timeout
        ---

        # \(ScaffoldText.markdownEscaped(title))

        <!-- Everything before `## Hints` is the task: the situation, then the contract the learner's
        code must keep. `preflight exercise verify` proves the starter fails and the solution
        passes. -->

        A deployment gate calls `all_passed(results)` before it promotes a model. It promoted a
        model whose schema check had failed.

        Fix `\(module).py` so that `all_passed(results)` returns `True` only when every check in
        `results` (a dictionary of check name to `True` or `False`) passed, and `False` when any
        failed or when there are no results at all.

        ## Hints

        <!-- Each H3 is one hint, revealed one at a time. Teach the concept; never paste the fix. -->

        ### Hint 1

        What should a gate say when nothing was checked?

        ### Hint 2

        Python's `all()` of an empty list is `True`.

        """
    }

    static func exerciseCode(solved: Bool) -> String {
        let body = solved
            ? "    return bool(results) and all(results.values())\n"
            : "    # The gate as found: it only looks at the first check.\n    return next(iter(results.values()), True)\n"
        return """
            \"\"\"\(solved ? "The reference solution." : "The file the learner starts from: broken in the way the lesson teaches to spot.")\"\"\"


            def all_passed(results):
                \"\"\"True when every check in `results` (name -> bool) passed and there is at least one.\"\"\"

            """ + body
    }

    static func exerciseCheck(module: String) -> String {
        """
        # The check: runs the learner's file (copied beside it as \(module).py) and prints one line
        # per case, PASS or FAIL, then a summary. It passes when it exits 0.
        import sys

        from \(module) import all_passed

        CASES = [
            ({"model file present": True, "input schema matches": True}, True),
            ({"model file present": True, "input schema matches": False}, False),
            ({}, False),
        ]

        failed = 0
        for results, expected in CASES:
            got = all_passed(results)
            ok = got is expected
            failed += not ok
            print(("PASS" if ok else "FAIL") + f"  all_passed({results}) is {expected} (got {got})")
        print(f"{len(CASES) - failed} passed, {failed} failed")
        sys.exit(1 if failed else 0)

        """
    }
}
