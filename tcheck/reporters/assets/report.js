/* tcheck HTML report: hover, selection, related spans and filters. No network, no libraries.
   In a large report each page's markup waits in an inert <template> until the page is opened
   (openFile): the summary and the filters work on the JSON data alone. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tcheck-data").textContent);
  var byId = {};
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var rank = { error: 3, warning: 2, info: 1 };
  var shown = { sev: {}, code: {}, lang: {} };
  var byFile = {};
  var relByFile = {};  // related spans by the page they are in: [start, end, "r", finding id]
  data.findings.forEach(function (f) {
    if (f.file !== null && f.file !== undefined) { (byFile[f.file] = byFile[f.file] || []).push(f.id); }
    f.related.forEach(function (r) {
      if (r.file !== null && r.file !== undefined) { (relByFile[r.file] = relByFile[r.file] || []).push([r.start, r.end, "r", f.id]); }
    });
  });
  var selected = null;
  var tooltip = document.getElementById("tooltip");

  function ids(el, attr) {
    var value = el.getAttribute(attr);
    return value ? value.split(" ") : [];
  }
  function visible(id) {
    var f = byId[id];
    return f !== undefined && shown.sev[f.severity] !== false && shown.code[f.code] !== false &&
      shown.lang[f.lang || "\u2013"] !== false;
  }
  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  /* The page's text as numbered lines, cut at every finding and related-span boundary (the
     same markup the report writes for a small run). Offsets are code points, as in the data. */
  function renderText(file, doc) {
    var text = data.texts && data.texts[file];
    if (text === undefined || doc.firstChild) { return; }
    var chars = Array.from(text), n = chars.length;
    var opens = {}, closes = {}, pins = {}, cuts = {}, sev = {};
    cuts[0] = true; cuts[n] = true;
    function add(table, at, value) { (table[at] = table[at] || []).push(value); }
    var marks = (byFile[file] || []).map(function (id) { return [byId[id].start, byId[id].end, "f", id]; });
    (relByFile[file] || []).forEach(function (m) { marks.push(m); });
    marks.forEach(function (m) {
      var a = Math.min(m[0], n), b = Math.min(m[1], n), id = m[3];
      sev[id] = byId[id].severity;
      if (a === b) { if (m[2] === "f") { add(pins, a, id); } return; }
      add(opens, a, [m[2], id]); add(closes, b, [m[2], id]);
      cuts[a] = true; cuts[b] = true;
    });
    chars.forEach(function (c, i) { if (c === "\n") { cuts[i] = true; cuts[i + 1] = true; } });
    var order = Object.keys(cuts).map(Number).sort(function (x, y) { return x - y; });
    var activeF = {}, activeR = {}, line = 1;
    function pin(id) {
      return '<span class="hl pin sev-' + sev[id] + '" data-f="' + id + '" tabindex="0" aria-label="finding"></span>';
    }
    function keys(table) { return Object.keys(table).filter(function (k) { return table[k]; }); }
    var out = ['<div class="line" id="f' + file + '-L1"><a class="no" href="#f' + file + '-L1">1</a><span class="tx">'];
    for (var k = 0; k + 1 < order.length; k++) {
      var a = order[k], b = order[k + 1];
      (closes[a] || []).forEach(function (m) { (m[0] === "f" ? activeF : activeR)[m[1]] = false; });
      (opens[a] || []).forEach(function (m) { (m[0] === "f" ? activeF : activeR)[m[1]] = true; });
      (pins[a] || []).forEach(function (id) { out.push(pin(id)); });
      var piece = chars.slice(a, b).join("");
      if (piece === "\n") {
        line += 1;
        var anchor = "f" + file + "-L" + line;
        out.push('</span></div>\n<div class="line" id="' + anchor + '"><a class="no" href="#' + anchor + '">' + line + '</a><span class="tx">');
        continue;
      }
      var fs = keys(activeF), rs = keys(activeR);
      if (!fs.length && !rs.length) { out.push(escapeHtml(piece)); continue; }
      var classes = [], attrs = [];
      if (fs.length) {
        var top = fs.reduce(function (best, id) { return rank[sev[id]] > rank[best] ? sev[id] : best; }, "info");
        classes.push("hl", "sev-" + top);
        attrs.push('data-f="' + fs.sort(function (x, y) { return x - y; }).join(" ") + '" tabindex="0"');
      }
      if (rs.length) {
        classes.push("rel");
        attrs.push('data-r="' + rs.sort(function (x, y) { return x - y; }).join(" ") + '"');
      }
      out.push('<span class="' + classes.join(" ") + '" ' + attrs.join(" ") + ">" + escapeHtml(piece) + "</span>");
    }
    (pins[n] || []).forEach(function (id) { out.push(pin(id)); });
    out.push("</span></div>");
    doc.innerHTML = out.join("");
  }
  /* The side list of a lazily rendered page, as the report writes it for a small run. */
  function listFindings(file, list) {
    if (list.firstChild) { return; }
    (byFile[file] || []).forEach(function (id) {
      var f = byId[id];
      var item = el("li", "finding sev-" + f.severity);
      item.id = "finding-" + id;
      item.setAttribute("data-fid", id);
      item.setAttribute("data-code", f.code);
      item.setAttribute("data-sev", f.severity);
      item.tabIndex = 0;
      var head = el("div", "head");
      head.appendChild(el("span", "badge sev-" + f.severity, f.severity));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", "code", f.code));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", "name", f.name));
      head.appendChild(el("span", "pos", f.line + ":" + f.column));
      item.appendChild(head);
      item.appendChild(el("div", "msg", f.message));
      if (f.suggestion) {
        var sugg = el("div", "sugg", "Suggestion: ");
        sugg.appendChild(el("ins", null, f.suggestion));
        item.appendChild(sugg);
      }
      if (f.data.length) {
        var dl = el("dl", "data");
        f.data.forEach(function (pair) { dl.appendChild(el("dt", null, pair[0])); dl.appendChild(el("dd", null, pair[1])); });
        item.appendChild(dl);
      }
      if (f.related.length) {
        var box = el("div", "related", "Related: ");
        var ul = el("ul");
        f.related.forEach(function (rel, n) {
          var li = el("li");
          var a = el("a", "rel-link", (rel.path !== f.path ? rel.path : "line ") + rel.line + ":" + rel.column);
          a.href = "#";
          a.setAttribute("data-fid", id);
          a.setAttribute("data-n", n);
          li.appendChild(a);
          if (rel.text) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("q", null, rel.text)); }
          if (rel.note) { li.appendChild(document.createTextNode(" \u2013 " + rel.note)); }
          ul.appendChild(li);
        });
        box.appendChild(ul);
        item.appendChild(box);
      }
      list.appendChild(item);
    });
  }
  /* A paired page's source beside its translation, segment by segment (as tcheck paired them). */
  function renderPairs(file, section) {
    var pair = data.pairs && data.pairs[file];
    if (!pair || !section || section.querySelector("details.pairs")) { return; }
    var target = Array.from(data.texts[file]), source = Array.from(data.sources[pair.source]);
    var box = el("details", "pairs");
    box.open = true;
    box.appendChild(el("summary", null, "Source beside translation \u2013 " + pair.source));
    var table = el("table", "pairs");
    pair.rows.forEach(function (r) {
      var row = el("tr");
      row.setAttribute("data-t", r[0] + " " + r[1]);
      row.appendChild(el("td", "src", source.slice(r[2], r[3]).join("")));
      row.appendChild(el("td", "tgt", target.slice(r[0], r[1]).join("")));
      table.appendChild(row);
    });
    box.appendChild(table);
    section.appendChild(box);
    var heading = section.querySelector("h2 .path");
    if (heading) { heading.parentNode.insertBefore(el("span", "source-of", "\u2190 " + pair.source), heading.nextSibling); }
  }
  function markPair(f) {
    all("tr.pair-active").forEach(function (n) { n.classList.remove("pair-active"); });
    var section = document.getElementById("f" + f.file);
    if (!section) { return; }
    all("table.pairs tr", section).some(function (row) {
      var span = row.getAttribute("data-t").split(" ").map(Number);
      if (span[0] <= f.start && f.start < Math.max(span[1], span[0] + 1)) { row.classList.add("pair-active"); return true; }
      return false;
    });
  }
  function openFile(file) {
    var tpl = document.getElementById("tpl-f" + file);
    if (tpl) {
      var section = tpl.content.firstElementChild;
      tpl.replaceWith(tpl.content);
      renderText(file, section.querySelector(".doc"));
      listFindings(file, section.querySelector("ol.findings"));
      renderPairs(file, section);
      filterPieces(section);
      return section;
    }
    return document.getElementById("f" + file);
  }
  function openFromHash() {
    var m = /^#f(\d+)(?:-L\d+)?$/.exec(window.location.hash);
    if (!m) { return; }
    openFile(m[1]);
    var target = document.getElementById(window.location.hash.slice(1));
    if (target) { target.scrollIntoView({ block: "start" }); }
  }
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function clearSelection() {
    all(".selected").forEach(function (n) { n.classList.remove("selected"); });
    all(".related-active").forEach(function (n) { n.classList.remove("related-active"); });
    selected = null;
  }

  function select(id, scrollText) {
    clearSelection();
    if (!visible(id)) { return; }
    if (byId[id].file !== null) { openFile(byId[id].file); markPair(byId[id]); }
    selected = String(id);
    var pieces = all('[data-f~="' + id + '"]');
    pieces.forEach(function (n) { n.classList.add("selected"); });
    all('[data-r~="' + id + '"]').forEach(function (n) { n.classList.add("related-active"); });
    var item = document.getElementById("finding-" + id);
    if (item) {
      item.classList.add("selected");
      item.scrollIntoView({ block: "nearest" });
    }
    if (scrollText && pieces.length) { pieces[0].scrollIntoView({ block: "center" }); }
  }

  function showRelated(id, n) {
    var f = byId[id];
    if (!f) { return; }
    var rel = f.related[n];
    if (rel && rel.file !== null) { openFile(rel.file); }
    select(id, false);
    var target = all('[data-r~="' + id + '"]').filter(function (node) {
      return rel && rel.file !== null && node.closest("section.file").getAttribute("data-file") === String(rel.file);
    })[0];
    if (!target && rel && rel.file !== null) {
      target = document.getElementById("f" + rel.file + "-L" + rel.line);
    }
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.classList.add("flash");
      setTimeout(function () { target.classList.remove("flash"); }, 2100);
    }
  }

  function describe(id) {
    var f = byId[id];
    var box = el("div", "t-item");
    box.appendChild(el("div", "t-head", f.code + " [" + f.severity + "] " + f.name));
    box.appendChild(el("div", "t-msg", f.message));
    if (f.suggestion) { box.appendChild(el("div", "t-sugg", "Suggestion: " + f.suggestion)); }
    f.data.forEach(function (pair) { box.appendChild(el("div", "t-data", pair[0] + ": " + pair[1])); });
    f.related.forEach(function (rel) {
      var where = "Related: " + (rel.path === f.path ? "line " : rel.path + ":") + rel.line + ":" + rel.column;
      box.appendChild(el("div", "t-rel", where + (rel.text ? " \u201c" + rel.text + "\u201d" : "")));
    });
    return box;
  }

  function showTooltip(piece) {
    var list = ids(piece, "data-f").filter(visible);
    if (!list.length) { hideTooltip(); return; }
    tooltip.textContent = "";
    list.forEach(function (id) { tooltip.appendChild(describe(id)); });
    tooltip.hidden = false;
    var box = piece.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 6;
    var left = Math.max(4, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8));
    tooltip.style.top = top + "px";
    tooltip.style.left = left + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  function pieceClicked(piece) {
    var list = ids(piece, "data-f").filter(visible);
    if (!list.length) { return; }
    var at = list.indexOf(selected);
    select(list[(at + 1) % list.length], false);
  }

  function applyFilters() {
    all("#filters input").forEach(function (box) {
      shown[box.getAttribute("data-filter")][box.value] = box.checked;
    });
    filterPieces(document);
    all("table.summary tr[data-file]").forEach(function (row) {
      row.hidden = !(byFile[row.getAttribute("data-file")] || []).some(visible);
    });
    if (selected !== null && !visible(selected)) { clearSelection(); }
  }

  function filterPieces(root) {
    all("[data-f]", root).forEach(function (piece) {
      var list = ids(piece, "data-f").filter(visible);
      piece.classList.remove("sev-error", "sev-warning", "sev-info");
      if (!list.length) { piece.classList.add("off"); return; }
      piece.classList.remove("off");
      var top = list.reduce(function (best, id) {
        return rank[byId[id].severity] > rank[best] ? byId[id].severity : best;
      }, "info");
      piece.classList.add("sev-" + top);
    });
    all("li.finding", root).forEach(function (item) {
      item.hidden = !visible(item.getAttribute("data-fid"));
    });
    var sections = root.matches && root.matches("section.file") ? [root] : all("section.file", root);
    sections.forEach(function (section) {
      var none = section.querySelector("li.finding:not([hidden])") === null;
      section.classList.toggle("quiet", none);
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var opener = target.closest("a.open");
    if (opener) {
      event.preventDefault();
      var section = openFile(opener.getAttribute("data-file"));
      if (section) {
        history.replaceState(null, "", "#" + section.id);
        section.scrollIntoView({ block: "start" });
      }
      return;
    }
    var link = target.closest("a.rel-link");
    if (link) {
      event.preventDefault();
      event.stopPropagation();
      showRelated(link.getAttribute("data-fid"), Number(link.getAttribute("data-n")));
      return;
    }
    var piece = target.closest("[data-f]");
    if (piece) { pieceClicked(piece); return; }
    var item = target.closest("li.finding");
    if (item) { select(item.getAttribute("data-fid"), true); return; }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || !(event.target instanceof Element)) { return; }
    var piece = event.target.closest("[data-f]");
    var item = event.target.closest("li.finding");
    if (piece) { pieceClicked(piece); } else if (item) { select(item.getAttribute("data-fid"), true); }
  });
  document.addEventListener("mouseover", function (event) {
    var piece = event.target instanceof Element ? event.target.closest("[data-f]") : null;
    if (piece) { showTooltip(piece); } else { hideTooltip(); }
  });
  document.addEventListener("focusin", function (event) {
    var piece = event.target instanceof Element ? event.target.closest("[data-f]") : null;
    if (piece) { showTooltip(piece); } else { hideTooltip(); }
  });
  all("#filters input").forEach(function (box) { box.addEventListener("change", applyFilters); });
  window.addEventListener("hashchange", openFromHash);
  all("section.file").forEach(function (section) { renderPairs(section.getAttribute("data-file"), section); });
  applyFilters();
  openFromHash();
  document.documentElement.setAttribute("data-ready", "1");
})();
