(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("portfolio-data").textContent);
  var C = {};
  payload.columns.forEach(function (name, i) { C[name] = i; });
  var rows = payload.rows;
  var GRADES = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };
  var NUMERIC = { year: 1, completeness: 1, specificity: 1, xinjiang_dd: 1, xinjiang_level: 1, red_flags: 1, flags: 1, findings: 1, change: 1 };
  var DESC_FIRST = { completeness: 1, specificity: 1, xinjiang_dd: 1, xinjiang_level: 1, red_flags: 1, flags: 1, findings: 1, change: 1, year: 1 };
  var haystack = rows.map(function (r) {
    return [r[C.company], r[C.sector], r[C.jurisdiction], r[C.year], r[C.grade]].join(" ").toLowerCase();
  });
  var state = { key: "company", dir: 1, q: "", grade: "", sector: "", red: false, page: 0, size: 100 };
  var table = document.getElementById("portfolio");
  var tbody = table.querySelector("tbody");
  var count = document.getElementById("count");
  var pageInfo = document.getElementById("page-info");
  var prev = document.getElementById("prev");
  var next = document.getElementById("next");
  var view = [];

  function sortValue(r, key) {
    var v = r[C[key]];
    if (v === null || v === undefined || v === "") { return null; }
    if (key === "grade") { return GRADES[v] || 9; }
    if (NUMERIC[key]) { return v; }
    return String(v).toLowerCase();
  }

  function sortView() {
    var key = state.key, dir = state.dir;
    var keyed = view.map(function (i) { return [sortValue(rows[i], key), i]; });
    keyed.sort(function (a, b) {
      var x = a[0], y = b[0];
      if (x === y) { return a[1] - b[1]; }
      if (x === null) { return 1; }
      if (y === null) { return -1; }
      return (x < y ? -1 : 1) * dir;
    });
    view = keyed.map(function (k) { return k[1]; });
  }

  function apply() {
    var q = state.q;
    view = [];
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      if (q && haystack[i].indexOf(q) < 0) { continue; }
      if (state.grade && (r[C.grade] || "-") !== state.grade) { continue; }
      if (state.sector && r[C.sector] !== state.sector) { continue; }
      if (state.red && !(r[C.red_flags] > 0)) { continue; }
      view.push(i);
    }
    sortView();
    render();
  }

  function fmt(v, digits) {
    if (v === null || v === undefined) { return "\u2014"; }
    return digits ? v.toFixed(digits) : String(v);
  }

  function cell(tr, text, cls) {
    var td = document.createElement("td");
    td.textContent = text;
    if (cls) { td.className = cls; }
    tr.appendChild(td);
    return td;
  }

  function rowElement(r) {
    var tr = document.createElement("tr");
    var td = document.createElement("td");
    var a = document.createElement("a");
    a.href = r[C.page];
    a.textContent = r[C.company];
    td.appendChild(a);
    tr.appendChild(td);
    cell(tr, fmt(r[C.year]), "num");
    cell(tr, r[C.jurisdiction] || "\u2014");
    cell(tr, (r[C.sector] || "\u2014").replace(/_/g, " "));
    var g = cell(tr, "");
    var badge = document.createElement("span");
    var grade = r[C.grade];
    var status = r[C.status];
    badge.className = "badge g-" + (grade || "none");
    badge.textContent = grade || (status === "error" ? "error" : status === "non_english" ? "not English" : "\u2014");
    g.appendChild(badge);
    cell(tr, fmt(r[C.completeness], 1), "num");
    cell(tr, fmt(r[C.specificity], 1), "num");
    cell(tr, fmt(r[C.xinjiang_dd], 1), "num");
    cell(tr, fmt(r[C.xinjiang_level]), "num");
    cell(tr, fmt(r[C.red_flags]), r[C.red_flags] > 0 ? "num red" : "num");
    var ch = r[C.change];
    cell(tr, ch === null || ch === undefined ? "" : (ch > 0 ? "+" : ch < 0 ? "\u2212" : "\u00b1") + Math.abs(ch).toFixed(1),
      ch > 0 ? "num up" : ch < 0 ? "num down" : "num");
    return tr;
  }

  var CHUNK = 300;
  var generation = 0;

  function appendRows(from, to) {
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) { frag.appendChild(rowElement(rows[view[i]])); }
    tbody.appendChild(frag);
  }

  // Rows beyond the first CHUNK are added a chunk per task, so a long page never blocks the browser; a new render
  // (sort, filter, page) abandons what an earlier one had left to add.
  function render() {
    var gen = ++generation;
    var size = state.size || view.length || 1;
    var pages = Math.max(1, Math.ceil(view.length / size));
    if (state.page >= pages) { state.page = pages - 1; }
    var start = state.page * size;
    var end = Math.min(view.length, start + size);
    tbody.textContent = "";
    table.setAttribute("data-complete", "0");
    if (!view.length) {
      var tr = document.createElement("tr");
      var td = cell(tr, "No statement matches the filter.", "muted");
      td.colSpan = table.tHead.rows[0].cells.length;
      tbody.appendChild(tr);
    }
    var filled = Math.min(end, start + CHUNK);
    appendRows(start, filled);
    function more() {
      if (gen !== generation) { return; }
      if (filled >= end) { table.setAttribute("data-complete", "1"); return; }
      var upto = Math.min(end, filled + CHUNK);
      appendRows(filled, upto);
      filled = upto;
      setTimeout(more, 0);
    }
    more();
    count.textContent = (view.length ? "Showing " + (start + 1).toLocaleString("en") + "\u2013" + end.toLocaleString("en") + " of " : "0 of ") +
      view.length.toLocaleString("en") + (view.length !== rows.length ? " matching (" + rows.length.toLocaleString("en") + " statements)" : " statements");
    pageInfo.textContent = "Page " + (state.page + 1) + " of " + pages;
    prev.disabled = state.page <= 0;
    next.disabled = state.page >= pages - 1;
  }

  function sortBy(th) {
    var key = th.getAttribute("data-key");
    if (state.key === key) { state.dir = -state.dir; } else { state.key = key; state.dir = DESC_FIRST[key] ? -1 : 1; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
    state.page = 0;
    apply();
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    th.querySelector("button").addEventListener("click", function () { sortBy(th); });
  });
  document.getElementById("filter").addEventListener("input", function (e) {
    state.q = e.target.value.trim().toLowerCase(); state.page = 0; apply();
  });
  document.getElementById("grade-filter").addEventListener("change", function (e) {
    state.grade = e.target.value; state.page = 0; apply();
  });
  document.getElementById("sector-filter").addEventListener("change", function (e) {
    state.sector = e.target.value; state.page = 0; apply();
  });
  document.getElementById("red-filter").addEventListener("change", function (e) {
    state.red = e.target.checked; state.page = 0; apply();
  });
  document.getElementById("page-size").addEventListener("change", function (e) {
    state.size = parseInt(e.target.value, 10); state.page = 0; render();
  });
  prev.addEventListener("click", function () { state.page -= 1; render(); });
  next.addEventListener("click", function () { state.page += 1; render(); });

  table.tHead.rows[0].cells[0].setAttribute("aria-sort", "ascending");
  apply();
  document.documentElement.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) { performance.mark("table-rendered"); }
})();
