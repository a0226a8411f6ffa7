// papertrail search: reads the sharded index under search/ (see src/search/).
// Everything is built with DOM text nodes, never innerHTML: titles are untrusted input.
(function () {
  'use strict';
  var STOP = ['an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is',
    'it', 'its', 'of', 'on', 'or', 'our', 'that', 'the', 'their', 'this', 'to', 'via', 'we', 'with'];
  var PER = 20, PAGE = 30, MAX_TERMS = 200, PAUSE = 350;
  // English stemming: Porter's 1980 rules, step for step as in src/search/stem.rs (the
  // index holds stems, so a query word must be stemmed the same way to be found).
  // tests/fixtures/stem_vectors.tsv holds both to the same answers.
  function consonant(w, i) {
    var c = w[i];
    if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
    if (c === 'y') return i === 0 || !consonant(w, i - 1);
    return true;
  }
  function measure(w) {
    var m = 0, vowel = false;
    for (var i = 0; i < w.length; i++) {
      if (consonant(w, i)) { if (vowel) { m++; vowel = false; } } else vowel = true;
    }
    return m;
  }
  function hasVowel(w) {
    for (var i = 0; i < w.length; i++) if (!consonant(w, i)) return true;
    return false;
  }
  function doubleConsonant(w) {
    var n = w.length;
    return n >= 2 && w[n - 1] === w[n - 2] && consonant(w, n - 1);
  }
  function cvc(w) {
    var n = w.length;
    return n >= 3 && consonant(w, n - 3) && !consonant(w, n - 2) && consonant(w, n - 1) &&
      'wxy'.indexOf(w[n - 1]) < 0;
  }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  var STEP2 = [['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'],
    ['izer', 'ize'], ['abli', 'able'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'],
    ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'],
    ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'],
    ['iviti', 'ive'], ['biliti', 'ble']];
  var STEP3 = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'],
    ['ful', ''], ['ness', '']];
  var STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
    'ion', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'];
  // The longest of `suffixes` that w ends with, or null.
  function longest(w, suffixes) {
    var best = null;
    suffixes.forEach(function (s) { if (ends(w, s) && (!best || s.length > best.length)) best = s; });
    return best;
  }
  function replaceLongest(w, rules) {
    var s = longest(w, rules.map(function (r) { return r[0]; }));
    if (s === null) return w;
    var rest = w.slice(0, w.length - s.length);
    if (measure(rest) === 0) return w;
    return rest + rules.find(function (r) { return r[0] === s; })[1];
  }
  function stem(word) {
    if (word.length < 3 || !/^[a-z]+$/.test(word)) return word;
    var w = word;
    // Step 1a.
    if (ends(w, 'sses') || ends(w, 'ies')) w = w.slice(0, -2);
    else if (ends(w, 's') && !ends(w, 'ss')) w = w.slice(0, -1);
    // Step 1b.
    if (ends(w, 'eed')) {
      if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
    } else {
      var removed = ['ed', 'ing'].find(function (s) {
        return ends(w, s) && hasVowel(w.slice(0, w.length - s.length));
      });
      if (removed) {
        w = w.slice(0, w.length - removed.length);
        if (ends(w, 'at') || ends(w, 'bl') || ends(w, 'iz')) w += 'e';
        else if (doubleConsonant(w) && 'lsz'.indexOf(w[w.length - 1]) < 0) w = w.slice(0, -1);
        else if (measure(w) === 1 && cvc(w)) w += 'e';
      }
    }
    // Step 1c.
    if (ends(w, 'y') && hasVowel(w.slice(0, -1))) w = w.slice(0, -1) + 'i';
    w = replaceLongest(w, STEP2);
    w = replaceLongest(w, STEP3);
    // Step 4.
    var s4 = longest(w, STEP4);
    if (s4 !== null) {
      var rest = w.slice(0, w.length - s4.length);
      if (measure(rest) > 1 && (s4 !== 'ion' || ends(rest, 's') || ends(rest, 't'))) w = rest;
    }
    // Step 5.
    if (ends(w, 'e')) {
      var m = measure(w.slice(0, -1));
      if (m > 1 || (m === 1 && !cvc(w.slice(0, -1)))) w = w.slice(0, -1);
    }
    if (measure(w) > 1 && doubleConsonant(w) && ends(w, 'l')) w = w.slice(0, -1);
    return w;
  }
  // For the browser checks, which hold stem() to the shared vectors.
  window.papertrailStem = stem;

  var form = document.getElementById('search');
  if (!form) return;
  var input = form.elements.q, status = document.getElementById('status');
  var list = document.getElementById('results'), more = document.getElementById('more');
  var here = location.href.split('#')[0].split('?')[0];
  var cache = {};

  // The letters and digits of CJK text (Han, kana, Hangul), indexed by overlapping
  // pairs of characters: src/search/cjk.rs, whose test holds these ranges to its own.
  var CJK = '\u{1100}-\u{11ff}\u{3005}-\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303b}\u{3041}-\u{309f}\u{30a1}-\u{30ff}\u{3131}-\u{318e}\u{31f0}-\u{31ff}\u{3400}-\u{4dbf}\u{4e00}-\u{9fff}\u{a960}-\u{a97f}\u{ac00}-\u{d7ff}\u{f900}-\u{faff}\u{ff66}-\u{ff9f}\u{ffa0}-\u{ffdc}\u{20000}-\u{323af}';
  var CJK_CHAR = '(?:(?=[' + CJK + '])[\\p{Alphabetic}\\p{N}])';
  var CJK_RUN = new RegExp('(' + CJK_CHAR + '+)', 'u');
  // A run of CJK text, or a word: what highlight() marks.
  var PIECE = CJK_CHAR + '+|(?:(?!' + CJK_CHAR + ')[\\p{Alphabetic}\\p{N}])+';
  // Every word of `text`, lowercased, with whether it is indexed (not one character
  // long nor a stop word), and the bigrams of its CJK text (a lone character as
  // itself), always indexed: src/search/words.rs.
  function tokens(text) {
    var out = [];
    text.split(/[^\p{Alphabetic}\p{N}]+/u).forEach(function (run) {
      // Split by a capturing group: CJK text at the odd places, the words between.
      run.split(CJK_RUN).forEach(function (piece, i) {
        if (!piece) return;
        if (i % 2) {
          var cs = Array.from(piece);
          if (cs.length === 1) out.push({ w: piece, kept: true });
          for (var k = 0; k + 1 < cs.length; k++) out.push({ w: cs[k] + cs[k + 1], kept: true });
          return;
        }
        var w = piece.toLowerCase();
        out.push({ w: w, kept: Array.from(w).length > 1 && STOP.indexOf(w) < 0 });
      });
    });
    return out;
  }
  // For the browser checks, which hold tokens() to the shared vectors.
  window.papertrailTokens = function (text) {
    return tokens(text).map(function (t) { return (t.kept ? '' : '-') + t.w; });
  };
  function words(text) {
    return tokens(text).filter(function (t) { return t.kept; }).map(function (t) { return t.w; });
  }
  // The arXiv id in a query that is only an id (2507.01234, arXiv:2507.01234v2) or an
  // arxiv.org abs/pdf or huggingface.co papers URL, without its version; else null.
  function arxivId(q) {
    var s = q.trim(), id = '(\\d{4}\\.\\d{4,5})(?:v\\d+)?';
    var m = new RegExp('^(?:arxiv:)?' + id + '$', 'i').exec(s) ||
      new RegExp('^(?:https?://)?(?:[a-z]+\\.)?(?:arxiv\\.org/(?:abs|pdf)|huggingface\\.co/papers)/' +
        id + '(?:\\.pdf)?/?(?:[?#].*)?$', 'i').exec(s);
    return m ? m[1] : null;
  }
  // A term's shard (src/search/shards.rs): its first two characters, or three where
  // meta.json lists the two as split; a hash bucket of those when the two are not plain
  // [a-z0-9] (other scripts).
  function key(term, meta) {
    var chars = Array.from(term), two = chars.slice(0, 2).join('');
    var k = chars.slice(0, (meta.split || []).indexOf(two) >= 0 ? 3 : 2).join('');
    if (!/^[a-z0-9]+$/.test(two)) return '_u' + bucket(k, meta.buckets || 1);
    if (/^[a-z0-9]+$/.test(k)) return k;
    return '_' + Array.from(new TextEncoder().encode(k)).map(function (b) {
      return (b < 16 ? '0' : '') + b.toString(16);
    }).join('');
  }
  // For the browser checks, which hold key() and pairKeys() to the index's.
  window.papertrailPairs = function (text) { return pairKeys(text); };
  window.papertrailKey = function (term, split, buckets) {
    return key(term, { split: split ? [Array.from(term).slice(0, 2).join('')] : [], buckets: buckets });
  };
  // The numbers of a postings string (src/search/encode.rs): base-91 digits from `#`,
  // skipping `\\`, least significant first; digits from FINAL up carry on to the next,
  // each worth CARRY times the one before, and a digit below FINAL ends the number.
  // Each number is the gap from the one before it.
  var FINAL = 60, CARRY = 31;
  function numbers(s) {
    var out = [], v = 0, weight = 1;
    for (var i = 0; i < (s || '').length; i++) {
      var d = s.charCodeAt(i) - 0x23;
      if (d > 0x5c - 0x23) d--;
      v += d * weight;
      if (d < FINAL) { out.push(v); v = 0; weight = 1; } else weight *= CARRY;
    }
    return out;
  }
  // For the browser checks, which hold numbers() to the index's.
  window.papertrailNumbers = numbers;
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, here)).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(r.status + ' ' + path);
        return r.json();
      });
    }
    return cache[path];
  }
  // Whether a and b differ by exactly one edit: a letter inserted, deleted, replaced, or
  // two neighbours swapped.
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
    if (a.length < b.length) return a.slice(i) === b.slice(i + 1);
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }
  // doc -> spelt * 8 + field * 2 + exact for one query word: spelt is 0 when the paper
  // has the word only as a term one edit away (typo tolerance, for words of five letters
  // or more); field is where the word is found (3 title or id, 2 tags, 1 authors,
  // 0 summary: the index's `doc * 4 + field`); exact is 1 when its stem is the term
  // rather than the beginning of one. A paper keeps its best value. Terms matched by a
  // typo are added to `marked` to be highlighted.
  function match(word) {
    var s = stem(word);
    return load('meta.json').then(function (meta) {
      return load('t/' + key(s, meta || {}) + '.json');
    }).then(function (shard) {
      var hits = new Map();
      if (!shard) return hits;
      var prefix = Array.from(s).length >= 3;
      // A word still being typed may be a longer word's unfinished form, whose stem it
      // extends by a few letters (diffusi, of diffusion: diffus).
      var unfinished = function (term) {
        return term.length >= 4 && term.length + 3 >= word.length && word.lastIndexOf(term, 0) === 0;
      };
      // A typo may sit in the stem (difusion: difus, one edit from diffus) or in the
      // ending (diffsuion): the stems of the typed word's one-edit variants count too.
      var typos = Array.from(word).length >= 5, near = new Set();
      if (typos && /^[a-z]+$/.test(word)) {
        var abc = 'abcdefghijklmnopqrstuvwxyz';
        for (var i = 0; i <= word.length; i++) {
          var head = word.slice(0, i), tail = word.slice(i);
          if (tail.length >= 2) near.add(stem(head + tail[1] + tail[0] + tail.slice(2)));
          for (var c = 0; c < 26; c++) {
            near.add(stem(head + abc[c] + tail));
            if (tail) near.add(stem(head + abc[c] + tail.slice(1)));
          }
          if (tail) near.add(stem(head + tail.slice(1)));
        }
      }
      // The terms the word matches as typed; only a word the index holds in no form
      // (as its stem, nor the beginning of a term) is looked up as a typo, and then
      // only among terms of four letters or more: `kaiming` never finds `kai`.
      // A longer term matches when it begins with the word as typed (diffu: diffus), not
      // merely with its stem: kaiming (stem kaim) is a whole word, not the beginning of
      // kaimoon.
      var terms = Object.keys(shard), spelt = terms.filter(function (term) {
        return term === s || (prefix && (term.lastIndexOf(word, 0) === 0 || unfinished(term)));
      }).slice(0, MAX_TERMS);
      var typo = [];
      if (!spelt.length && typos) {
        typo = terms.filter(function (term) {
          return Array.from(term).length >= 4 && (oneEdit(s, term) || near.has(term));
        });
        marked.push.apply(marked, typo);
      }
      var add = function (term, base) {
        var v = 0, exact = term === s ? 1 : 0;
        numbers(shard[term]).forEach(function (d) {
          v += d;
          // Author names match whole: a name is not found by its beginning.
          if (!exact && base && (v & 3) === 1) return;
          var doc = v >> 2, w = base + (v & 3) * 2 + exact;
          if (!hits.has(doc) || hits.get(doc) < w) hits.set(doc, w);
        });
      };
      spelt.forEach(function (term) { add(term, 8); });
      typo.forEach(function (term) { add(term, 0); });
      return hits;
    });
  }
  // FNV-1a of `text`'s UTF-8 bytes, its high half folded into the low one: the bucket
  // of a pair of stems in the phrase index, and of a term in another script (src/search/encode.rs).
  function bucket(text, count) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(text).forEach(function (b) { h = Math.imul(h ^ b, 0x01000193) >>> 0; });
    return (h ^ (h >>> 16)) & (count - 1);
  }
  // The pairs of the phrase index a query makes (src/search/pairs.rs): each two
  // neighbouring indexed words' stems, with the words left out between them.
  function pairKeys(text) {
    var keys = [], prev = null, gap = '';
    tokens(text).forEach(function (t) {
      if (!t.kept) { if (prev !== null) gap += t.w + ' '; return; }
      var s = stem(t.w);
      if (prev !== null && prev !== s) keys.push(prev + ' ' + gap + s);
      prev = s; gap = '';
    });
    return keys;
  }
  // For each pair of the query, the set of papers whose title holds it (the phrase
  // index, search/p/).
  function phrase(text) {
    var pairs = pairKeys(text);
    return load('meta.json').then(function (meta) {
      var count = meta && meta.pairs;
      return Promise.all(pairs.map(function (pair) {
        if (!count) return new Set();
        return load('p/' + bucket(pair, count) + '.json').then(function (file) {
          var docs = new Set(), v = 0;
          numbers(file && file[pair]).forEach(function (d) { v += d; docs.add(v); });
          return docs;
        });
      }));
    });
  }
  // Appends `text` to `el` as text nodes, the words matching a query stem (exactly, or
  // as its beginning for stems of three letters or more) and the CJK characters of the
  // query's bigrams in <mark>: DOM nodes only, never HTML, since titles and summaries
  // are untrusted.
  var marked = [];
  function highlight(el, text) {
    var re = new RegExp(PIECE, 'gu'), at = 0, m;
    var mark = function (from, to) {
      if (from > at) el.append(text.slice(at, from));
      var node = document.createElement('mark');
      node.textContent = text.slice(from, to);
      el.append(node);
      at = to;
    };
    while ((m = re.exec(text))) {
      if (CJK_RUN.test(m[0])) {
        // Each character of a query bigram found here, neighbours marked as one.
        var cs = Array.from(m[0]), on = cs.map(function () { return false; });
        if (cs.length === 1) on[0] = marked.indexOf(cs[0]) >= 0;
        for (var k = 0; k + 1 < cs.length; k++) {
          if (marked.indexOf(cs[k] + cs[k + 1]) >= 0) on[k] = on[k + 1] = true;
        }
        var pos = m.index, from = -1;
        for (k = 0; k <= cs.length; k++) {
          if (k < cs.length && on[k]) { if (from < 0) from = pos; } else if (from >= 0) { mark(from, pos); from = -1; }
          if (k < cs.length) pos += cs[k].length;
        }
        continue;
      }
      var st = stem(m[0].toLowerCase());
      var hit = marked.some(function (q) {
        return st === q || (q.length >= 3 && st.lastIndexOf(q, 0) === 0);
      });
      if (hit) mark(m.index, m.index + m[0].length);
    }
    if (at < text.length) el.append(text.slice(at));
  }
  // `2025-07-04` as the theme writes dates in lists: `4 Jul 2025`.
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  function shortDate(iso) {
    var m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
    return m ? +m[3] + ' ' + MONTHS[+m[2] - 1] + ' ' + m[1] : iso;
  }
  // doc: [id, title, authors, date, [tag names], excerpt] (src/search/index.rs).
  function item(doc) {
    var li = document.createElement('li'), a = document.createElement('a');
    a.href = new URL('../papers/' + encodeURIComponent(doc[0]) + '/', here).href;
    highlight(a, doc[1]);
    var meta = document.createElement('small');
    var time = document.createElement('time');
    time.dateTime = doc[3];
    time.textContent = shortDate(doc[3]);
    meta.append(time);
    if (doc[2]) meta.append(' · ' + doc[2]);
    if (doc[4] && doc[4].length) meta.append(' · ' + doc[4].join(', '));
    li.append(a, ' ', meta);
    if (doc[5]) {
      var p = document.createElement('p');
      highlight(p, doc[5]);
      li.append(p);
    }
    return li;
  }
  var ranked = [], shown = 0, run = 0;
  function show(id) {
    var slice = ranked.slice(shown, shown + PAGE);
    var shards = Array.from(new Set(slice.map(function (d) { return Math.floor(d / PER); })));
    return Promise.all(shards.map(function (s) { return load('d/' + s + '.json'); })).then(function (got) {
      if (id !== run) return;
      var byShard = {};
      shards.forEach(function (s, i) { byShard[s] = got[i]; });
      slice.forEach(function (d) { list.append(item(byShard[Math.floor(d / PER)][d % PER])); });
      shown += slice.length;
      more.hidden = shown >= ranked.length;
    });
  }
  // The query last run: typing then pressing Enter must not run it twice (the list
  // would empty and refill).
  var last = null;
  // go: whether an arXiv id or URL that names a paper of the archive opens that paper
  // (on Enter and on arriving with ?q=, not while typing).
  // missing: go was refused, the archive has no such paper.
  function search(q, go, missing) {
    var paper = arxivId(q);
    if (paper && go) {
      var url = new URL('../papers/' + encodeURIComponent(paper) + '/', here).href;
      status.textContent = 'Looking for ' + paper + '…';
      fetch(url, { method: 'HEAD' }).then(function (r) {
        if (r.ok) { location.replace(url); return; }
        last = null;
        search(q, false, true);
      }, function () { last = null; search(q, false, true); });
      return;
    }
    if (q === last) return;
    last = q;
    // An id or URL searches for the id alone: its paper when the archive has it.
    // Words of one stem count once (`model models` is one word, not a phrase of two).
    var id = ++run, seen = new Set(), ws = words(paper || q).filter(function (w) {
      var s = stem(w);
      return !seen.has(s) && seen.add(s);
    });
    marked = ws.map(stem);
    list.textContent = '';
    more.hidden = true;
    ranked = []; shown = 0;
    if (!ws.length) { status.textContent = q.trim() ? 'Type a longer word.' : ''; return; }
    status.textContent = 'Searching…';
    Promise.all([Promise.all(ws.map(match)), phrase(paper || q)]).then(function (got) {
      if (id !== run) return;
      // A paper's rank: found with every word as typed before found through a typo;
      // then the weakest field among the words, a title holding the query as a phrase
      // (each two neighbouring words side by side, in order) counting above a title
      // holding the words apart (then all at least in tags, authors, the summary); then
      // how many words matched exactly; then newest (documents are numbered newest
      // first).
      var maps = got[0], pairs = got[1];
      maps.sort(function (a, b) { return a.size - b.size; });
      var score = new Map();
      var parts = function (w) { return [w >> 3, (w >> 1) & 3, w & 1]; };
      maps[0].forEach(function (w, d) { score.set(d, parts(w)); });
      maps.slice(1).forEach(function (m) {
        score.forEach(function (s, d) {
          var w = m.get(d);
          if (w === undefined) { score.delete(d); return; }
          var p = parts(w);
          score.set(d, [Math.min(s[0], p[0]), Math.min(s[1], p[1]), s[2] + p[2]]);
        });
      });
      score.forEach(function (s, d) {
        if (s[1] === 3 && pairs.every(function (p) { return p.has(d); })) s[1] = 4;
      });
      ranked = Array.from(score.keys()).sort(function (a, b) {
        var x = score.get(a), y = score.get(b);
        return y[0] - x[0] || y[1] - x[1] || y[2] - x[2] || a - b;
      });
      status.textContent = (missing ? 'No paper ' + paper + ' in this archive. ' : '') +
        (ranked.length === 1 ? '1 paper found.' : ranked.length + ' papers found.');
      return show(id);
    }).catch(function (e) {
      if (id !== run) return;
      status.textContent = location.protocol === 'file:'
        ? 'Search cannot read its index from a file: URL. Serve the site over HTTP (python3 -m http.server).'
        : 'Search failed: ' + e.message;
    });
  }
  more.addEventListener('click', function () { show(run); });
  var timer;
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    clearTimeout(timer);
    var q = input.value;
    history.replaceState(null, '', '?q=' + encodeURIComponent(q));
    search(q, true);
  });
  input.addEventListener('input', function () {
    clearTimeout(timer);
    // Sent when typing pauses: every word on the way (`K`, `Ka`, `Kai`…) would fetch
    // files of its own.
    timer = setTimeout(function () { search(input.value); }, PAUSE);
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; search(q, true); }
})();
