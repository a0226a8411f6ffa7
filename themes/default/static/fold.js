// A day page lists each paper with its first line; the rest of its summary is written
// once, on the paper's page. A paper's fold holds a link there (all it does without
// JavaScript); opened, this fetches the paper's page and shows its summary in place.
(() => {
  const fill = async (fold) => {
    const link = fold.querySelector(':scope > a[href$="#summary"]');
    if (!link || fold.dataset.state) return;
    fold.dataset.state = 'loading';
    try {
      const response = await fetch(link.href);
      if (!response.ok) throw new Error(response.status);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const summary = page.getElementById('summary');
      if (!summary) throw new Error('no summary');
      const box = document.createElement('div');
      for (const part of summary.children) {
        if (!/^H\d$/.test(part.tagName)) box.append(document.importNode(part, true));
      }
      // Links in the summary were written relative to the paper's page.
      for (const a of box.querySelectorAll('a[href]')) {
        a.href = new URL(a.getAttribute('href'), link.href).href;
      }
      // The fold's label is the summary's first sentence: not twice.
      const label = fold.querySelector('summary').textContent.trim();
      const first = box.firstElementChild;
      const text = first && first.tagName === 'P' ? first.firstChild : null;
      if (label && text && text.nodeType === Node.TEXT_NODE && text.data.trimStart().startsWith(label)) {
        text.data = text.data.trimStart().slice(label.length).trimStart();
        if (!first.textContent.trim()) first.remove();
      }
      box.append(link);
      fold.append(box);
      fold.dataset.state = 'done';
    } catch {
      delete fold.dataset.state; // the link stays; opening again retries
    }
  };
  // `toggle` does not bubble: listen while it goes down.
  document.addEventListener('toggle', (e) => {
    if (e.target.tagName === 'DETAILS' && e.target.open) fill(e.target);
  }, true);
})();
