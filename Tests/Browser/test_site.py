#!/usr/bin/env python3
"""The exported course in a real browser: headless Chromium driven by Selenium.

Run by `make test` (after the Swift tests) as
    .venv-browser/bin/python Tests/Browser/test_site.py --binary .build/debug/preflight
Each test exports a course with the real `preflight` binary, opens it from file:// and acts as a
learner would: links and keys, answers typed and clicked, reloads, imports and exports. Screenshots
and axe-core results are saved under .build/site-artifacts/. With PREFLIGHT_UPDATE_SCREENSHOTS=1 the
two README screenshots are also written to docs/.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "Tests" / "Browser" / "fixture-course"
SHIPPED = ROOT / "lessons"
VECTORS = ROOT / "Tests" / "GradingVectors"
ARTIFACTS = ROOT / ".build" / "site-artifacts"
BINARY = Path(os.environ.get("PREFLIGHT_BINARY", ROOT / ".build" / "debug" / "preflight"))


# ------------------------------------------------------------------------------------- helpers

def preflight(*args, state=None, stdin=None, check=True):
    command = [str(BINARY), *[str(a) for a in args]]
    if state is not None:
        command += ["--state", str(state)]
    env = dict(os.environ, NO_COLOR="1")
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, env=env, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(command)} exited {result.returncode}\n{result.stdout}\n{result.stderr}")
    return result


def export(course, out, state, *extra):
    result = preflight("export", "html", out, "--course", course, *extra, state=state)
    assert "Wrote" in result.stdout, result.stdout
    return result


def make_driver(javascript=True, downloads=None, width=1200, height=900):
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")  # needed when the tests run as root
    options.add_argument("--disable-gpu")
    options.add_argument(f"--window-size={width},{height}")
    options.binary_location = "/usr/bin/chromium"
    prefs = {}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads:
        prefs.update({"download.default_directory": str(downloads), "download.prompt_for_download": False})
    if prefs:
        options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    return driver


def color_scheme(driver, scheme):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def page_errors(driver):
    """Console errors (a script that failed, a resource the CSP blocked)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def shot(driver, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text


def wait_for(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


# A quiz in the page, answered as a learner would: by clicking options by their text, typing,
# and moving items with the buttons.
class QuizPage:
    def __init__(self, driver):
        self.driver = driver

    @property
    def title(self):
        return text_of(self.driver, "#question-title")

    @property
    def kind(self):
        return self.driver.find_element(By.CSS_SELECTOR, ".question").get_attribute("data-kind")

    def option_labels(self):
        return [label.text for label in self.driver.find_elements(By.CSS_SELECTOR, ".options label")]

    def pick(self, *texts):
        for text in texts:
            labels = self.driver.find_elements(By.CSS_SELECTOR, ".options label")
            matches = [label for label in labels if label.text.split(". ", 1)[1] == text]
            assert len(matches) == 1, f"option {text!r} not among {[l.text for l in labels]}"
            matches[0].click()

    def type(self, text):
        field = self.driver.find_element(By.ID, "answer-text")
        field.clear()
        field.send_keys(text)

    def order(self, *texts):
        """Moves items with the Move up buttons until they stand in `texts` order."""
        for position, text in enumerate(texts):
            while True:
                current = [li.find_element(By.CSS_SELECTOR, ".item-text").text for li in self.driver.find_elements(By.CSS_SELECTOR, ".order-list li")]
                index = current.index(text)
                if index == position:
                    break
                self.driver.find_element(By.CSS_SELECTOR, f'button[aria-label="Move “{text}” up"]').click()

    def check(self):
        self.driver.find_element(By.CSS_SELECTOR, ".answer-form button[type=submit]").click()
        wait_for(self.driver, lambda d: d.find_elements(By.ID, "next-question"))
        return self.verdict()

    def skip(self):
        self.driver.find_element(By.CSS_SELECTOR, "button.skip").click()

    def verdict(self):
        return self.driver.find_element(By.ID, "verdict").text

    def next(self):
        self.driver.find_element(By.ID, "next-question").click()


# What the fixture's first lesson asks, and right, wrong and partly right answers for each.
FIRST_LESSON_ANSWERS = {
    "Which percentile shows the tail?": {"right": ("pick", ["p99"]), "wrong": ("pick", ["p50"]), "partial": ("pick", ["p99"])},
    "Which are health endpoints?": {"right": ("pick", ["liveness", "readiness"]), "wrong": ("pick", ["metrics"]), "partial": ("pick", ["liveness"])},
    "A canary gets all traffic at once.": {"right": ("pick", ["False"]), "wrong": ("pick", ["True"]), "partial": ("pick", ["False"])},
    "Name the statistic": {"right": ("type", "Population  Stability Index"), "wrong": ("type", "KL divergence"), "partial": ("type", "psi-score")},
    "What share is the threshold?": {"right": ("type", "0.795"), "wrong": ("type", "75%"), "partial": ("type", "80.5%")},
    "What does this print?": {"right": ("type", "6\n"), "wrong": ("type", "123"), "partial": ("type", "6")},
    "Put the rollout in order": {"right": ("order", ["shadow", "canary", "full rollout"]), "wrong": ("order", ["canary", "full rollout", "shadow"]),
                                 "partial": ("order", ["shadow", "full rollout", "canary"])},
}


def answer(quiz, how):
    action, value = how
    if action == "pick":
        quiz.pick(*value)
    elif action == "type":
        quiz.type(value)
    else:
        quiz.order(*value)


# ------------------------------------------------------------------------------------- tests

class SiteTestCase(unittest.TestCase):
    driver = None

    @classmethod
    def setUpClass(cls):
        cls.work = Path(tempfile.mkdtemp(prefix="preflight-site-"))
        cls.state = cls.work / "state.sqlite"
        cls.driver = make_driver(downloads=cls.work / "downloads")

    @classmethod
    def tearDownClass(cls):
        if cls.driver:
            cls.driver.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def open(self, site, page):
        self.driver.get((Path(site) / page).as_uri() if "?" not in page else (Path(site) / page.split("?")[0]).as_uri() + "?" + page.split("?", 1)[1])
        wait_for(self.driver, lambda d: d.execute_script("return document.readyState") == "complete")

    def clear_storage(self, site):
        self.open(site, "index.html")
        self.driver.execute_script("localStorage.clear()")

    def assertNoPageErrors(self):
        errors = page_errors(self.driver)
        self.assertEqual(errors, [], "the page logged errors")


class FixtureSiteTests(SiteTestCase):
    """The fixture course: every question type, a table, an exercise and a hostile lesson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site = cls.work / "site"
        export(FIXTURE, cls.site, cls.state)

    def setUp(self):
        self.clear_storage(self.site)

    def run_quiz(self, mode, seed=11, skip_first=False):
        """Answers every question of the first lesson in `mode`; returns {title: verdict text}."""
        self.open(self.site, f"quiz-first-lesson.html?seed={seed}")
        quiz = QuizPage(self.driver)
        verdicts = {}
        if skip_first:
            first = quiz.title
            quiz.skip()
            self.assertIn("comes back at the end", quiz.verdict())
            self.assertNotEqual(quiz.title, first)
        while self.driver.find_elements(By.ID, "question-title"):
            title = quiz.title
            answer(quiz, FIRST_LESSON_ANSWERS[title][mode])
            verdicts[title] = quiz.check()
            quiz.next()
        return verdicts

    # --- navigation

    def test_links_lead_through_the_course(self):
        self.open(self.site, "index.html")
        self.assertEqual(text_of(self.driver, "h1"), "Site Fixture Course")
        sections = [h.text for h in self.driver.find_elements(By.CSS_SELECTOR, "main section.course-section h2")]
        self.assertEqual(sections, ["Basics", "Trust"])
        self.assertIn("Every question type, an example with its output, and a table.", text_of(self.driver, "main"))
        self.driver.find_element(By.CSS_SELECTOR, "main a[data-lesson-link='first-lesson']").click()
        self.assertEqual(text_of(self.driver, "h1"), "First Lesson")
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, ".course-nav a[aria-current=page]").text.startswith("First Lesson"))
        table = self.driver.find_element(By.CSS_SELECTOR, "main table")
        self.assertEqual([th.text for th in table.find_elements(By.CSS_SELECTOR, "th")], ["Check", "Threshold", "Action"])
        self.assertEqual(table.find_elements(By.CSS_SELECTOR, "tbody tr")[1].text, "error rate 1% ticket")
        self.assertEqual(table.find_elements(By.CSS_SELECTOR, "td")[1].get_attribute("class"), "align-center")
        figure = self.driver.find_elements(By.CSS_SELECTOR, "figure.code-figure")
        self.assertEqual([f.find_element(By.TAG_NAME, "figcaption").text for f in figure], ["Example 1 (python)", "Expected output of example 1"])
        self.assertIn("Not verified by preflight check", figure[1].text, "this export had no check results")
        self.assertNotIn("Quiz answers", text_of(self.driver, "main"))
        self.assertNotIn("Because a stale example", text_of(self.driver, "main"), "interview answers stay off the lesson page")
        self.driver.find_element(By.LINK_TEXT, "link to the second lesson").click()
        self.assertEqual(text_of(self.driver, "h1"), "Second Lesson", "a link to another lesson's file leads to its page")
        self.driver.find_element(By.CSS_SELECTOR, "a[rel=prev]").click()
        self.assertEqual(text_of(self.driver, "h1"), "First Lesson")
        self.driver.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
        self.assertEqual(text_of(self.driver, "h1"), "Second Lesson")
        self.driver.find_element(By.LINK_TEXT, "Take the quiz").click()
        self.assertEqual(text_of(self.driver, "h1"), "Quiz: Second Lesson")
        self.driver.find_element(By.LINK_TEXT, "Exercises").click()
        self.driver.find_element(By.LINK_TEXT, "Add two numbers").click()
        self.assertEqual(text_of(self.driver, "h1"), "Exercise: Add two numbers")
        hints = self.driver.find_elements(By.CSS_SELECTOR, "details.hint-item")
        self.assertEqual([h.is_displayed() for h in hints], [True, False], "hints come one at a time")
        hints[0].find_element(By.TAG_NAME, "summary").click()
        # The next hint appears on the `toggle` event, which the browser fires after the click.
        wait_for(self.driver, lambda d: hints[1].is_displayed(), timeout=5)
        starter = self.driver.find_element(By.CSS_SELECTOR, "a[download]")
        self.assertEqual(starter.text, "add.py")
        self.assertTrue((self.site / "downloads" / "add" / "add.py").exists())
        self.assertNotIn("Solution", text_of(self.driver, "main"), "no solution without --with-solutions")
        self.assertNoPageErrors()

    def test_keyboard_alone_reaches_a_lesson_and_answers_questions(self):
        driver = self.driver
        self.open(self.site, "index.html")

        def press(key, times=1):
            for _ in range(times):
                ActionChains(driver).send_keys(key).perform()

        def active(script):
            return driver.execute_script("var e = document.activeElement; return " + script)

        def tab_to(script, limit=80):
            for _ in range(limit):
                press(Keys.TAB)
                if active(script):
                    return
            self.fail("Tab never reached an element where " + script)

        press(Keys.TAB)
        self.assertEqual(active("e.className"), "skip-link")
        outline = driver.execute_script("var s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
        self.assertNotEqual(outline[0], "none", "the focused skip link shows a visible focus ring")
        self.assertGreaterEqual(float(outline[1].rstrip("px")), 2)
        press(Keys.ENTER)
        self.assertEqual(active("e.id"), "main")
        tab_to("e.getAttribute('data-lesson-link') === 'first-lesson' && !!e.closest('main')")
        ring = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
        self.assertNotEqual(ring, "none")
        press(Keys.ENTER)
        wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "h1").text == "First Lesson")
        tab_to("e.textContent === 'Take the quiz'")
        press(Keys.ENTER)
        wait_for(driver, lambda d: d.find_elements(By.ID, "question-title"))
        quiz = QuizPage(driver)
        # Single choice: Tab into the radio group, arrows choose, Enter on the button checks.
        labels = [label.split(". ", 1)[1] for label in quiz.option_labels()]
        tab_to("e.type === 'radio'")
        press(Keys.ARROW_DOWN, labels.index("p99"))
        if labels.index("p99") == 0:
            press(Keys.SPACE)
        tab_to("e.type === 'submit'")
        press(Keys.ENTER)
        wait_for(driver, lambda d: "Right." in quiz.verdict())
        self.assertEqual(active("e.id"), "next-question", "focus moves to the next step")
        press(Keys.ENTER)
        self.assertEqual(active("e.id"), "question-title")
        # Select all: Space toggles each checkbox.
        labels = [label.split(". ", 1)[1] for label in quiz.option_labels()]
        for wanted in ("liveness", "readiness"):
            tab_to(f"e.type === 'checkbox' && e.id === 'option-{labels.index(wanted)}'")
            press(Keys.SPACE)
        tab_to("e.type === 'submit'")
        press(Keys.ENTER)
        wait_for(driver, lambda d: "Right." in quiz.verdict())
        press(Keys.ENTER)
        # Skip the rest with the keyboard until the ordering question, then order it by keys.
        while quiz.kind != "ordering":
            tab_to("e.classList.contains('skip')")
            press(Keys.ENTER)
        items = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".order-list .item-text")]
        target = ["shadow", "canary", "full rollout"]
        for position, text in enumerate(target):
            current = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".order-list .item-text")]
            moves = current.index(text) - position
            if moves > 0:
                tab_to(f"e.getAttribute('aria-label') === 'Move “{text}” up'")
                press(Keys.ENTER, moves)
                self.assertIn(f"“{text}” moved to position {position + 1}", quiz.verdict())
        self.assertEqual([e.text for e in driver.find_elements(By.CSS_SELECTOR, ".order-list .item-text")], target, f"started from {items}")
        tab_to("e.type === 'submit'")
        press(Keys.ENTER)
        wait_for(driver, lambda d: "Right." in quiz.verdict())
        press(Keys.ENTER)
        self.assertIn("Back to the questions you skipped.", text_of(driver, ".question"))
        shot(driver, "keyboard-quiz")
        self.assertNoPageErrors()

    # --- grading in the page

    def test_every_question_type_answered_right(self):
        verdicts = self.run_quiz("right")
        self.assertEqual(len(verdicts), 7)
        for title, verdict in verdicts.items():
            self.assertTrue(verdict.startswith("✓ Right."), f"{title}: {verdict}")
            self.assertIn("Score for this question: 1 of 1.", verdict)
        self.assertIn("The 99th percentile describes the slowest 1% of requests.", verdicts["Which percentile shows the tail?"])
        self.assertEqual(text_of(self.driver, "#quiz-score"), "Score: 7 of 7 (100%)")
        shot(self.driver, "quiz-all-right")

    def test_every_question_type_answered_wrong(self):
        verdicts = self.run_quiz("wrong")
        for title, verdict in verdicts.items():
            self.assertTrue(verdict.startswith("✗ Not quite."), f"{title}: {verdict}")
            self.assertIn("Score for this question: 0 of 1.", verdict)
        self.assertIn("The median hides the slowest requests.", verdicts["Which percentile shows the tail?"], "feedback on the picked option")
        self.assertIn("Right answer: ", verdicts["Which percentile shows the tail?"])
        self.assertIn("(p99)", verdicts["Which percentile shows the tail?"])
        self.assertIn("Metrics are scraped, not probed.", verdicts["Which are health endpoints?"])
        self.assertIn("Right answer: PSI\n", verdicts["Name the statistic"], "the first plain alternative")
        self.assertIn("Right answer: 80% ± 1%", verdicts["What share is the threshold?"])
        self.assertIn("Right answer: 6\n", verdicts["What does this print?"])
        self.assertIn("Right answer: shadow → canary → full rollout", verdicts["Put the rollout in order"])
        self.assertEqual(text_of(self.driver, "#quiz-score"), "Score: 0 of 7 (0%)")
        misses = self.driver.find_elements(By.CSS_SELECTOR, ".misses > li")
        self.assertEqual(len(misses), 7)
        self.assertIn("Your answer: KL divergence", [m.text for m in misses if "Name the statistic" in m.text][0])

    def test_partly_right_answers_earn_partial_credit(self):
        verdicts = self.run_quiz("partial", skip_first=True)
        self.assertIn("Partly right: 50% credit, counted in your score.", verdicts["Which are health endpoints?"])
        self.assertIn("Score for this question: 0.5 of 1.", verdicts["Which are health endpoints?"])
        self.assertIn("Partly right: 33% credit, counted in your score.", verdicts["Put the rollout in order"])
        self.assertIn("Score for this question: 0.3 of 1.", verdicts["Put the rollout in order"])
        for title in ("Which percentile shows the tail?", "Name the statistic", "What share is the threshold?", "What does this print?"):
            self.assertTrue(verdicts[title].startswith("✓ Right."), f"{title}: {verdicts[title]}")
        self.assertEqual(list(verdicts)[-1], "Which percentile shows the tail?", "the skipped question came back last")
        self.assertEqual(text_of(self.driver, "#quiz-score"), "Score: 5.8 of 7 (83%)")
        stored = self.driver.execute_script("return JSON.parse(localStorage.getItem('preflight-progress:site-fixture'))")
        scores = {k: v["score"] for k, v in stored["questions"].items()}
        self.assertEqual(len(scores), 7)
        self.assertTrue(all(k.startswith("first-lesson/q-") and len(k) == len("first-lesson/q-") + 8 for k in scores), scores)
        self.assertAlmostEqual(sorted(scores.values())[0], 1 / 3)

    def test_the_seed_shows_options_in_the_order_the_terminal_does(self):
        state = self.work / "seed.sqlite"
        answers = "\n".join(["A", "A", "A", "skip", "skip", "skip", "A,B,C"]) + "\n"
        report = json.loads(preflight("quiz", "first-lesson", "--seed", "4242", "--answers", "-", "--json", "--course", FIXTURE, state=state, stdin=answers).stdout)
        self.open(self.site, "quiz-first-lesson.html?seed=4242")
        quiz = QuizPage(self.driver)
        for entry in report["questions"]:
            self.assertEqual(quiz.title, entry["title"])
            if entry["type"] in ("single-choice", "select-all", "true-false"):
                first = entry["given"].split(" (", 1)[1][:-1]
                self.assertEqual(quiz.option_labels()[0], "A. " + first, entry["title"])
            if entry["type"] == "ordering":
                shown = [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".order-list .item-text")]
                self.assertEqual(" → ".join(shown), entry["given"])
            quiz.skip()

    def test_a_wrong_prediction_shows_the_difference_the_terminal_shows(self):
        state = self.work / "diff.sqlite"
        predictions = ["123", "5\n6\n7", "<b>5</b>\n<img src=x onerror=\"window.__pwned='diff'\">",
                       "\n".join(str(n) for n in range(1, 12))]
        for prediction in predictions:
            sheet = "skip\n" * 5 + prediction + "\n.\nskip\n"
            report = json.loads(preflight("quiz", "first-lesson", "--answers", "-", "--json", "--course", FIXTURE, state=state, stdin=sheet).stdout)
            entry = report["questions"][5]
            self.assertEqual(entry["title"], "What does this print?")
            terminal = entry["diff"].split("\n")[2:]  # the hunks, without the two file lines
            self.assertTrue(terminal[0].startswith("@@ "), entry["diff"])
            self.open(self.site, "quiz-first-lesson.html?seed=3")
            quiz = QuizPage(self.driver)
            while quiz.kind != "predict-output":
                quiz.skip()
            quiz.type(prediction)
            self.assertIn("Difference (- expected, + yours):", quiz.check())
            block = self.driver.find_element(By.CSS_SELECTOR, "#verdict pre.diff")
            self.assertEqual(block.get_attribute("textContent").split("\n"), terminal, f"prediction {prediction!r}")
            self.assertEqual([e.text for e in block.find_elements(By.CSS_SELECTOR, ".diff-expected")], ["-6"] if "6" not in prediction.split("\n") else [])
            self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "#verdict b, #verdict img"), "the prediction is shown as text")
        # The summary repeats it under the miss.
        quiz.next()
        while not self.driver.find_elements(By.ID, "quiz-score"):
            if self.driver.find_elements(By.ID, "next-question"):
                quiz.next()
            else:
                quiz.skip()
        miss = [li for li in self.driver.find_elements(By.CSS_SELECTOR, ".misses > li") if "What does this print?" in li.text][0]
        self.assertEqual(miss.find_element(By.CSS_SELECTOR, "pre.diff").get_attribute("textContent").split("\n"), terminal)
        self.assertInert("the quiz summary")
        self.assertNoPageErrors()

    def test_grading_vectors_get_the_same_verdict_in_the_page(self):
        files = sorted(VECTORS.glob("*.json"))
        self.assertIn("vectors.json", [file.name for file in files], "the vectors the Swift grader runs")
        total = 0
        mismatches = []
        for file in files:
            course = self.work / f"course-{file.stem}"
            site = self.work / f"site-{file.stem}"
            vectors = json.loads(file.read_text())
            write_vector_course(course, vectors)
            export(course, site, self.work / "vectors.sqlite")
            for number, vector in enumerate(vectors):
                lesson_id = f"v{number}"
                self.open(site, f"quiz-{lesson_id}.html")
                results = self.driver.execute_script("""
                    var questions = window.PreflightQuizzes[arguments[0]];
                    return arguments[1].map(function (c) {
                      var q = questions.find(function (x) { return x.title === c.question; });
                      if (!q) return {error: 'no question'};
                      var size = q.options ? q.options.length : (q.items ? q.items.length : 0);
                      var order = PreflightGrader.identity(size);
                      var parsed = PreflightGrader.parse(c.response, q, order);
                      if (parsed.error) return {error: parsed.error};
                      var graded = PreflightGrader.grade(q, parsed.response, order);
                      return {correct: graded.correct, score: graded.score};
                    });""", lesson_id, vector["cases"])
                for case, result in zip(vector["cases"], results):
                    total += 1
                    if result.get("error") or result["correct"] != case["correct"] or abs(result["score"] - case["score"]) > 1e-9:
                        mismatches.append(f"{file.name}: {case['question']!r} answered {case['response']!r}: expected {case['correct']}/{case['score']}, page gave {result}")
        self.assertGreater(total, 0)
        self.assertEqual(mismatches, [], "\n".join(mismatches))

    # --- progress

    def test_progress_survives_a_reload_and_reset_erases_it(self):
        self.run_quiz("right")
        self.open(self.site, "lesson-first-lesson.html")
        self.driver.find_element(By.ID, "mark-done").click()
        self.assertEqual(self.driver.find_element(By.ID, "mark-done").get_attribute("aria-pressed"), "true")
        self.assertEqual(text_of(self.driver, "#mark-status"), "Marked done.")
        self.driver.refresh()
        self.assertEqual(self.driver.find_element(By.ID, "mark-done").get_attribute("aria-pressed"), "true")
        self.assertIn("(done)", self.driver.find_element(By.CSS_SELECTOR, ".course-nav a[data-lesson-link='first-lesson']").get_attribute("textContent"))
        self.open(self.site, "flashcards.html")
        card = self.driver.find_element(By.CSS_SELECTOR, "[data-card^='first-lesson/iq-']")
        card.find_element(By.TAG_NAME, "summary").click()
        self.assertIn("Because a stale example teaches the wrong thing.", card.text)
        card.find_element(By.CSS_SELECTOR, "[data-rating=good]").click()
        self.open(self.site, "index.html")
        self.driver.refresh()
        status = text_of(self.driver, "main [data-status-for='first-lesson']")
        self.assertIn("done", status)
        self.assertIn("last quiz 7 of 7", status)
        summary = text_of(self.driver, "#progress-summary")
        self.assertIn("1 of 3 lessons done", summary)
        self.assertIn("7 questions answered (7 right)", summary)
        self.assertIn("1 flashcard marked good", summary)
        self.assertEqual(text_of(self.driver, "#continue-link"), "Continue: Second Lesson")
        shot(self.driver, "home-with-progress")
        self.driver.find_element(By.ID, "reset-progress").click()
        self.assertEqual(self.driver.execute_script("return document.activeElement.id"), "reset-cancel", "the safe choice has the focus")
        self.driver.find_element(By.ID, "reset-confirm").click()
        self.assertIn("Progress erased.", text_of(self.driver, "#progress-summary"))
        self.assertIn("0 of 3 lessons done", text_of(self.driver, "#progress-summary"))
        self.driver.refresh()
        self.assertEqual(text_of(self.driver, "main [data-status-for='first-lesson']"), "")
        self.assertIsNone(self.driver.execute_script("return localStorage.getItem('preflight-progress:site-fixture')"))

    def test_progress_moves_between_the_terminal_and_the_browser(self):
        state = self.work / "transfer.sqlite"
        if state.exists():
            state.unlink()
        # Browser → terminal: mark a lesson, answer a question, rate a card, export.
        self.open(self.site, "lesson-first-lesson.html")
        self.driver.find_element(By.ID, "mark-done").click()
        self.open(self.site, "quiz-second-lesson.html?seed=3")
        quiz = QuizPage(self.driver)
        quiz.pick("False")
        self.assertIn("Right.", quiz.check())
        self.open(self.site, "flashcards.html")
        self.driver.find_element(By.CSS_SELECTOR, "[data-card^='first-lesson/iq-'] [data-rating=again]").click()
        self.open(self.site, "index.html")
        downloads = self.work / "downloads"
        for old in downloads.glob("*"):
            old.unlink()
        self.driver.find_element(By.ID, "export-progress").click()
        exported = downloads / "preflight-progress-site-fixture.json"
        wait_for(self.driver, lambda d: exported.exists() and exported.stat().st_size > 0)
        data = json.loads(exported.read_text())
        self.assertEqual(data["format"], "preflight-progress")
        self.assertEqual(data["lessons"]["first-lesson"]["status"], "done")
        result = preflight("import", "progress", exported, "--course", FIXTURE, state=state)
        self.assertIn("Imported 1 lesson, 1 answer and 1 flashcard rating.", result.stdout)
        again = preflight("import", "progress", exported, "--course", FIXTURE, state=state)
        self.assertIn("Imported 0 lessons, 0 answers and 0 flashcard ratings.", again.stdout, "importing twice adds nothing")
        listed = json.loads(preflight("list", "--json", "--course", FIXTURE, state=state).stdout)
        statuses = {lesson["id"]: lesson["status"] for section in listed["sections"] for lesson in section["lessons"]}
        self.assertEqual(statuses["first-lesson"], "done")
        text = preflight("progress", "--course", FIXTURE, state=state).stdout
        self.assertIn("1 of 3 lessons done", text)
        basics = next(line for line in text.splitlines() if " Basics " in line)
        self.assertIn("quiz 1/1 (100%)", basics, "the imported answer counts in its section's standing:\n" + text)
        # Terminal → browser: answer in the terminal, export, import into a fresh browser store.
        preflight("quiz", "first-lesson", "--answers", "-", "--course", FIXTURE, stdin="B\nA,B\nFalse\npsi\n0.8\n6\n.\nA,B,C\n", state=state)
        out = self.work / "from-terminal.json"
        preflight("export", "progress", "--output", out, "--course", FIXTURE, state=state)
        self.open(self.site, "index.html")
        self.driver.execute_script("localStorage.clear()")
        self.driver.refresh()
        self.driver.find_element(By.ID, "import-progress").send_keys(str(out))
        wait_for(self.driver, lambda d: "Imported" in d.find_element(By.ID, "progress-summary").text)
        self.assertIn("Imported 1 lesson, 8 answers and 1 flashcard rating.", text_of(self.driver, "#progress-summary"))
        self.driver.refresh()
        self.assertIn("done", text_of(self.driver, "main [data-status-for='first-lesson']"))
        self.assertIn("quiz 7 of 7 right", text_of(self.driver, "main [data-status-for='first-lesson']"))
        self.assertIn("quiz 1 of 1 right", text_of(self.driver, "main [data-status-for='second-lesson']"))
        wrong = self.work / "other-course.json"
        wrong.write_text(json.dumps({"format": "preflight-progress", "version": 1, "course": "another", "lessons": {}}))
        self.driver.find_element(By.ID, "import-progress").send_keys(str(wrong))
        wait_for(self.driver, lambda d: "another" in d.find_element(By.ID, "progress-summary").text)
        self.assertIn("Nothing was changed.", text_of(self.driver, "#progress-summary"))

    # --- safety

    def assertInert(self, page):
        self.assertIsNone(self.driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"), f"lesson text ran as script on {page}")
        counts = self.driver.execute_script("""return [
            document.querySelectorAll('script:not([src])').length,
            document.querySelectorAll('[onerror], [onclick], [onmouseover], [onload]').length,
            document.querySelectorAll('a[href^="javascript:" i], a[href^="data:" i], a[href*="script:" i]').length,
            Array.from(document.querySelectorAll('script[src]')).filter(function (s) { return !/^(assets|data)\\//.test(s.getAttribute('src')); }).length]""")
        self.assertEqual(counts, [0, 0, 0, 0], f"markup from the lesson reached {page}")

    def test_hostile_lesson_text_is_shown_as_text(self):
        self.open(self.site, "lesson-hostile-lesson.html")
        main = text_of(self.driver, "main")
        self.assertIn("<script>window.__pwned = 'block'</script>", main)
        self.assertIn("<img src=\"x\" onerror=\"window.__pwned='img'\">", main)
        self.assertIn("javascript link (javascript:window.__pwned='link')", main)
        self.assertIn("data link (data:text/html,", main)
        self.assertIn("</code></pre><script>window.__pwned='code'</script>", main)
        self.assertEqual(self.driver.find_element(By.LINK_TEXT, "web link").get_attribute("href"), "https://example.org/")
        self.assertNotIn("A source whose link is script", [a.text for a in self.driver.find_elements(By.TAG_NAME, "a")])
        self.assertIn("A source whose link is script (javascript:window.__pwned='source')", main)
        self.assertIn("Hostile Lesson <script>", self.driver.title)
        for element in self.driver.find_elements(By.CSS_SELECTOR, "main img, main b, main em"):
            self.fail(f"lesson markup became an element: {element.get_attribute('outerHTML')}")
        self.assertInert("the lesson page")
        for link in self.driver.find_elements(By.CSS_SELECTOR, ".inert-link"):
            ActionChains(self.driver).move_to_element(link).click(link).perform()
        self.assertInert("the lesson page after clicking its inert links")
        shot(self.driver, "hostile-lesson")
        self.open(self.site, "quiz-hostile-lesson.html?seed=1")
        quiz = QuizPage(self.driver)
        self.assertIn("<img src=x onerror=", quiz.title)
        quiz.pick("<img src=x onerror=\"window.__pwned='option'\">")
        verdict = quiz.check()
        # Feedback and explanations are plain text (the tags are dropped, as in the terminal).
        self.assertIn("Feedback window.__pwned='feedback'", verdict)
        self.assertIn("window.__pwned='explanation' stays text.", verdict)
        quiz.next()
        quiz.type("<b>")
        self.assertIn("Right.", quiz.check())
        quiz.next()
        self.assertInert("the quiz page")
        self.open(self.site, "flashcards.html")
        for summary in self.driver.find_elements(By.CSS_SELECTOR, "[data-card^='hostile-lesson'] summary"):
            summary.click()
        self.assertIn("<img src=x onerror=", text_of(self.driver, "[data-card^='hostile-lesson']"))
        self.assertInert("the flashcards page")
        for page in ("index.html", "search.html?q=pwned", "exam.html?seed=9"):
            self.open(self.site, page)
            self.assertInert(page)
        self.assertIn("Hostile Lesson <script>", self.driver.find_element(By.CSS_SELECTOR, ".course-nav").text)

    def test_allowed_html_still_cannot_run_script(self):
        course = self.work / "allow-course"
        shutil.copytree(FIXTURE, course, dirs_exist_ok=True)
        yaml = course / "course.yaml"
        yaml.write_text(yaml.read_text().replace("timeout: 5\n", "timeout: 5\nhtml: allow\n"))
        site = self.work / "allow-site"
        export(course, site, self.state)
        self.open(site, "lesson-hostile-lesson.html")
        self.assertEqual(self.driver.find_element(By.CSS_SELECTOR, "main b").text, "bold", "html: allow passes markup through")
        self.assertIsNone(self.driver.execute_script("return window.__pwned === undefined ? null : window.__pwned"),
                          "the Content-Security-Policy blocks inline script and event handlers even then")
        blocked = [m for m in page_errors(self.driver) if "Content Security Policy" in m]
        self.assertTrue(blocked, "the browser reports what the policy blocked")

    # --- without JavaScript

    def test_pages_read_without_javascript(self):
        driver = make_driver(javascript=False)
        try:
            driver.get((self.site / "quiz-first-lesson.html").as_uri())
            main = driver.find_element(By.TAG_NAME, "main").text
            self.assertIn("Grading needs JavaScript.", main)
            questions = driver.find_elements(By.CSS_SELECTOR, ".static-question h2")
            self.assertEqual(len(questions), 7)
            self.assertIn("Which percentile shows the tail?", main)
            self.assertIn("print(sum([1, 2, 3]))", main)
            order = [li.text for li in driver.find_elements(By.CSS_SELECTOR, ".static-question")[-1].find_elements(By.CSS_SELECTOR, "li")]
            self.assertEqual(sorted(order), ["canary", "full rollout", "shadow"])
            self.assertNotEqual(order, ["shadow", "canary", "full rollout"], "the static list does not give the order away")
            self.assertFalse(driver.find_elements(By.CSS_SELECTOR, ".answer-form"))
            driver.get((self.site / "lesson-first-lesson.html").as_uri())
            self.assertIn("print(\"hello\")", driver.find_element(By.TAG_NAME, "main").text)
            self.assertFalse(driver.find_element(By.ID, "mark-done").is_displayed())
            driver.get((self.site / "flashcards.html").as_uri())
            summary = driver.find_element(By.CSS_SELECTOR, "[data-card] summary")
            summary.click()
            self.assertIn("Because a stale example", driver.find_element(By.CSS_SELECTOR, "[data-card]").text)
            shot(driver, "quiz-without-javascript")
        finally:
            driver.quit()

    # --- search

    def test_search_finds_titles_headings_and_text(self):
        self.open(self.site, "index.html")
        box = self.driver.find_element(By.ID, "site-search-input")
        box.send_keys("rollbacks rehearsed")
        box.submit()
        wait_for(self.driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results li"))
        results = [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "#search-results a")]
        self.assertEqual(results, ["Second Lesson"])
        field = self.driver.find_element(By.ID, "search-query")
        field.clear()
        field.send_keys("thresholds")
        wait_for(self.driver, lambda d: "First Lesson — Thresholds" in d.find_element(By.ID, "search-results").text)
        self.driver.find_element(By.LINK_TEXT, "First Lesson — Thresholds").click()
        self.assertTrue(self.driver.current_url.endswith("lesson-first-lesson.html#thresholds"))

    # --- accessibility

    def test_axe_finds_no_serious_problems_in_light_or_dark(self):
        report = {}
        for scheme in ("light", "dark"):
            color_scheme(self.driver, scheme)
            for name, page, prepare in [
                ("home", "index.html", None),
                ("lesson", "lesson-first-lesson.html", None),
                ("quiz", "quiz-first-lesson.html?seed=5", "answer"),
                ("quiz-diff", "quiz-first-lesson.html?seed=5", "predict"),
                ("flashcards", "flashcards.html", None),
                ("exercise", "exercise-add.html", None),
            ]:
                self.open(self.site, page)
                if prepare == "answer":
                    quiz = QuizPage(self.driver)
                    quiz.pick("p50")
                    quiz.check()
                if prepare == "predict":
                    quiz = QuizPage(self.driver)
                    while quiz.kind != "predict-output":
                        quiz.skip()
                    quiz.type("5\n6\n7")
                    self.assertIn("Difference (- expected, + yours):", quiz.check())
                report[f"{name}-{scheme}"] = run_axe(self.driver, f"fixture-{name}-{scheme}")
        color_scheme(self.driver, "light")
        serious = {page: [v for v in found if v["impact"] in ("serious", "critical")] for page, found in report.items()}
        self.assertEqual({p: [v["id"] for v in vs] for p, vs in serious.items() if vs}, {}, json.dumps(serious, indent=1)[:4000])


DARK_BACKGROUND = "rgb(21, 23, 26)"


def run_axe(driver, name):
    dark = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
    background = driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert dark == name.endswith("-dark"), f"{name}: prefers-color-scheme emulation did not take"
    assert (background == DARK_BACKGROUND) == dark, f"{name}: the page's theme ({background}) does not follow the emulated scheme"
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    checked = {rule["id"] for rule in results["passes"]} | {rule["id"] for rule in results["violations"]}
    assert "color-contrast" in checked, f"{name}: axe did not check colour contrast"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(results["violations"], indent=1))
    shot(driver, name)
    return [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"]} for v in results["violations"]]


def write_vector_course(folder, vectors):
    """A course of the vectors' lessons, one section, each lesson given the id v<N>."""
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "01-vectors").mkdir(parents=True)
    (folder / "course.yaml").write_text("id: grading-vectors\ntitle: Grading vectors\nrunners:\n  python: python3 {file}\n"
                                        "sections:\n  - id: vectors\n    title: Vectors\n    summary: The shared grading vectors.\n")
    for number, vector in enumerate(vectors):
        text = vector["lesson"]
        lesson_id = f"v{number}"
        if text.startswith("---\n"):
            end = text.index("\n---\n", 4)
            front = [line for line in text[4:end].split("\n") if not line.startswith("id:")]
            text = "---\nid: " + lesson_id + "\n" + "\n".join(front) + text[end:]
        else:
            title = next((line[2:].strip() for line in text.split("\n") if line.startswith("# ")), f"Vectors {number}")
            text = f"---\nid: {lesson_id}\ntitle: {title}\nsummary: Grading vectors.\n---\n\n" + (text if text.lstrip().startswith("# ") else f"# {title}\n\n{text}")
        (folder / "01-vectors" / f"{number + 1:02d}-{lesson_id}.md").write_text(text)


class ShippedCourseTests(SiteTestCase):
    """The course Preflight ships, exported the way `make site` does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Check one lesson so its examples carry a verification date.
        preflight("check", "latency", "--course", SHIPPED, state=cls.state)
        cls.site = cls.work / "shipped"
        export(SHIPPED, cls.site, cls.state)

    def setUp(self):
        self.clear_storage(self.site)

    def test_home_lists_every_section_and_lesson(self):
        self.open(self.site, "index.html")
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "main section.course-section")), 11)
        lesson_files = [f for f in SHIPPED.glob("*/*.md") if f.name.lower() != "readme.md"]
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, "main .lesson-item")), len(lesson_files))
        self.assertNoPageErrors()

    def test_checked_examples_show_when_they_were_verified(self):
        self.open(self.site, "lesson-latency.html")
        verified = self.driver.find_elements(By.CSS_SELECTOR, ".verified")
        self.assertGreaterEqual(len(verified), 2)
        today = time.strftime("%Y-%m-%d", time.gmtime())
        self.assertIn(f"Output verified by preflight check on {today}.", verified[0].text)
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "pre code.hljs"), "code is highlighted")
        self.open(self.site, "quiz-latency.html?seed=1")
        quiz = QuizPage(self.driver)
        while quiz.kind != "predict-output":
            quiz.skip()
        quiz.type("a guess")
        self.assertIn(f"This output was verified by preflight check on {today}.", quiz.check(), "a predict-the-output key is proved too")
        self.open(self.site, "lesson-load-testing.html")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, ".verified"), "lessons not checked carry no date")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".unverified"))
        self.assertNoPageErrors()

    def test_final_exam_draws_what_the_terminal_draws(self):
        state = self.work / "exam.sqlite"
        report = json.loads(preflight("quiz", "--all", "--seed", "77", "--answers", "-", "--json", "--course", SHIPPED,
                                      state=state, stdin="skip\n" * 22).stdout)
        terminal = [q["id"] for q in report["questions"]]
        self.assertEqual(len(terminal), 22)
        self.open(self.site, "exam.html?seed=77")
        quiz = QuizPage(self.driver)
        shown = []
        for _ in range(22):
            shown.append(self.driver.find_element(By.CSS_SELECTOR, ".question").get_attribute("data-question"))
            quiz.skip()
        self.assertEqual(shown, terminal)
        for _ in range(22):
            quiz.skip()
            quiz.next()
        rows = [li.text for li in self.driver.find_elements(By.CSS_SELECTOR, ".by-section li")]
        self.assertEqual(len(rows), 11)
        self.assertEqual(rows[0], "Overview: 0 of 2")
        self.assertEqual(text_of(self.driver, ".revisit"), "Revisit first: Overview.")
        self.assertEqual(text_of(self.driver, "#quiz-score"), "Score: 0 of 22 (0%)")

    def test_axe_and_screenshots_of_the_shipped_course(self):
        report = {}
        for scheme in ("light", "dark"):
            color_scheme(self.driver, scheme)
            self.open(self.site, "index.html")
            report[f"home-{scheme}"] = run_axe(self.driver, f"shipped-home-{scheme}")
            self.open(self.site, "lesson-latency.html")
            report[f"lesson-{scheme}"] = run_axe(self.driver, f"shipped-lesson-{scheme}")
            self.open(self.site, "quiz-latency.html?seed=5")
            quiz = QuizPage(self.driver)
            quiz.pick(quiz.option_labels()[0].split(". ", 1)[1])
            quiz.check()
            report[f"quiz-{scheme}"] = run_axe(self.driver, f"shipped-quiz-{scheme}")
        color_scheme(self.driver, "light")
        serious = {page: [v for v in found if v["impact"] in ("serious", "critical")] for page, found in report.items()}
        (ARTIFACTS / "axe-summary.json").write_text(json.dumps(report, indent=1))
        self.assertEqual({p: [v["id"] for v in vs] for p, vs in serious.items() if vs}, {}, json.dumps(serious, indent=1)[:4000])
        self.readme_screenshots()

    def readme_screenshots(self):
        driver = make_driver(width=1280, height=1000)
        try:
            driver.get((self.site / "lesson-latency.html").as_uri())
            output = driver.find_elements(By.CSS_SELECTOR, "figure.code-figure")[1]
            driver.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().bottom + window.scrollY - window.innerHeight + 120)", output)
            driver.save_screenshot(str(ARTIFACTS / "readme-lesson.png"))
            driver.get((self.site / "quiz-latency.html").as_uri() + "?seed=5")
            quiz = QuizPage(driver)
            while quiz.kind != "select-all":
                quiz.skip()
            # One of the right options and no wrong one: partly right, with its feedback shown.
            right = driver.execute_script("""
                var id = document.querySelector('.question').dataset.question;
                var q = window.PreflightQuizzes['latency'].find(function (x) { return x.id === id; });
                return q.options.filter(function (o) { return o.correct; }).map(function (o) { return o.text; });""")
            quiz.pick(right[0])
            self.assertIn("Partly right", quiz.check())
            question = driver.find_element(By.CSS_SELECTOR, ".question-progress")
            driver.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top + window.scrollY - 16)", question)
            driver.save_screenshot(str(ARTIFACTS / "readme-quiz.png"))
        finally:
            driver.quit()
        if os.environ.get("PREFLIGHT_UPDATE_SCREENSHOTS") == "1":
            shutil.copy(ARTIFACTS / "readme-lesson.png", ROOT / "docs" / "site-lesson.png")
            shutil.copy(ARTIFACTS / "readme-quiz.png", ROOT / "docs" / "site-quiz.png")


def main():
    global BINARY
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=str(BINARY), help="the preflight binary to test")
    parser.add_argument("tests", nargs="*", help="test names (default: all)")
    args = parser.parse_args()
    BINARY = Path(args.binary).resolve()
    loader = unittest.TestLoader()
    if args.tests:
        suite = unittest.TestSuite(loader.loadTestsFromName(name, sys.modules[__name__]) for name in args.tests)
    else:
        suite = unittest.TestSuite([loader.loadTestsFromTestCase(FixtureSiteTests), loader.loadTestsFromTestCase(ShippedCourseTests)])
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(0 if result.wasSuccessful() and result.testsRun > 0 else 1)


if __name__ == "__main__":
    main()
