// The browser's quiz grader. It follows the Swift grader's rules (Sources/PreflightGrading:
// Grader, ResponseParser, ResponseText; Sources/PreflightCore: AnswerNormalizer, OutputMatcher)
// so an answer gets the same verdict in the page as in the terminal. The shared grading vectors
// (Tests/GradingVectors/) are run through both graders to keep it that way.
(function (global) {
  'use strict';

  // --- AnswerNormalizer: NFC, case folded, trimmed, runs of whitespace made one space.
  function collapseWhitespace(text) {
    return text.split(/\s+/u).filter(function (part) { return part.length > 0; }).join(' ');
  }

  function normalize(text) {
    return collapseWhitespace(text.normalize('NFC').toLowerCase());
  }

  // --- ResponseText: how a typed answer is read before it is compared with a key.
  function trimmed(text) { return text.replace(/^\s+|\s+$/gu, ''); }

  // The whole answer as one Markdown code span loses its backticks: `x`, ``a`b``, ```y```.
  function unwrapped(text) {
    var t = trimmed(text);
    var fences = ['```', '``', '`'];
    for (var i = 0; i < fences.length; i++) {
      var fence = fences[i];
      if (Array.from(t).length > 2 * fence.length && t.startsWith(fence) && t.endsWith(fence)) {
        var inner = t.slice(fence.length, t.length - fence.length);
        if (inner.startsWith('`') || inner.endsWith('`') || inner.indexOf(fence) >= 0) continue;
        var body = trimmed(inner);
        if (body.length > 0) return body;
      }
    }
    return t;
  }

  // Commas resolved: `3,000` → `3000` (thousands groups), `0,25` → `0.25` (a decimal comma);
  // null when they are neither.
  function plainDecimal(text) {
    if (text.indexOf(',') < 0) return text;
    var sign = '';
    var digits = text;
    if (digits[0] === '-' || digits[0] === '+') { sign = digits[0]; digits = digits.slice(1); }
    if (/^[1-9]\d{0,2}(,\d{3})+(\.\d*)?$/.test(digits)) return sign + digits.replace(/,/g, '');
    if (/^\d+,\d+$/.test(digits)) return sign + digits.replace(',', '.');
    return null;
  }

  var UNIT_SUFFIX = /^(?<number>[-+]?[\d.,]+(?:[eE][-+]?\d+)?)\s*(?<unit>per cent|[\p{L}µ°]+(?:[\/-][\p{L}µ°]+)*)$/u;
  var PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

  // A number as a learner writes it: `0.2`, `.2`, `2e-1`, `-3`, `20%` (where the key allows
  // percentages; `20 percent` too), `3,000`, a decimal comma (`0,25`) and one unit word
  // (`300 s`, `5 req/s`), which is not checked.
  function parseNumber(text, allowPercent) {
    var body = unwrapped(text).replace(/\u2212/g, '-');
    var isPercent = false;
    var match = UNIT_SUFFIX.exec(body);
    if (match) {
      isPercent = ['percent', 'per cent', 'pct'].indexOf(match.groups.unit.toLowerCase()) >= 0;
      body = match.groups.number;
    } else if (body.endsWith('%')) {
      isPercent = true;
      body = body.slice(0, -1).replace(/^[ \t]+|[ \t]+$/g, '');
    }
    if (isPercent && !allowPercent) return null;
    var exponentAt = body.search(/[eE]/);
    if (exponentAt < 0) exponentAt = body.length;
    var mantissa = plainDecimal(body.slice(0, exponentAt));
    if (mantissa === null) return null;
    var written = mantissa + body.slice(exponentAt);
    if (!PLAIN_NUMBER.test(written)) return null;
    var value = Number(written);
    if (!isFinite(value)) return null;
    return isPercent ? value / 100 : value;
  }

  // --- OutputMatcher: line endings unified, trailing whitespace and blank lines dropped.
  function normalizeOutput(text) {
    var lines = text.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n').map(function (line) {
      return line.replace(/\s+$/u, '');
    });
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  function collapseOutputWhitespace(text) {
    return text.split('\n').filter(function (line) { return line.length > 0; }).map(function (line) {
      return line.split(/[ \t]+/).filter(function (part) { return part.length > 0; }).join(' ');
    }).filter(function (line) { return line.length > 0; }).join('\n');
  }

  function prepareOutput(text, options) {
    var normal = normalizeOutput(text);
    return options.whitespace ? collapseOutputWhitespace(normal) : normal;
  }

  // `...` stands for any text, matched piece by piece from the left.
  function ellipsisMatch(pattern, text) {
    var pieces = pattern.split('...');
    var rest = text;
    if (!rest.startsWith(pieces[0])) return false;
    rest = rest.slice(pieces[0].length);
    for (var i = 1; i < pieces.length; i++) {
      var piece = pieces[i];
      if (i === pieces.length - 1) return piece.length === 0 || rest.endsWith(piece);
      var at = rest.indexOf(piece);
      if (at < 0) return false;
      rest = rest.slice(at + piece.length);
    }
    return true;
  }

  function outputMatches(expected, actual, options) {
    var want = prepareOutput(expected, options);
    var got = prepareOutput(actual, options);
    if (!options.ellipsis || want.indexOf('...') < 0) return want === got;
    return ellipsisMatch(want, got);
  }

  // --- UnifiedDiff: the expected output against the learner's, line by line with three lines
  // of context, as `diff -u` prints it and as `preflight quiz` shows a wrong prediction (the
  // same longest-common-subsequence script, the same hunks, the same ties).
  function diffScript(a, b) {
    var n = a.length, m = b.length, edits = [], i, j;
    if (n * m > 4000000) {
      for (i = 0; i < n; i++) edits.push({ kind: '-', text: a[i], oldIndex: i, newIndex: 0 });
      for (j = 0; j < m; j++) edits.push({ kind: '+', text: b[j], oldIndex: n, newIndex: j });
      return edits;
    }
    var width = m + 1;
    var table = new Int32Array((n + 1) * width);
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
      }
    }
    i = 0;
    j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) {
        edits.push({ kind: ' ', text: a[i], oldIndex: i, newIndex: j }); i++; j++;
      } else if (i < n && (j === m || table[(i + 1) * width + j] >= table[i * width + j + 1])) {
        edits.push({ kind: '-', text: a[i], oldIndex: i, newIndex: j }); i++;
      } else {
        edits.push({ kind: '+', text: b[j], oldIndex: i, newIndex: j }); j++;
      }
    }
    return edits;
  }

  function firstIndex(edits, from, changed) {
    for (var k = from; k < edits.length; k++) if ((edits[k].kind !== ' ') === changed) return k;
    return -1;
  }

  // '' when the texts have the same lines.
  function unifiedDiff(expected, actual, actualLabel) {
    var context = 3;
    var edits = diffScript(expected === '' ? [] : expected.split('\n'), actual === '' ? [] : actual.split('\n'));
    if (firstIndex(edits, 0, true) < 0) return '';
    var lines = ['--- expected', '+++ ' + actualLabel];
    var index = 0;
    while (index < edits.length) {
      var change = firstIndex(edits, index, true);
      if (change < 0) break;
      var start = Math.max(change - context, index);
      var end = change;
      // Extend the hunk while the next change is within two contexts' reach.
      for (;;) {
        var nextSame = firstIndex(edits, end, false);
        if (nextSame < 0) { end = edits.length; break; }
        var nextChange = firstIndex(edits, nextSame, true);
        if (nextChange < 0 || nextChange - nextSame > context * 2) { end = Math.min(nextSame + context, edits.length); break; }
        end = nextChange;
      }
      var hunk = edits.slice(start, end);
      var oldStart = (hunk.length ? hunk[0].oldIndex : 0) + 1, newStart = (hunk.length ? hunk[0].newIndex : 0) + 1;
      var oldCount = hunk.filter(function (e) { return e.kind !== '+'; }).length;
      var newCount = hunk.filter(function (e) { return e.kind !== '-'; }).length;
      lines.push('@@ -' + (oldCount === 0 ? oldStart - 1 : oldStart) + ',' + oldCount + ' +' + (newCount === 0 ? newStart - 1 : newStart) + ',' + newCount + ' @@');
      hunk.forEach(function (e) { lines.push(e.kind + e.text); });
      index = end;
    }
    return lines.join('\n');
  }

  // --- Answer keys.
  function regexFor(pattern) {
    try { return new RegExp('^(?:' + pattern + ')$', 'iu'); } catch (error) {
      try { return new RegExp('^(?:' + pattern + ')$', 'i'); } catch (again) { return null; }
    }
  }

  function keyMatches(text, key) {
    var answer = unwrapped(text);
    if (key.type === 'text') return normalize(answer) === normalize(key.text);
    if (key.type === 'regex') {
      var regex = regexFor(key.pattern);
      return regex !== null && regex.test(collapseWhitespace(answer.normalize('NFC')));
    }
    if (key.type === 'number') {
      var given = parseNumber(answer, key.percent);
      if (given === null) return false;
      return Math.abs(given - key.value) <= key.tolerance + 1e-9 * Math.max(1, Math.abs(key.value));
    }
    return false;
  }

  function letter(index) { return String.fromCharCode(65 + (index % 26)); }

  function formatNumber(value) {
    if (value === Math.round(value) && Math.abs(value) < 1e15) return String(Math.round(value));
    var short = Number(value.toPrecision(10));
    return Math.abs(short - value) < 1e-12 * Math.max(1, Math.abs(value)) ? String(short) : String(value);
  }

  function describeKey(key) {
    if (key.type === 'text') return key.text;
    if (key.type === 'regex') return 'text matching /' + key.pattern + '/';
    var shown = key.percent ? formatNumber(key.value * 100) + '%' : formatNumber(key.value);
    if (!(key.tolerance > 0)) return shown;
    return shown + ' ± ' + (key.percent ? formatNumber(key.tolerance * 100) + '%' : formatNumber(key.tolerance));
  }

  // `shown[i]` is the authored index of the option lettered i.
  function identity(count) {
    var order = [];
    for (var i = 0; i < count; i++) order.push(i);
    return order;
  }

  function describeChoices(indexes, options, shown) {
    return indexes.filter(function (i) { return i < options.length; }).map(function (i) {
      var position = shown ? shown.indexOf(i) : i;
      return { position: position < 0 ? i : position, text: options[i].text };
    }).sort(function (a, b) { return a.position - b.position; }).map(function (entry) {
      return letter(entry.position) + ' (' + entry.text + ')';
    }).join(', ');
  }

  function rightAnswer(question, shown) {
    switch (question.kind) {
      case 'single-choice': case 'select-all': case 'true-false':
        return describeChoices(question.options.map(function (o, i) { return o.correct ? i : -1; }).filter(function (i) { return i >= 0; }), question.options, shown);
      case 'short-answer':
        var plain = question.keys.find(function (key) { return key.type !== 'regex'; });
        return describeKey(plain || question.keys[0]);
      case 'predict-output':
        return normalizeOutput(question.output.text);
      case 'ordering':
        return question.items.join(' → ');
    }
    return '';
  }

  function describeResponse(question, response, shown) {
    switch (response.type) {
      case 'skipped': return '(skipped)';
      case 'text': return response.text;
      case 'choice': return describeChoices(response.picked.slice(), question.options, shown);
      case 'ordering': return response.order.map(function (i) { return i < question.items.length ? question.items[i] : '?'; }).join(' → ');
    }
    return '';
  }

  // Grades one response. `response` is {type: 'choice', picked: [authored indexes]},
  // {type: 'text', text}, {type: 'ordering', order: [authored indexes]} or {type: 'skipped'};
  // `shown` is the display order, so answers are described with the letters the learner saw.
  function grade(question, response, shown) {
    var result = {
      questionID: question.id, correct: false, score: 0,
      given: describeResponse(question, response, shown), rightAnswer: rightAnswer(question, shown),
      explanation: question.explanation || null, feedback: [], skipped: response.type === 'skipped', diff: null
    };
    if (result.skipped) return result;
    var kind = question.kind;
    if ((kind === 'single-choice' || kind === 'select-all' || kind === 'true-false') && response.type === 'choice') {
      var picked = Array.from(new Set(response.picked)).sort(function (a, b) { return a - b; });
      var right = question.options.map(function (o, i) { return o.correct ? i : -1; }).filter(function (i) { return i >= 0; });
      var hits = picked.filter(function (i) { return right.indexOf(i) >= 0; }).length;
      var falsePicks = picked.length - hits;
      result.correct = hits === right.length && falsePicks === 0;
      if (kind === 'select-all') result.score = Math.max(0, hits - falsePicks) / right.length;
      result.feedback = picked.filter(function (i) { return i < question.options.length && question.options[i].feedback; })
        .map(function (i) { return question.options[i].feedback; });
    } else if (kind === 'short-answer' && response.type === 'text') {
      result.correct = question.keys.some(function (key) { return keyMatches(response.text, key); });
    } else if (kind === 'predict-output' && response.type === 'text') {
      result.correct = outputMatches(question.output.text, response.text, question.output);
      if (!result.correct) {
        result.diff = unifiedDiff(prepareOutput(question.output.text, question.output), prepareOutput(response.text, question.output), 'your answer') || null;
      }
    } else if (kind === 'ordering' && response.type === 'ordering') {
      var inPlace = response.order.filter(function (item, position) { return item === position; }).length;
      result.correct = response.order.length === question.items.length && inPlace === question.items.length;
      result.score = question.items.length === 0 ? 0 : inPlace / question.items.length;
    }
    // An answer's score is its credit: 1 when exact; partial credit only for select-all and
    // ordering; 0 otherwise.
    if (result.correct) result.score = 1;
    else if (kind !== 'select-all' && kind !== 'ordering') result.score = 0;
    return result;
  }

  // --- ResponseParser: what a learner types, read as in `preflight quiz`.
  // `A,C`, `a c`, `AC`, `a) c)`, `(a), (c)`, `A. C.` → ['A', 'C']; null for anything else.
  function letterList(text, count) {
    var pieces = text.toUpperCase().split(/[,;\s]+/u).filter(function (piece) { return piece.length > 0; });
    var letters = [];
    for (var p = 0; p < pieces.length; p++) {
      var match = /^\(?([A-Z]+)(\)|\.)?$/.exec(pieces[p]);
      if (!match) return null;
      if (pieces[p][0] === '(' && match[2] !== ')') return null;
      for (var i = 0; i < match[1].length; i++) {
        var code = match[1].charCodeAt(i);
        if (code < 65 || code >= 65 + Math.min(count, 26)) return null;
        letters.push(match[1][i]);
      }
    }
    return letters;
  }

  function trueFalseIndex(text, options) {
    var word = text.toLowerCase();
    var wanted = (word === 'true' || word === 't' || word === 'yes') ? 'true' : (word === 'false' || word === 'f' || word === 'no') ? 'false' : null;
    if (wanted === null) return -1;
    return options.findIndex(function (option) { return option.text.toLowerCase() === wanted; });
  }

  // Returns {response} or {error: message}.
  function parse(input, question, shown) {
    var text = input.trim();
    if (text.length === 0 || text.toLowerCase() === 'skip') return { response: { type: 'skipped' } };
    var kind = question.kind;
    if (kind === 'single-choice' || kind === 'select-all' || kind === 'true-false') {
      text = unwrapped(text);
      var options = question.options;
      var order = shown || identity(options.length);
      if (kind === 'true-false') {
        var index = trueFalseIndex(text, options);
        if (index >= 0) return { response: { type: 'choice', picked: [index] } };
      }
      var letters = letterList(text, options.length);
      if (letters === null || letters.length === 0) return { error: 'answer with the letter of your choice' };
      if (kind !== 'select-all' && letters.length > 1) return { error: 'this question has one right answer: give one letter' };
      var picked = letters.map(function (l) { return order[l.charCodeAt(0) - 65]; });
      return { response: { type: 'choice', picked: Array.from(new Set(picked)) } };
    }
    if (kind === 'ordering') {
      text = unwrapped(text);
      var count = question.items.length;
      var list = letterList(text, count);
      if (list === null || list.length !== count || new Set(list).size !== count) return { error: 'give all ' + count + ' letters once each, in your order' };
      var itemOrder = shown || identity(count);
      return { response: { type: 'ordering', order: list.map(function (l) { return itemOrder[l.charCodeAt(0) - 65]; }) } };
    }
    return { response: { type: 'text', text: input } };
  }

  // --- Seeded shuffling, bit for bit as the Swift side does it (SplitMix64, Swift's
  // Fisher-Yates and Lemire's bounded draw), so a seed gives the same order in the terminal.
  var MASK = (1n << 64n) - 1n;

  function SeededGenerator(seed) { this.state = BigInt.asUintN(64, BigInt(seed)); }
  SeededGenerator.prototype.next = function () {
    this.state = (this.state + 0x9E3779B97F4A7C15n) & MASK;
    var z = this.state;
    z = ((z ^ (z >> 30n)) * 0xBF58476D1CE4E5B9n) & MASK;
    z = ((z ^ (z >> 27n)) * 0x94D049BB133111EBn) & MASK;
    return z ^ (z >> 31n);
  };
  SeededGenerator.prototype.below = function (upperBound) {
    var bound = BigInt(upperBound);
    var random = this.next();
    var product = random * bound;
    var low = product & MASK;
    if (low < bound) {
      var threshold = ((MASK + 1n) - bound) % bound;
      while (low < threshold) {
        random = this.next();
        product = random * bound;
        low = product & MASK;
      }
    }
    return Number(product >> 64n);
  };
  SeededGenerator.prototype.shuffled = function (array) {
    var result = array.slice();
    if (result.length < 2) return result;
    var amount = result.length;
    var current = 0;
    while (amount > 1) {
      var random = this.below(amount);
      amount -= 1;
      var other = current + random;
      var swap = result[current]; result[current] = result[other]; result[other] = swap;
      current += 1;
    }
    return result;
  };

  function optionCount(question) {
    if (question.options) return question.options.length;
    if (question.items) return question.items.length;
    return 0;
  }

  // QuizPlan.make: which questions (all, or a balanced draw from each pool) and the order of
  // each question's options. True/false stays True, False.
  function plan(pools, count, balanced, seed) {
    var generator = new SeededGenerator(seed);
    var all = [].concat.apply([], pools);
    var chosen = all;
    if (count !== null && count < all.length) {
      if (balanced) {
        var shuffledPools = pools.map(function (pool) { return generator.shuffled(pool); });
        var picked = [];
        var round = 0;
        while (picked.length < count && shuffledPools.some(function (pool) { return round < pool.length; })) {
          for (var p = 0; p < shuffledPools.length; p++) {
            if (round < shuffledPools[p].length && picked.length < count) picked.push(shuffledPools[p][round]);
          }
          round += 1;
        }
        var ids = new Set(picked.map(function (q) { return q.id; }));
        chosen = all.filter(function (q) { return ids.has(q.id); });
      } else {
        var indexes = new Set(generator.shuffled(identity(all.length)).slice(0, count));
        chosen = all.filter(function (q, i) { return indexes.has(i); });
      }
    }
    var orders = chosen.map(function (question) {
      var size = optionCount(question);
      return question.kind === 'true-false' ? identity(size) : generator.shuffled(identity(size));
    });
    return { questions: chosen, orders: orders };
  }

  global.PreflightGrader = {
    normalize: normalize, parseNumber: parseNumber, unwrapped: unwrapped, outputMatches: outputMatches, keyMatches: keyMatches, unifiedDiff: unifiedDiff,
    grade: grade, parse: parse, rightAnswer: rightAnswer, letter: letter, plan: plan, identity: identity,
    SeededGenerator: SeededGenerator
  };
})(window);
