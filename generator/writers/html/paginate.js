// Lay the report's flows out on A4 sheets as Word pages them: blocks in order until a sheet is
// full; a paragraph split between lines, a table between rows (its header rows repeated); a
// heading, caption or title line kept with what follows; each footnote at the foot of the sheet
// where it is first cited. Each section (body, each appendix) numbers its sheets from 1 and shows
// no number on its first sheet. Sets <body data-pages>, data-layout-ms and data-ready when done; a sheet whose
// content does not fit (a block taller than a sheet) gets the class "tran".
(function () {
  "use strict";
  const started = performance.now();
  const root = document.getElementById("trang");
  const store = new Map();  // note number → its element, until placed on a sheet
  for (const note of document.querySelectorAll(".fnstore .fn")) { store.set(note.dataset.note, note); note.remove(); }

  function sheet(orientation, number) {
    const page = document.createElement("div");
    page.className = "page " + orientation;
    const head = document.createElement("div");
    head.className = "so-trang";
    head.textContent = number > 1 ? String(number) : "";
    const frame = document.createElement("div");
    frame.className = "khung";
    const body = document.createElement("div");
    body.className = "than";
    const notes = document.createElement("div");
    notes.className = "chu-thich";
    frame.append(body, notes);
    page.append(head, frame);
    root.append(page);
    return { page, body, notes, frame, number };
  }

  const full = (s) => s.frame.scrollHeight > s.frame.clientHeight + 0.5;
  const limit = (s) => s.frame.getBoundingClientRect().bottom - (s.notes.childElementCount ? s.notes.getBoundingClientRect().height : 0);
  const citations = (el) => Array.from(el.querySelectorAll("sup.fnref:not(.repeat)"));

  function addNotes(s, refs) {
    const added = [];
    for (const ref of refs) {
      const note = store.get(ref.dataset.note);
      if (note && !note.isConnected) { s.notes.append(note); added.push(note); }
    }
    return added;
  }
  const dropNotes = (notes) => notes.forEach((n) => n.remove());
  // The notes first cited in `el` that are on a sheet.
  const placedNotes = (el) => citations(el).map((r) => store.get(r.dataset.note)).filter((n) => n && n.isConnected);

  // The words of a paragraph in order: [text node, start, end], citations as their own entries.
  function words(p) {
    const out = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const ref = node.parentElement.closest("sup.fnref:not(.repeat)");
      for (const m of node.data.matchAll(/\S+/g)) out.push([node, m.index, m.index + m[0].length, ref]);
    }
    return out;
  }

  // The index of the first word on the line of word `i` (rects overlapping vertically share a line).
  function lineStart(rects, i) {
    let j = i;
    while (j > 0 && rects[j - 1].bottom > rects[i].top + 1 && rects[j - 1].top < rects[i].bottom - 1) j--;
    return j;
  }

  // Split paragraph `p` (last on sheet `s`, overflowing) before its first line that does not fit
  // (with the notes cited above it); the first part stays with its notes. Returns the rest, or null
  // when not even the first line fits.
  function splitParagraph(s, p) {
    const range = document.createRange();
    const all = words(p);
    const rects = [];
    let cut = -1;
    for (let i = 0; i < all.length && cut < 0; i++) {
      const [node, start, end, ref] = all[i];
      range.setStart(node, start);
      range.setEnd(node, end);
      rects.push(range.getBoundingClientRect());
      if (rects[i].bottom > limit(s) + 0.5) cut = lineStart(rects, i);
      else if (ref && ref !== (all[i - 1] || [])[3]) {
        addNotes(s, [ref]);
        const line = rects.slice(lineStart(rects, i), i + 1);
        if (Math.max(...line.map((r) => r.bottom)) > limit(s) + 0.5) cut = lineStart(rects, i);
      }
    }
    if (cut <= 0) {
      dropNotes(placedNotes(p));
      return null;
    }
    range.setStart(p, 0);
    range.setEnd(all[cut][0], all[cut][1]);
    const first = p.cloneNode(false);
    first.append(range.extractContents());
    first.classList.add("tach");
    p.before(first);
    p.classList.add("tiep");
    p.removeAttribute("id");
    p.remove();
    dropNotes(placedNotes(p));
    return p;
  }

  // Split table `t` (last on sheet `s`, overflowing) before its first row that does not fit, never
  // inside merged rows nor after a group row; the rest gets copies of the header rows.
  function splitTable(s, t) {
    const rows = Array.from(t.rows);
    const header = rows.filter((r) => r.classList.contains("header"));
    let reach = -1;  // the last row a rowspan above reaches
    let boundary = header.length;  // the last place the table may be cut (before this row)
    let cut = -1;
    let added = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (i >= header.length && reach < i) boundary = i;
      const notes = addNotes(s, citations(row));
      added = added.concat(notes);
      if (i >= header.length && row.getBoundingClientRect().bottom > limit(s) + 0.5) { cut = boundary; break; }
      for (const cell of row.cells) reach = Math.max(reach, i + cell.rowSpan - 1);
    }
    if (cut < 0) { dropNotes(added); return null; }
    while (cut > header.length && rows[cut - 1].classList.contains("group")) cut--;
    if (cut <= header.length) { dropNotes(added); return null; }
    for (const row of rows.slice(cut)) dropNotes(placedNotes(row));
    const rest = t.cloneNode(false);
    rest.removeAttribute("id");
    const body = document.createElement("tbody");
    const repeated = header.map((r) => r.cloneNode(true));
    repeated.forEach((r) => r.classList.add("lap"));  // a header row repeated on the next sheet
    body.append(...repeated, ...rows.slice(cut));
    rest.append(t.querySelector("colgroup").cloneNode(true), body);
    return rest;
  }

  function layOut(flow) {
    const orientation = flow.classList.contains("landscape") ? "landscape" : "portrait";
    let s = sheet(orientation, 1);
    const place = (block) => {
      s.body.append(block);
      const notes = addNotes(s, citations(block));
      if (!full(s)) return;
      if (s.body.childElementCount === 1 && !splittable(block)) return;  // taller than a sheet: let it be
      let rest = null;
      if (splittable(block)) {
        dropNotes(notes);
        rest = block.tagName === "TABLE" ? splitTable(s, block) : splitParagraph(s, block);
        if (!rest && s.body.childElementCount === 1) { addNotes(s, citations(block)); return; }
      } else {
        dropNotes(notes);
      }
      const carried = [];
      if (!rest) {
        block.remove();
        // Headings, captions and title lines go with what follows (unless they fill the sheet).
        while (s.body.lastElementChild && s.body.lastElementChild.classList.contains("keep") && s.body.childElementCount > 1) {
          const kept = s.body.lastElementChild;
          dropNotes(placedNotes(kept));
          kept.remove();
          carried.unshift(kept);
        }
        carried.push(block);
      } else {
        carried.push(rest);
      }
      s = sheet(orientation, s.number + 1);
      carried.forEach(place);
    };
    const splittable = (b) => b.tagName === "TABLE" || (b.tagName === "P" && !b.classList.contains("keep"));
    for (const block of Array.from(flow.children)) {
      if (!block.classList.contains("fnstore")) place(block);
    }
    flow.remove();
  }

  for (const flow of Array.from(root.querySelectorAll(":scope > section.flow"))) layOut(flow);
  for (const page of root.querySelectorAll(".page")) {  // a block taller than a sheet shows as one
    const frame = page.querySelector(".khung");
    if (frame.scrollHeight > frame.clientHeight + 0.5) page.classList.add("tran");
  }
  document.body.dataset.pages = String(root.querySelectorAll(".page").length);
  document.body.dataset.layoutMs = String(Math.round(performance.now() - started));
  document.body.dataset.ready = "1";
})();
