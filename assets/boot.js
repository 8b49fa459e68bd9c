// Quire's first moment: the page's own textarea, editable before the app's WebAssembly
// has arrived. Inlined into index.html by Trunk (the page policy names it by hash).
//
// It shows what the app will open: the draft open last time (the stored index's
// `current`), or a new post on a first visit, with the caret and scroll where they were
// and the chosen theme. It writes nothing. When the app starts it takes this textarea's
// text, caret and scroll (src/browser/boot.rs); what was typed here becomes one edit of
// the draft, undoable in one step. If the stored drafts cannot be read here (storage
// blocked, a damaged or newer index), the textarea stays read-only and the app explains.
//
// Kept in step with the stored format (quire-core's drafts and prefs) and with
// quire-core's template::new_post (a native test compares them).
(function () {
  var textarea = document.getElementById('quire-boot');
  var status = document.getElementById('quire-boot-status');
  if (!textarea) return;

  var two = function (n) { return (n < 10 ? '0' : '') + n; };
  // Jekyll's front-matter date, now, in the writer's zone: YYYY-MM-DD HH:MM:SS +HHMM.
  var now = function () {
    var d = new Date();
    var east = -d.getTimezoneOffset();
    var sign = east < 0 ? '-' : '+';
    var off = Math.abs(east);
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + ' ' +
      two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds()) + ' ' +
      sign + two(Math.floor(off / 60)) + two(off % 60);
  };
  // quire-core template::new_post
  var newPost = function (date) {
    return `---
layout: post
title: Untitled post
date: ${date}
---

<!-- excerpt start -->
One or two sentences that sum up the post. They appear on the blog's index page.
<!-- excerpt end -->

Write the rest of the post here, in **Markdown**.
`;
  };

  var opened;
  var storage;
  try {
    storage = window.localStorage;
    var prefs = storage.getItem('quire/v1/prefs');
    if (prefs !== null) {
      var theme = (JSON.parse(prefs) || {}).theme;
      if (theme === 'dark' || theme === 'light') {
        document.documentElement.setAttribute('data-theme', theme);
      }
    }
  } catch (e) {
    // The theme is the app's to set, a moment later.
  }
  try {
    storage = window.localStorage;
    var raw = storage.getItem('quire/v1/index');
    if (raw === null) {
      opened = { draft: null, text: newPost(now()), caret: 0, scroll: 0 };
    } else {
      var index = JSON.parse(raw);
      if (!index || index.version !== 1 || !Array.isArray(index.drafts)) throw 'index';
      var id = index.current;
      if (typeof id !== 'string') {
        opened = { draft: null, text: newPost(now()), caret: 0, scroll: 0 };
      } else {
        var meta = index.drafts.filter(function (d) { return d && d.id === id; })[0];
        var text = storage.getItem('quire/v1/draft/' + id);
        if (!meta || text === null) throw 'draft';
        opened = {
          draft: id,
          text: text,
          caret: typeof meta.caret === 'number' ? meta.caret : 0,
          scroll: typeof meta.scroll === 'number' ? meta.scroll : 0,
        };
      }
    }
  } catch (e) {
    // Left read-only: the app opens what it can and says why.
    return;
  }

  textarea.value = opened.text;
  textarea.readOnly = false;
  textarea.focus({ preventScroll: true });
  var caret = Math.min(opened.caret, textarea.value.length);
  textarea.setSelectionRange(caret, caret);
  textarea.scrollTop = opened.scroll;
  window.quireBoot = { draft: opened.draft, original: opened.text };
  if (status) status.textContent = 'Type away: the rest of Quire is on its way.';
  // Until the app has taken it over, leaving would lose what was typed here.
  window.addEventListener('beforeunload', function (event) {
    if (document.getElementById('quire-boot') && textarea.value !== opened.text) {
      event.preventDefault();
      event.returnValue = '';
    }
  });
  performance.mark('quire:editable');
})();
