// The site's behaviour: progress in local storage (the same document `preflight export
// progress` writes), progress marks, quizzes and the exam graded in the page, flashcards,
// search, hints one at a time, and code highlighting. Everything a lesson wrote reaches the
// page as text (textContent) or as HTML the exporter already escaped; nothing is evaluated.
(function () {
  'use strict';

  var body = document.body;
  var courseId = body.dataset.course || 'course';
  var STORAGE_KEY = 'preflight-progress:' + courseId;

  // ---------------------------------------------------------------- small DOM helpers
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function plural(count, word) { return count + ' ' + word + (count === 1 ? '' : 's'); }

  // Scores are written as the terminal writes them (QuizScore): points in tenths rounded down,
  // so a score shown as 7 of 7 is a perfect one, and a percentage rounded down.
  function percent(part, whole) { return whole === 0 ? 0 : Math.floor(part * 100 / whole + 1e-9); }

  function formatScore(points) {
    if (Math.abs(points - Math.round(points)) < 1e-9) return String(Math.round(points));
    var tenths = Math.floor(points * 10 + 1e-9);
    return Math.floor(tenths / 10) + '.' + (tenths % 10);
  }

  // ---------------------------------------------------------------- progress
  function emptyProgress() {
    return { format: 'preflight-progress', version: 1, course: courseId, lessons: {}, questions: {}, flashcards: {}, quizzes: {} };
  }

  function loadProgress() {
    try {
      var stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
      if (stored && stored.format === 'preflight-progress' && stored.course === courseId) {
        ['lessons', 'questions', 'flashcards', 'quizzes'].forEach(function (key) { stored[key] = stored[key] || {}; });
        return stored;
      }
    } catch (error) { /* unreadable storage counts as no progress */ }
    return emptyProgress();
  }

  function saveProgress(progress) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress)); } catch (error) { /* storage full or off */ }
  }

  function updateProgress(change) {
    var progress = loadProgress();
    change(progress);
    saveProgress(progress);
    refreshMarks();
    return progress;
  }

  function now() { return new Date().toISOString(); }

  function newer(a, b) { return (Date.parse(a || '') || 0) > (Date.parse(b || '') || 0); }

  // Merges an imported document: done lessons stay done, otherwise the newer entry wins.
  function mergeProgress(into, from) {
    var counts = { lessons: 0, questions: 0, flashcards: 0 };
    Object.keys(from.lessons || {}).forEach(function (id) {
      var incoming = from.lessons[id], current = into.lessons[id];
      if (!incoming || (incoming.status !== 'done' && incoming.status !== 'in-progress')) return;
      if (!current || (incoming.status === 'done' && current.status !== 'done')) {
        into.lessons[id] = { status: incoming.status, updated_at: incoming.updated_at || now() };
        counts.lessons += 1;
      }
    });
    Object.keys(from.questions || {}).forEach(function (id) {
      var incoming = from.questions[id], current = into.questions[id];
      if (!incoming || typeof incoming.correct !== 'boolean') return;
      if (!current || newer(incoming.answered_at, current.answered_at)) {
        into.questions[id] = {
          lesson: String(incoming.lesson || id.split('/')[0]), answer: String(incoming.answer || ''), correct: incoming.correct,
          score: Math.min(1, Math.max(0, Number(incoming.score) || 0)), answered_at: incoming.answered_at || now()
        };
        counts.questions += 1;
      }
    });
    Object.keys(from.flashcards || {}).forEach(function (id) {
      var incoming = from.flashcards[id], current = into.flashcards[id];
      if (!incoming || (incoming.rating !== 'again' && incoming.rating !== 'good')) return;
      if (!current || newer(incoming.reviewed_at, current.reviewed_at)) {
        into.flashcards[id] = { rating: incoming.rating, reviewed_at: incoming.reviewed_at || now() };
        counts.flashcards += 1;
      }
    });
    return counts;
  }

  function courseData() { return window.PreflightCourse || null; }

  // Per lesson: answered questions, right ones and the score with partial credit.
  function lessonScores(progress) {
    var scores = {};
    Object.keys(progress.questions).forEach(function (id) {
      var entry = progress.questions[id];
      var lesson = entry.lesson || id.split('/')[0];
      var score = scores[lesson] || (scores[lesson] = { answered: 0, right: 0, points: 0 });
      score.answered += 1;
      if (entry.correct) score.right += 1;
      score.points += Number(entry.score) || 0;
    });
    return scores;
  }

  function refreshMarks() {
    var progress = loadProgress();
    var scores = lessonScores(progress);
    var course = courseData();
    var quizSizes = {};
    if (course) course.lessons.forEach(function (lesson) { quizSizes[lesson.id] = lesson.quiz.length; });
    document.querySelectorAll('[data-lesson-link]').forEach(function (link) {
      var old = link.querySelector('.mark');
      if (old) link.removeChild(old);
      var entry = progress.lessons[link.dataset.lessonLink];
      if (!entry) return;
      var done = entry.status === 'done';
      link.appendChild(el('span', { className: 'mark ' + (done ? 'mark-done' : 'mark-started') }, [
        el('span', { 'aria-hidden': 'true', text: done ? ' ✓' : ' •' }),
        el('span', { className: 'visually-hidden', text: done ? ' (done)' : ' (in progress)' })
      ]));
    });
    document.querySelectorAll('[data-status-for]').forEach(function (span) {
      var id = span.dataset.statusFor;
      var parts = [];
      var entry = progress.lessons[id];
      if (entry) parts.push(entry.status === 'done' ? 'done' : 'in progress');
      var lastQuiz = progress.quizzes[id];
      if (lastQuiz) parts.push('last quiz ' + formatScore(lastQuiz.points) + ' of ' + lastQuiz.total);
      else if (scores[id]) parts.push('quiz ' + scores[id].right + ' of ' + (quizSizes[id] || scores[id].answered) + ' right');
      span.textContent = parts.length ? ' · ' + parts.join(' · ') : '';
    });
    document.querySelectorAll('[data-score-for]').forEach(function (span) {
      var lastQuiz = progress.quizzes[span.dataset.scoreFor];
      span.textContent = lastQuiz ? 'Your last score: ' + formatScore(lastQuiz.points) + ' of ' + lastQuiz.total + '.' : '';
    });
    var summary = document.getElementById('progress-summary');
    if (summary && course) {
      var done = course.lessons.filter(function (lesson) { var e = progress.lessons[lesson.id]; return e && e.status === 'done'; }).length;
      var answers = Object.keys(progress.questions).length;
      var right = Object.keys(progress.questions).filter(function (id) { return progress.questions[id].correct; }).length;
      var good = Object.keys(progress.flashcards).filter(function (id) { return progress.flashcards[id].rating === 'good'; }).length;
      summary.textContent = done + ' of ' + plural(course.lessons.length, 'lesson') + ' done (' + percent(done, course.lessons.length) + '%), '
        + plural(answers, 'question') + ' answered (' + right + ' right), ' + plural(good, 'flashcard') + ' marked good. Kept in this browser.';
      var next = course.lessons.find(function (lesson) { var e = progress.lessons[lesson.id]; return !e || e.status !== 'done'; });
      var link = document.getElementById('continue-link');
      if (link && next && (done > 0 || Object.keys(progress.lessons).length > 0)) {
        link.setAttribute('href', 'lesson-' + next.id + '.html');
        link.textContent = 'Continue: ' + next.title;
      }
    }
  }

  // ---------------------------------------------------------------- home: export, import, reset
  function setUpProgressPanel() {
    var exportButton = document.getElementById('export-progress');
    if (!exportButton) return;
    var summary = document.getElementById('progress-summary');
    var message = function (text) { summary.textContent = text; };
    exportButton.addEventListener('click', function () {
      var progress = loadProgress();
      progress.exported_at = now();
      var blob = new Blob([JSON.stringify(progress, null, 2) + '\n'], { type: 'application/json' });
      var link = el('a', { href: URL.createObjectURL(blob), download: 'preflight-progress-' + courseId + '.json' });
      document.body.appendChild(link);
      link.click();
      document.body.removeChild(link);
      message('Exported your progress as preflight-progress-' + courseId + '.json. `preflight import progress` reads it.');
    });
    var importInput = document.getElementById('import-progress');
    importInput.addEventListener('change', function () {
      var file = importInput.files && importInput.files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        var incoming;
        try { incoming = JSON.parse(String(reader.result)); } catch (error) {
          message('That file is not a progress file (it is not JSON). Nothing was changed.');
          return;
        }
        if (!incoming || incoming.format !== 'preflight-progress') {
          message('That file is not a Preflight progress file. Nothing was changed.');
          return;
        }
        if (incoming.course !== courseId) {
          message('That file holds progress for course “' + incoming.course + '”, not this one. Nothing was changed.');
          return;
        }
        var counts;
        updateProgress(function (progress) { counts = mergeProgress(progress, incoming); });
        refreshMarks();
        message('Imported ' + plural(counts.lessons, 'lesson') + ', ' + plural(counts.questions, 'answer') + ' and ' + plural(counts.flashcards, 'flashcard rating') + '.');
        importInput.value = '';
      };
      reader.readAsText(file);
    });
    var resetButton = document.getElementById('reset-progress');
    resetButton.addEventListener('click', function () {
      if (document.getElementById('reset-confirm')) return;
      var confirmButton = el('button', { type: 'button', id: 'reset-confirm', className: 'danger', text: 'Erase all progress' });
      var cancelButton = el('button', { type: 'button', id: 'reset-cancel', text: 'Keep it' });
      var group = el('p', { id: 'reset-group', role: 'group', 'aria-label': 'Confirm reset' }, [
        el('span', { text: 'Erase every lesson mark, answer and flashcard rating kept in this browser? ' }), confirmButton, ' ', cancelButton
      ]);
      resetButton.parentNode.parentNode.insertBefore(group, resetButton.parentNode.nextSibling);
      cancelButton.focus();
      var close = function () { group.parentNode.removeChild(group); resetButton.focus(); };
      cancelButton.addEventListener('click', function () { close(); message('Nothing was erased.'); refreshMarks(); });
      confirmButton.addEventListener('click', function () {
        window.localStorage.removeItem(STORAGE_KEY);
        close();
        refreshMarks();
        message('Progress erased. ' + summary.textContent);
      });
    });
  }

  // ---------------------------------------------------------------- lesson page
  function setUpLesson() {
    var lessonId = body.dataset.lesson;
    if (body.dataset.page !== 'lesson' || !lessonId) return;
    var progress = loadProgress();
    if (!progress.lessons[lessonId]) updateProgress(function (p) { p.lessons[lessonId] = { status: 'in-progress', updated_at: now() }; });
    var button = document.getElementById('mark-done');
    var status = document.getElementById('mark-status');
    if (!button) return;
    var show = function () {
      var done = (loadProgress().lessons[lessonId] || {}).status === 'done';
      button.setAttribute('aria-pressed', done ? 'true' : 'false');
      button.textContent = done ? 'Done ✓ (press to mark not done)' : 'Mark this lesson done';
    };
    button.addEventListener('click', function () {
      var done = (loadProgress().lessons[lessonId] || {}).status === 'done';
      updateProgress(function (p) { p.lessons[lessonId] = { status: done ? 'in-progress' : 'done', updated_at: now() }; });
      status.textContent = done ? 'Marked not done.' : 'Marked done.';
      show();
    });
    show();
  }

  // ---------------------------------------------------------------- quizzes and the exam
  var KIND_NAMES = {
    'single-choice': 'one answer', 'select-all': 'select all that apply', 'true-false': 'true or false',
    'short-answer': 'short answer', 'predict-output': 'predict the output', 'ordering': 'put in order'
  };

  function randomSeed() {
    var words = new Uint32Array(2);
    window.crypto.getRandomValues(words);
    return ((BigInt(words[0]) << 32n) | BigInt(words[1])).toString();
  }

  function seedFromURL() {
    var value = new URLSearchParams(window.location.search).get('seed');
    return value && /^\d{1,20}$/.test(value) && BigInt(value) < (1n << 64n) ? value : null;
  }

  function highlightWithin(node) {
    if (!window.hljs) return;
    node.querySelectorAll('pre code:not(.nohighlight)').forEach(function (block) { window.hljs.highlightBlock(block); });
  }

  // One quiz run: questions one at a time, skipped ones again at the end, then the summary.
  function QuizRunner(app, planned, options) {
    this.app = app;
    this.questions = planned.questions;
    this.orders = planned.orders;
    this.options = options;
    this.graded = [];
    this.pending = this.questions.map(function (q, i) { return i; });
    this.skipped = [];
    this.secondPass = false;
    this.position = 0;
    clear(app);
    this.intro = el('p', { className: 'quiz-seed' });
    this.stage = el('div', { className: 'quiz-stage' });
    this.live = el('div', { className: 'verdict', id: 'verdict', 'aria-live': 'polite' });
    this.controls = el('div', { className: 'quiz-controls' });
    app.appendChild(this.intro);
    app.appendChild(this.stage);
    app.appendChild(this.live);
    app.appendChild(this.controls);
    this.intro.appendChild(document.createTextNode(options.seedText));
  }

  QuizRunner.prototype.start = function () { this.askNext(false); };

  QuizRunner.prototype.askNext = function (focus) {
    if (this.position >= this.pending.length) {
      if (this.skipped.length > 0 && !this.secondPass) {
        this.pending = this.skipped;
        this.skipped = [];
        this.secondPass = true;
        this.position = 0;
        this.backNotice = true;
      } else {
        this.finish();
        return;
      }
    }
    this.ask(this.pending[this.position], focus);
  };

  QuizRunner.prototype.ask = function (index, focus) {
    var self = this;
    var question = this.questions[index];
    var order = this.orders[index];
    clear(this.stage);
    clear(this.live);
    clear(this.controls);
    var section = el('section', { className: 'question', 'aria-labelledby': 'question-title', 'data-question': question.id, 'data-kind': question.kind });
    if (this.backNotice) {
      section.appendChild(el('p', { className: 'notice', text: 'Back to the question' + (this.pending.length === 1 ? '' : 's') + ' you skipped.' }));
      this.backNotice = false;
    }
    var where = 'Question ' + (index + 1) + ' of ' + this.questions.length + ' · ' + KIND_NAMES[question.kind];
    if (this.options.showLesson) where += ' · ' + this.options.lessonTitle(question.lesson);
    section.appendChild(el('p', { className: 'question-progress', text: where }));
    section.appendChild(el('h2', { id: 'question-title', tabindex: '-1', text: question.title }));
    var prompt = el('div', { className: 'question-prompt' });
    // The prompt is HTML the exporter rendered from the lesson with every piece of text escaped.
    prompt.innerHTML = question.prompt;
    section.appendChild(prompt);
    highlightWithin(prompt);
    var form = el('form', { className: 'answer-form', novalidate: true });
    var read = this.answerControls(form, question, order);
    var check = el('button', { type: 'submit', className: 'primary', text: 'Check answer' });
    var skip = el('button', { type: 'button', className: 'skip', text: this.secondPass ? 'Skip (counts as unanswered)' : 'Skip for now' });
    form.appendChild(el('p', { className: 'form-buttons' }, [check, ' ', skip]));
    section.appendChild(form);
    this.stage.appendChild(section);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var response = read();
      if (response === null) {
        self.live.textContent = question.kind === 'select-all' || question.kind === 'single-choice' || question.kind === 'true-false'
          ? 'Choose an answer first, or skip the question.' : 'Type an answer first, or skip the question.';
        return;
      }
      self.record(index, response, form);
    });
    skip.addEventListener('click', function () {
      if (self.secondPass) {
        self.record(index, { type: 'skipped' }, form);
      } else {
        self.skipped.push(index);
        self.position += 1;
        self.askNext(true);
        self.live.textContent = 'Skipped “' + question.title + '”; it comes back at the end.';
      }
    });
    if (focus) document.getElementById('question-title').focus();
  };

  // Builds the inputs for one question and returns a function reading them as a response
  // (authored indexes), or null when nothing has been answered.
  QuizRunner.prototype.answerControls = function (form, question, order) {
    var self = this;
    var kind = question.kind;
    if (kind === 'single-choice' || kind === 'true-false' || kind === 'select-all') {
      var multiple = kind === 'select-all';
      var fieldset = el('fieldset', { className: 'options' }, [el('legend', { text: multiple ? 'Select all that apply' : 'Choose one answer' })]);
      order.forEach(function (authored, position) {
        var id = 'option-' + position;
        fieldset.appendChild(el('div', { className: 'option' }, [
          el('input', { type: multiple ? 'checkbox' : 'radio', name: 'answer', id: id, value: String(authored) }),
          el('label', { for: id }, [el('span', { className: 'letter', text: PreflightGrader.letter(position) + '.' }), ' ' + question.options[authored].text])
        ]));
      });
      form.appendChild(fieldset);
      return function () {
        var picked = Array.from(fieldset.querySelectorAll('input:checked')).map(function (input) { return Number(input.value); });
        return picked.length ? { type: 'choice', picked: picked } : null;
      };
    }
    if (kind === 'short-answer' || kind === 'predict-output') {
      var multiline = kind === 'predict-output';
      var input = multiline
        ? el('textarea', { id: 'answer-text', rows: '5', spellcheck: 'false', autocomplete: 'off', className: 'output-input' })
        : el('input', { id: 'answer-text', type: 'text', autocomplete: 'off', spellcheck: 'false' });
      form.appendChild(el('p', { className: 'text-answer' }, [el('label', { for: 'answer-text', text: multiline ? 'What does it print? Type the output exactly.' : 'Your answer' }), input]));
      return function () {
        return input.value.trim().length ? { type: 'text', text: input.value } : null;
      };
    }
    // Ordering: the shown order, changed with buttons that keep the keyboard focus on the item.
    var current = order.slice();
    var orderFieldset = el('fieldset', { className: 'ordering' }, [el('legend', { text: 'Put in order, first at the top' })]);
    var list = el('ol', { className: 'order-list' });
    orderFieldset.appendChild(list);
    form.appendChild(orderFieldset);
    var draw = function (focusItem, focusDirection) {
      clear(list);
      current.forEach(function (authored, position) {
        var text = question.items[authored];
        var up = el('button', { type: 'button', className: 'move', 'data-move': 'up', 'aria-label': 'Move “' + text + '” up', text: '↑' });
        var down = el('button', { type: 'button', className: 'move', 'data-move': 'down', 'aria-label': 'Move “' + text + '” down', text: '↓' });
        if (position === 0) up.disabled = true;
        if (position === current.length - 1) down.disabled = true;
        var move = function (delta) {
          var target = position + delta;
          if (target < 0 || target >= current.length) return;
          current.splice(position, 1);
          current.splice(target, 0, authored);
          draw(authored, delta < 0 ? 'up' : 'down');
          self.live.textContent = '“' + text + '” moved to position ' + (target + 1) + ' of ' + current.length + '.';
        };
        up.addEventListener('click', function () { move(-1); });
        down.addEventListener('click', function () { move(1); });
        list.appendChild(el('li', { 'data-item': String(authored) }, [el('span', { className: 'item-text', text: text }), ' ', up, ' ', down]));
        if (authored === focusItem) {
          var wanted = focusDirection === 'up' ? up : down;
          var fallback = focusDirection === 'up' ? down : up;
          (wanted.disabled ? fallback : wanted).focus();
        }
      });
    };
    draw(null, null);
    return function () { return { type: 'ordering', order: current.slice() }; };
  };

  QuizRunner.prototype.record = function (index, response, form) {
    var self = this;
    var question = this.questions[index];
    var graded = PreflightGrader.grade(question, response, this.orders[index]);
    this.graded[index] = graded;
    form.querySelectorAll('input, textarea, button').forEach(function (control) { control.disabled = true; });
    if (!graded.skipped) {
      updateProgress(function (progress) {
        progress.questions[question.id] = { lesson: question.lesson, answer: graded.given, correct: graded.correct, score: graded.score, answered_at: now() };
      });
    }
    this.showVerdict(graded);
    if (question.verified) {
      this.live.appendChild(el('p', { className: 'verified', text: 'This output was verified by preflight check on ' + question.verified + '.' }));
    }
    this.position += 1;
    var last = this.position >= this.pending.length && (this.secondPass || this.skipped.length === 0);
    var next = el('button', { type: 'button', className: 'primary', id: 'next-question', text: last ? 'See your score' : 'Next question' });
    next.addEventListener('click', function () { self.askNext(true); });
    this.controls.appendChild(next);
    next.focus();
  };

  QuizRunner.prototype.showVerdict = function (graded) {
    var live = this.live;
    clear(live);
    var line;
    if (graded.skipped) line = el('p', { className: 'verdict-line skipped', text: '– Skipped.' });
    else if (graded.correct) line = el('p', { className: 'verdict-line right' }, [el('span', { 'aria-hidden': 'true', text: '✓ ' }), 'Right.']);
    else if (graded.score > 0) line = el('p', { className: 'verdict-line partial' }, [el('span', { 'aria-hidden': 'true', text: '◐ ' }), 'Partly right: ' + Math.floor(graded.score * 100 + 1e-9) + '% credit, counted in your score.']);
    else line = el('p', { className: 'verdict-line wrong' }, [el('span', { 'aria-hidden': 'true', text: '✗ ' }), 'Not quite.']);
    live.appendChild(line);
    if (!graded.correct) {
      if (graded.rightAnswer.indexOf('\n') >= 0) {
        live.appendChild(el('p', { className: 'right-answer', text: 'Right answer:' }));
        live.appendChild(el('pre', { className: 'code right-answer-block' }, [el('code', { className: 'nohighlight', text: graded.rightAnswer })]));
      } else {
        live.appendChild(el('p', { className: 'right-answer', text: 'Right answer: ' + graded.rightAnswer }));
      }
    }
    if (graded.diff) diffBlock(graded.diff).forEach(function (node) { live.appendChild(node); });
    if (!graded.skipped) live.appendChild(el('p', { className: 'score-line', text: 'Score for this question: ' + formatScore(graded.score) + ' of 1.' }));
    graded.feedback.forEach(function (text) { live.appendChild(el('blockquote', { className: 'feedback', text: text })); });
    if (graded.explanation) live.appendChild(el('p', { className: 'explanation', text: graded.explanation }));
  };

  // A wrong prediction's difference from the expected output, as the terminal shows it: the
  // hunks without the two file lines, `-` the expected line and `+` the learner's, as text.
  function diffBlock(diff) {
    var code = el('code', { className: 'nohighlight' });
    diff.split('\n').slice(2).forEach(function (line, index) {
      if (index > 0) code.appendChild(document.createTextNode('\n'));
      var kind = { '-': 'diff-expected', '+': 'diff-yours', '@': 'diff-hunk' }[line.charAt(0)];
      code.appendChild(kind ? el('span', { className: kind, text: line }) : document.createTextNode(line));
    });
    return [el('p', { className: 'diff-label', text: 'Difference (- expected, + yours):' }), el('pre', { className: 'code diff' }, [code])];
  }

  QuizRunner.prototype.finish = function () {
    var self = this;
    clear(this.stage);
    clear(this.live);
    clear(this.controls);
    var graded = this.questions.map(function (q, i) { return self.graded[i] || PreflightGrader.grade(q, { type: 'skipped' }, self.orders[i]); });
    var right = graded.filter(function (g) { return g.correct; }).length;
    var points = graded.reduce(function (sum, g) { return sum + g.score; }, 0);
    var total = graded.length;
    var summary = el('section', { className: 'quiz-summary', 'aria-labelledby': 'summary-title' });
    summary.appendChild(el('h2', { id: 'summary-title', tabindex: '-1', text: 'Your score' }));
    summary.appendChild(el('p', { className: 'score', id: 'quiz-score', text: 'Score: ' + formatScore(points) + ' of ' + total + ' (' + percent(points, total) + '%)' }));
    var skipped = graded.filter(function (g) { return g.skipped; }).length;
    summary.appendChild(el('p', { text: right + ' of ' + total + ' fully right' + (skipped ? ', ' + skipped + ' skipped.' : '.') }));
    if (this.options.sections) {
      var bySection = this.options.sections.map(function (section) {
        var inSection = graded.filter(function (g, i) { return self.questions[i].section === section.id; });
        return { title: section.title, total: inSection.length, points: inSection.reduce(function (s, g) { return s + g.score; }, 0) };
      }).filter(function (row) { return row.total > 0; });
      var table = el('ul', { className: 'by-section' });
      bySection.forEach(function (row) { table.appendChild(el('li', { text: row.title + ': ' + formatScore(row.points) + ' of ' + row.total })); });
      summary.appendChild(el('h3', { text: 'By section' }));
      summary.appendChild(table);
      var weakest = bySection.filter(function (row) { return row.points / row.total < 1 - 1e-9; })
        .sort(function (a, b) { return a.points / a.total - b.points / b.total; })[0];
      if (weakest) summary.appendChild(el('p', { className: 'revisit', text: 'Revisit first: ' + weakest.title + '.' }));
    }
    var misses = graded.map(function (g, i) { return { graded: g, question: self.questions[i] }; }).filter(function (m) { return !m.graded.correct; });
    if (misses.length) {
      summary.appendChild(el('h3', { text: 'To look at again' }));
      var list = el('ol', { className: 'misses' });
      misses.forEach(function (miss) {
        var item = el('li', {}, [el('p', { className: 'miss-title', text: miss.question.title })]);
        item.appendChild(el('p', { text: 'Your answer: ' + miss.graded.given }));
        item.appendChild(el('p', { text: 'Right answer: ' + miss.graded.rightAnswer }));
        if (miss.graded.diff) diffBlock(miss.graded.diff).forEach(function (node) { item.appendChild(node); });
        if (miss.graded.explanation) item.appendChild(el('p', { className: 'explanation', text: miss.graded.explanation }));
        item.appendChild(el('p', {}, [el('a', { href: 'lesson-' + miss.question.lesson + '.html', text: 'Read ' + self.options.lessonTitle(miss.question.lesson) })]));
        list.appendChild(item);
      });
      summary.appendChild(list);
    }
    var again = el('a', { className: 'button-link', href: window.location.pathname.split('/').pop() + '?seed=' + randomSeed(), text: 'Take it again, freshly shuffled' });
    summary.appendChild(el('p', {}, [again]));
    this.stage.appendChild(summary);
    if (this.options.onFinish) this.options.onFinish(points, right, total);
    this.live.textContent = 'Quiz finished. Score ' + formatScore(points) + ' of ' + total + '.';
    document.getElementById('summary-title').focus();
  };

  function lessonTitleLookup() {
    var titles = {};
    var course = courseData();
    if (course) course.lessons.forEach(function (lesson) { titles[lesson.id] = lesson.title; });
    return function (id) { return titles[id] || id; };
  }

  function setUpQuiz() {
    var app = document.getElementById('quiz-app');
    if (!app || !window.PreflightGrader) return;
    var lessonId = app.dataset.quiz;
    var questions = (window.PreflightQuizzes || {})[lessonId];
    if (!questions) return;
    var staticList = document.getElementById('static-questions');
    if (staticList) staticList.parentNode.removeChild(staticList);
    var seed = seedFromURL() || randomSeed();
    var planned = PreflightGrader.plan([questions], null, false, seed);
    var runner = new QuizRunner(app, planned, {
      seedText: 'Options shuffled with seed ' + seed + '; `preflight quiz ' + lessonId + ' --seed ' + seed + '` shows them in the same order.',
      lessonTitle: lessonTitleLookup(),
      onFinish: function (points, right, total) {
        updateProgress(function (progress) { progress.quizzes[lessonId] = { points: points, right: right, total: total, finished_at: now() }; });
      }
    });
    runner.start();
  }

  function setUpExam() {
    var app = document.getElementById('exam-app');
    var exam = window.PreflightExam;
    if (!app || !exam || !window.PreflightGrader) return;
    var seed = seedFromURL() || randomSeed();
    var pools = exam.sections.map(function (section) { return exam.questions.filter(function (q) { return q.section === section.id; }); });
    var count = Number(app.dataset.examCount) || null;
    var planned = PreflightGrader.plan(pools, count, true, seed);
    var runner = new QuizRunner(app, planned, {
      seedText: 'Exam seed ' + seed + ': `preflight quiz --all --seed ' + seed + '` draws the same questions.',
      showLesson: true, lessonTitle: lessonTitleLookup(), sections: exam.sections,
      onFinish: function (points, right, total) {
        updateProgress(function (progress) { progress.quizzes['final-exam'] = { points: points, right: right, total: total, seed: seed, finished_at: now() }; });
      }
    });
    runner.start();
  }

  // ---------------------------------------------------------------- flashcards
  function setUpFlashcards() {
    if (body.dataset.page !== 'flashcards') return;
    var cards = Array.from(document.querySelectorAll('[data-card]'));
    var summary = document.getElementById('cards-summary');
    var hideGood = document.getElementById('cards-hide-good');
    var show = function () {
      var progress = loadProgress();
      var good = 0, again = 0;
      cards.forEach(function (card) {
        var entry = progress.flashcards[card.dataset.card];
        var status = card.querySelector('.card-status');
        card.classList.toggle('rated-good', !!entry && entry.rating === 'good');
        card.classList.toggle('rated-again', !!entry && entry.rating === 'again');
        if (entry && entry.rating === 'good') good += 1;
        if (entry && entry.rating === 'again') again += 1;
        status.textContent = entry ? (entry.rating === 'good' ? 'Marked good.' : 'Marked again: review it soon.') : '';
        card.hidden = !!(hideGood && hideGood.checked && entry && entry.rating === 'good');
      });
      summary.textContent = good + ' of ' + plural(cards.length, 'card') + ' marked good, ' + again + ' to review again.';
    };
    cards.forEach(function (card) {
      card.querySelectorAll('[data-rating]').forEach(function (button) {
        button.addEventListener('click', function () {
          updateProgress(function (progress) { progress.flashcards[card.dataset.card] = { rating: button.dataset.rating, reviewed_at: now() }; });
          show();
        });
      });
    });
    if (hideGood) hideGood.addEventListener('change', show);
    show();
  }

  // ---------------------------------------------------------------- search
  function search(query, entries) {
    var terms = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
    if (!terms.length) return [];
    var results = [];
    entries.forEach(function (entry) {
      var title = entry.t.toLowerCase(), heading = entry.s.toLowerCase(), words = ' ' + entry.w;
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var inTitle = title.indexOf(term) >= 0, inHeading = heading.indexOf(term) >= 0, inText = words.indexOf(' ' + term) >= 0;
        if (!inTitle && !inHeading && !inText) return;
        score += (inTitle ? 5 : 0) + (inHeading ? 3 : 0) + (inText ? 1 : 0);
      }
      results.push({ entry: entry, score: score });
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  function setUpSearch() {
    var input = document.getElementById('search-query');
    var output = document.getElementById('search-results');
    if (!input || !output || !window.PreflightSearch) return;
    var run = function () {
      var query = input.value.trim();
      clear(output);
      if (!query) return;
      var results = search(query, window.PreflightSearch);
      output.appendChild(el('p', { className: 'result-count', text: plural(results.length, 'result') + ' for “' + query + '”.' }));
      var list = el('ol', { className: 'results' });
      results.slice(0, 50).forEach(function (result) {
        var entry = result.entry;
        var href = 'lesson-' + entry.l + '.html' + (entry.a ? '#' + entry.a : '');
        list.appendChild(el('li', {}, [el('a', { href: href, text: entry.t + (entry.s ? ' — ' + entry.s : '') })]));
      });
      output.appendChild(list);
    };
    var initial = new URLSearchParams(window.location.search).get('q');
    if (initial) { input.value = initial; run(); }
    var timer = null;
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 250); });
    input.form.addEventListener('submit', function (event) { event.preventDefault(); run(); });
  }

  // ---------------------------------------------------------------- exercises: hints one at a time
  function setUpHints() {
    var hints = Array.from(document.querySelectorAll('details.hint-item'));
    hints.forEach(function (hint, index) {
      if (index > 0 && !hints[index - 1].open) hint.hidden = true;
      hint.addEventListener('toggle', function () {
        if (hint.open && hints[index + 1]) hints[index + 1].hidden = false;
      });
    });
  }

  // ---------------------------------------------------------------- start
  document.querySelectorAll('.js-only').forEach(function (node) { node.hidden = false; });
  document.querySelectorAll('.site-search').forEach(function (form) {
    if (body.dataset.page === 'search') form.hidden = true;
  });
  highlightWithin(document);
  setUpLesson();
  setUpProgressPanel();
  setUpFlashcards();
  setUpSearch();
  setUpHints();
  setUpQuiz();
  setUpExam();
  refreshMarks();
  window.PreflightSite = { loadProgress: loadProgress, mergeProgress: mergeProgress, search: search };
})();
