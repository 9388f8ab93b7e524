/* tcheck HTML report: hover, selection, related spans and filters. No network, no libraries. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tcheck-data").textContent);
  var byId = {};
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var rank = { error: 3, warning: 2, info: 1 };
  var shown = { sev: {}, code: {} };
  var selected = null;
  var tooltip = document.getElementById("tooltip");

  function ids(el, attr) {
    var value = el.getAttribute(attr);
    return value ? value.split(" ") : [];
  }
  function visible(id) {
    var f = byId[id];
    return f !== undefined && shown.sev[f.severity] !== false && shown.code[f.code] !== false;
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
    select(id, false);
    var rel = f.related[n];
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
    all("[data-f]").forEach(function (piece) {
      var list = ids(piece, "data-f").filter(visible);
      piece.classList.remove("sev-error", "sev-warning", "sev-info");
      if (!list.length) { piece.classList.add("off"); return; }
      piece.classList.remove("off");
      var top = list.reduce(function (best, id) {
        return rank[byId[id].severity] > rank[best] ? byId[id].severity : best;
      }, "info");
      piece.classList.add("sev-" + top);
    });
    all("li.finding").forEach(function (item) {
      item.hidden = !visible(item.getAttribute("data-fid"));
    });
    all("section.file").forEach(function (section) {
      var none = section.querySelector("li.finding:not([hidden])") === null;
      section.classList.toggle("quiet", none);
    });
    if (selected !== null && !visible(selected)) { clearSelection(); }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
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
  applyFilters();
  document.documentElement.setAttribute("data-ready", "1");
})();
