"""The page ``vnadmin-nlp graph -o corpus.html`` writes: the graph drawn by the inline script below.

A small force layout on a <canvas> (springs along edges, repulsion between nearby nodes through a grid, so a few
thousand nodes stay fluid), wheel to zoom, drag to pan or to move a node, click a node for its metadata and links
both ways (click a link to go there), a search box, and switches for dangling nodes and reuse edges.  Everything
is in this one file: it opens from disk with no network.  ``__TITLE__`` and ``__DATA__`` are filled in by
``export.write_html``.
"""

TEMPLATE = r"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>__TITLE__</title>
<style>
  html, body { margin: 0; height: 100%; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; }
  #app { display: flex; height: 100%; }
  #stage { flex: 1; position: relative; background: #f7f8fa; }
  canvas { display: block; width: 100%; height: 100%; cursor: grab; }
  canvas.dragging { cursor: grabbing; }
  #bar { position: absolute; top: 8px; left: 8px; right: 8px; display: flex; gap: 12px; align-items: center;
         background: rgba(255,255,255,.92); border: 1px solid #d5dae1; border-radius: 6px; padding: 6px 10px; }
  #bar input[type=search] { width: 240px; padding: 3px 6px; }
  #bar .count { margin-left: auto; color: #5b6575; }
  #panel { width: 360px; overflow: auto; border-left: 1px solid #d5dae1; background: #fff; padding: 12px 14px; box-sizing: border-box; }
  #panel h2 { font-size: 15px; margin: 0 0 6px; }
  #panel h3 { font-size: 13px; margin: 14px 0 4px; color: #3c4656; }
  #panel dl { display: grid; grid-template-columns: 80px 1fr; gap: 2px 8px; margin: 0; }
  #panel dt { color: #5b6575; }
  #panel dd { margin: 0; word-break: break-word; }
  #panel ul { list-style: none; padding: 0; margin: 0; }
  #panel li { padding: 4px 0; border-bottom: 1px solid #eef0f3; }
  #panel a { color: #1a56c4; cursor: pointer; text-decoration: none; }
  #panel a:hover { text-decoration: underline; }
  .muted { color: #7a8494; }
  .tag { display: inline-block; font-size: 11px; padding: 0 5px; border-radius: 3px; background: #eef2f8; margin-right: 4px; }
  .tag.reuses { background: #fbe6e4; color: #a93226; }
  .tag.dangling { background: #f1f1f1; color: #666; }
  .legend span { margin-right: 10px; }
  .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; vertical-align: -1px; margin-right: 3px; }
</style>
</head>
<body>
<div id="app">
  <div id="stage">
    <canvas id="canvas"></canvas>
    <div id="bar">
      <input id="search" type="search" placeholder="Tìm số, ký hiệu, cơ quan… / find a number, issuer…">
      <label><input id="showDangling" type="checkbox" checked> dangling</label>
      <label><input id="showReuse" type="checkbox" checked> reuse</label>
      <button id="fit" type="button">fit</button>
      <span class="legend"><span><i class="dot" style="background:#3d7be0"></i>document</span><span><i class="dot" style="background:#fff;border:1px dashed #888"></i>not in corpus</span><span style="color:#c0392b">— reuses</span></span>
      <span class="count" id="count"></span>
    </div>
  </div>
  <div id="panel"><p class="muted">Click a node to see its metadata and links. Wheel: zoom; drag: pan or move a node.</p></div>
</div>
<script type="application/json" id="graph-data">__DATA__</script>
<script>
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const nodes = data.nodes, edges = data.edges;
  const byId = new Map();
  nodes.forEach(function (n, i) {
    const r = 12 * Math.sqrt(i + 0.5), a = i * 2.399963;
    n.x = r * Math.cos(a); n.y = r * Math.sin(a); n.vx = 0; n.vy = 0; n.out = []; n.in = []; n.deg = 0;
    byId.set(n.id, n);
  });
  edges.forEach(function (e) {
    e.s = byId.get(e.source); e.t = byId.get(e.target);
    if (e.s && e.t) { e.s.out.push(e); e.t.in.push(e); e.s.deg++; e.t.deg++; }
  });
  const live = edges.filter(function (e) { return e.s && e.t; });
  const palette = ["#3d7be0", "#2a9d8f", "#e9a23b", "#8e5cc4", "#d1495b", "#5c946e", "#b5651d", "#4a6fa5", "#c06c84", "#6c757d"];
  const typeColor = new Map();
  function colorOf(n) {
    if (n.kind === "dangling") return "#ffffff";
    const t = n.doc_type || "?";
    if (!typeColor.has(t)) typeColor.set(t, palette[typeColor.size % palette.length]);
    return typeColor.get(t);
  }
  function radius(n) { return 4 + Math.min(10, Math.sqrt(n.deg) * 1.6); }

  const canvas = document.getElementById("canvas"), ctx = canvas.getContext("2d");
  let W = 0, H = 0, dpr = window.devicePixelRatio || 1;
  const view = { x: 0, y: 0, k: 1 };
  let selected = null, hover = null;
  const show = { dangling: true, reuse: true };
  function visibleNode(n) { return show.dangling || n.kind !== "dangling"; }
  function visibleEdge(e) {
    if (e.kind === "reuses" && !show.reuse) return false;
    return visibleNode(e.s) && visibleNode(e.t);
  }
  function resize() {
    const r = canvas.getBoundingClientRect();
    W = r.width; H = r.height; canvas.width = W * dpr; canvas.height = H * dpr; draw();
  }

  // -- force layout: springs on edges, repulsion between neighbours found through a grid, pull to the centre
  let alpha = 1;
  const CELL = 70;
  function tick() {
    const grid = new Map();
    for (const n of nodes) {
      if (!visibleNode(n)) continue;
      const key = Math.floor(n.x / CELL) + "," + Math.floor(n.y / CELL);
      let c = grid.get(key); if (!c) { c = []; grid.set(key, c); } c.push(n);
    }
    for (const n of nodes) {
      if (!visibleNode(n)) continue;
      const gx = Math.floor(n.x / CELL), gy = Math.floor(n.y / CELL);
      for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
        const c = grid.get((gx + dx) + "," + (gy + dy)); if (!c) continue;
        for (const m of c) {
          if (m === n) continue;
          let ddx = n.x - m.x, ddy = n.y - m.y, d2 = ddx * ddx + ddy * ddy;
          if (d2 < 0.01) { ddx = Math.random() - 0.5; ddy = Math.random() - 0.5; d2 = 0.5; }
          if (d2 > CELL * CELL * 2) continue;
          const f = 900 / d2 * alpha;
          n.vx += ddx * f / Math.sqrt(d2); n.vy += ddy * f / Math.sqrt(d2);
        }
      }
      n.vx -= n.x * 0.004 * alpha; n.vy -= n.y * 0.004 * alpha;
    }
    for (const e of live) {
      if (!visibleEdge(e)) continue;
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      const L = e.kind === "reuses" ? 50 : 80;
      const f = (d - L) / d * 0.05 * alpha;
      e.s.vx += dx * f; e.s.vy += dy * f; e.t.vx -= dx * f; e.t.vy -= dy * f;
    }
    for (const n of nodes) {
      if (n.fixed) { n.vx = n.vy = 0; continue; }
      n.vx *= 0.6; n.vy *= 0.6;
      n.x += Math.max(-20, Math.min(20, n.vx)); n.y += Math.max(-20, Math.min(20, n.vy));
    }
    alpha *= 0.985;
  }
  let touched = false, frame = 0;
  function fit() {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const n of nodes) {
      if (!visibleNode(n)) continue;
      x0 = Math.min(x0, n.x); y0 = Math.min(y0, n.y); x1 = Math.max(x1, n.x); y1 = Math.max(y1, n.y);
    }
    if (x0 === Infinity) return;
    view.x = (x0 + x1) / 2; view.y = (y0 + y1) / 2;
    view.k = Math.max(0.05, Math.min(2, 0.9 * Math.min(W / (x1 - x0 + 80), (H - 60) / (y1 - y0 + 80))));
    draw();
  }
  function run() {
    if (alpha > 0.01) {
      const steps = nodes.length > 2000 ? 1 : 3;
      for (let i = 0; i < steps; i++) tick();
      if (!touched && frame++ % 15 === 0) fit(); else draw();
      requestAnimationFrame(run);
    } else if (!touched) {
      fit();
    }
  }

  // -- drawing
  function toScreen(n) { return [(n.x - view.x) * view.k + W / 2, (n.y - view.y) * view.k + H / 2]; }
  function toWorld(px, py) { return [(px - W / 2) / view.k + view.x, (py - H / 2) / view.k + view.y]; }
  function neighbours(n) {
    const s = new Set([n]);
    n.out.forEach(function (e) { s.add(e.t); }); n.in.forEach(function (e) { s.add(e.s); });
    return s;
  }
  function draw() {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const near = selected ? neighbours(selected) : null;
    for (const e of live) {
      if (!visibleEdge(e)) continue;
      const [x1, y1] = toScreen(e.s), [x2, y2] = toScreen(e.t);
      const on = !near || (near.has(e.s) && near.has(e.t) && (e.s === selected || e.t === selected));
      ctx.globalAlpha = on ? 0.9 : 0.12;
      ctx.strokeStyle = e.kind === "reuses" ? "#c0392b" : (e.resolved ? "#5f7da8" : "#a7adb6");
      ctx.lineWidth = e.kind === "reuses" ? 2 : 1.2;
      ctx.setLineDash(e.kind === "reuses" ? [2, 3] : (e.resolved ? [] : [5, 4]));
      ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
      if (e.kind !== "reuses" || e.directed) {
        const a = Math.atan2(y2 - y1, x2 - x1), r = radius(e.t) * Math.min(1.5, view.k) + 2;
        const hx = x2 - Math.cos(a) * r, hy = y2 - Math.sin(a) * r;
        ctx.setLineDash([]); ctx.fillStyle = ctx.strokeStyle;
        ctx.beginPath(); ctx.moveTo(hx, hy);
        ctx.lineTo(hx - 8 * Math.cos(a - 0.4), hy - 8 * Math.sin(a - 0.4));
        ctx.lineTo(hx - 8 * Math.cos(a + 0.4), hy - 8 * Math.sin(a + 0.4)); ctx.closePath(); ctx.fill();
      }
    }
    ctx.setLineDash([]);
    for (const n of nodes) {
      if (!visibleNode(n)) continue;
      const [x, y] = toScreen(n), r = radius(n) * Math.min(1.5, view.k);
      if (x < -50 || y < -50 || x > W + 50 || y > H + 50) continue;
      ctx.globalAlpha = !near || near.has(n) ? 1 : 0.2;
      ctx.fillStyle = colorOf(n);
      ctx.strokeStyle = n === selected ? "#111" : (n.kind === "dangling" ? "#888" : "#ffffff");
      ctx.lineWidth = n === selected ? 2.5 : 1.2;
      if (n.kind === "dangling") ctx.setLineDash([3, 2]);
      ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI); ctx.fill(); ctx.stroke(); ctx.setLineDash([]);
      if (view.k > 0.7 || (near && near.has(n)) || n === hover) {
        ctx.fillStyle = "#1d2430"; ctx.font = "11px system-ui, sans-serif";
        ctx.fillText(n.label || n.id, x + r + 3, y + 4);
      }
    }
    ctx.globalAlpha = 1;
  }

  // -- interaction
  function nodeAt(px, py) {
    let best = null, bd = Infinity;
    for (const n of nodes) {
      if (!visibleNode(n)) continue;
      const [x, y] = toScreen(n), r = radius(n) * Math.min(1.5, view.k) + 3;
      const d = (x - px) * (x - px) + (y - py) * (y - py);
      if (d < r * r && d < bd) { best = n; bd = d; }
    }
    return best;
  }
  let drag = null;
  canvas.addEventListener("mousedown", function (ev) {
    const n = nodeAt(ev.offsetX, ev.offsetY);
    drag = { node: n, x: ev.offsetX, y: ev.offsetY, vx: view.x, vy: view.y, moved: false };
    touched = true;
    canvas.classList.add("dragging");
  });
  window.addEventListener("mousemove", function (ev) {
    const r = canvas.getBoundingClientRect(), px = ev.clientX - r.left, py = ev.clientY - r.top;
    if (!drag) {
      const h = nodeAt(px, py);
      if (h !== hover) { hover = h; draw(); }
      return;
    }
    if (Math.abs(px - drag.x) + Math.abs(py - drag.y) > 3) drag.moved = true;
    if (drag.node) {
      const [wx, wy] = toWorld(px, py); drag.node.x = wx; drag.node.y = wy; drag.node.fixed = true;
    } else {
      view.x = drag.vx - (px - drag.x) / view.k; view.y = drag.vy - (py - drag.y) / view.k;
    }
    draw();
  });
  window.addEventListener("mouseup", function () {
    if (drag && !drag.moved) select(drag.node);
    drag = null; canvas.classList.remove("dragging");
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    touched = true;
    const [wx, wy] = toWorld(ev.offsetX, ev.offsetY);
    view.k = Math.max(0.05, Math.min(8, view.k * Math.exp(-ev.deltaY * 0.0015)));
    view.x = wx - (ev.offsetX - W / 2) / view.k; view.y = wy - (ev.offsetY - H / 2) / view.k;
    draw();
  }, { passive: false });

  const panel = document.getElementById("panel");
  function el(tag, text, cls) { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }
  function linkTo(n) {
    const a = el("a", n.label || n.id);
    a.addEventListener("click", function () { select(n); view.x = n.x; view.y = n.y; draw(); });
    return a;
  }
  function edgeItem(e, other, outgoing) {
    const li = el("li");
    li.appendChild(el("span", e.kind === "reuses" ? "reuses" : e.relation, "tag " + (e.kind === "reuses" ? "reuses" : (e.resolved ? "" : "dangling"))));
    li.appendChild(document.createTextNode(outgoing ? "→ " : "← "));
    li.appendChild(linkTo(other));
    if (other.date) li.appendChild(el("span", " " + other.date, "muted"));
    if (e.kind === "reuses") {
      li.appendChild(el("div", e.tokens + " words in " + e.passages.length + " passage(s); spans here " +
        e.passages.map(function (p) { return "[" + (outgoing ? p.src_span : p.dst_span).join("–") + "]"; }).join(", "), "muted"));
    } else {
      li.appendChild(el("div", (e.resolved ? "confidence " + e.confidence.toFixed(2) + ": " : "") + e.reason +
        (e.mentions > 1 ? " (" + e.mentions + " mentions)" : ""), "muted"));
    }
    return li;
  }
  function select(n) {
    selected = n; panel.textContent = "";
    if (!n) { panel.appendChild(el("p", "Click a node to see its metadata and links.", "muted")); draw(); return; }
    panel.appendChild(el("h2", n.label || n.id));
    if (n.kind === "dangling") panel.appendChild(el("p", "Cited, not in the corpus.", "tag dangling"));
    const dl = el("dl");
    [["key", n.key], ["number", n.number], ["type", n.doc_type], ["date", n.date], ["issuer", n.issuer], ["subject", n.subject], ["file", n.path], ["id", n.id]]
      .forEach(function (kv) { if (kv[1]) { dl.appendChild(el("dt", kv[0])); dl.appendChild(el("dd", kv[1])); } });
    panel.appendChild(dl);
    panel.appendChild(el("h3", "Cites / repeats (" + n.out.length + ")"));
    let ul = el("ul"); n.out.forEach(function (e) { ul.appendChild(edgeItem(e, e.t, true)); }); panel.appendChild(ul);
    panel.appendChild(el("h3", "Cited / repeated by (" + n.in.length + ")"));
    ul = el("ul"); n.in.forEach(function (e) { ul.appendChild(edgeItem(e, e.s, false)); }); panel.appendChild(ul);
    draw();
  }
  document.getElementById("search").addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    const q = ev.target.value.trim().toLowerCase(); if (!q) return;
    const hit = nodes.find(function (n) {
      return [n.number, n.key, n.label, n.issuer, n.subject, n.path].some(function (v) { return v && v.toLowerCase().indexOf(q) >= 0; });
    });
    if (hit) { touched = true; select(hit); view.x = hit.x; view.y = hit.y; view.k = Math.max(view.k, 1.2); draw(); }
  });
  document.getElementById("showDangling").addEventListener("change", function (ev) { show.dangling = ev.target.checked; draw(); });
  document.getElementById("showReuse").addEventListener("change", function (ev) { show.reuse = ev.target.checked; draw(); });
  document.getElementById("fit").addEventListener("click", fit);
  document.getElementById("count").textContent = nodes.length + " nodes, " + live.length + " edges";
  window.addEventListener("resize", resize);
  resize();
  run();
})();
</script>
</body>
</html>
"""
