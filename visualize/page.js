/* vanban graph page: search, filters, labels, detail panel and implementation trees over vis-network.
   Document text is only ever written as text (textContent, text nodes, canvas fillText), never
   parsed as HTML. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("vanban-data").textContent);
  const started = performance.now();
  const $ = (id) => document.getElementById(id);
  const api = { ready: false, readyAt: null, startedAt: started };
  window.vanban = api;

  // --- text -------------------------------------------------------------------------------
  // Same key as vanban.graph.keys.fold: no diacritics, đ→d, lower case, single spaces.
  function fold(text) {
    if (!text) return "";
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[Đđ]/g, (c) => (c === "Đ" ? "D" : "d"))
      .replace(/\s+/g, " ").trim().toLowerCase();
  }
  const compact = (text) => fold(text).replace(/[^a-z0-9]/g, "");
  const number = (n) => Number(n).toLocaleString("en-US");

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "className") node.className = value;
      else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else if (key === "style") Object.assign(node.style, value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  // --- data -------------------------------------------------------------------------------
  const nodeStyles = data.styles.nodes;
  const edgeStyles = data.styles.edges;
  const facts = data.facts;
  const edgeFacts = data.edgeFacts; // per drawn line: the statements of its relation, one per file
  // The attribute schema (vanban.graph.schema): per node kind and edge type, each attribute's
  // label and how the panel shows it (fact, detail, evidence, conflict or hidden).
  const schema = data.schema;
  const attributes = {}; // owner (node kind or edge type) -> key -> {label, show}
  for (const [owner, list] of [...Object.entries(schema.nodes), ...Object.entries(schema.edges)]) {
    attributes[owner] = Object.fromEntries(list.map(([key, label, show]) => [key, { label, show }]));
  }
  // A value as words: coded values (noi_nhan, lead) named, spans as a range, yes/no.
  function shown(key, value) {
    if (value === true) return "yes";
    if (value === false) return "no";
    if (key === "span" && Array.isArray(value) && value.length === 2) return "characters " + value[0] + "–" + value[1];
    if (Array.isArray(value)) return value.map((v) => shown(key, v)).join(", ");
    if (value !== null && typeof value === "object") return JSON.stringify(value);
    return (schema.values[key] || {})[value] || String(value);
  }
  const kindOf = {};
  const labelOf = {};
  const original = {}; // the layout computed in Python, for Reset
  for (const n of data.nodes) {
    kindOf[n.id] = n.kind;
    labelOf[n.id] = n.text;
    original[n.id] = { x: n.x, y: n.y };
    const f = facts[n.id] || {};
    const style = nodeStyles[n.group] || {};
    n.title = (style.legend || n.kind) + ": " + (f.symbol || f.name || f.title || f.number || n.id) +
      (f.date ? " · " + f.date : "");
  }
  const ARROWS = new Set(["IMPLEMENTS", "REPORTS_TO", "CITES", "COPIES"]);
  const edgeIndex = {};
  const incident = {};
  for (const e of data.edges) {
    const style = edgeStyles[e.type] || {};
    e.color = { color: style.color, highlight: style.color, hover: style.color, opacity: 0.75 };
    e.width = style.width;
    // Dash patterns and arrowheads cost most of a frame on large graphs: there, colour and width
    // tell the types apart and only references and reporting lines keep their arrows.
    e.dashes = data.large ? false : style.dashes;
    if (data.large && !ARROWS.has(e.type)) e.arrows = { to: { enabled: false } };
    const statements = edgeFacts[Number(e.id.slice(1))] || [];
    if (e.type === "ASSIGNED_TO" && statements.some((f) => f.role === "lead")) e.width = 2.5;
    e.title = (style.legend || e.type) + ": " + labelOf[e.from] + " → " + labelOf[e.to] +
      (statements.length > 1 ? " (" + statements.length + " statements)" : "");
    edgeIndex[e.id] = e;
    (incident[e.from] = incident[e.from] || []).push(e.id);
    (incident[e.to] = incident[e.to] || []).push(e.id);
  }

  // --- network ----------------------------------------------------------------------------
  const defaults = { kinds: new Set(Object.keys(nodeStyles).filter((k) => !data.hidden.kinds.includes(k))),
    types: new Set(Object.keys(edgeStyles)), isolated: !data.hidden.isolated };
  const shownKinds = new Set(defaults.kinds);
  const shownTypes = new Set(defaults.types);
  let showIsolated = defaults.isolated;
  const visible = (n) => shownKinds.has(n.group) && (showIsolated || !n.isolated);
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const nodeView = new vis.DataView(nodes, { filter: visible });
  const edgeView = new vis.DataView(edges, { filter: (e) => shownTypes.has(e.type) });
  const network = new vis.Network($("graph"), { nodes: nodeView, edges: edgeView }, data.options);
  Object.assign(api, { network, nodes, edges });

  // --- labels: drawn beside their markers, most important first, never over one another ------
  const byImportance = data.nodes.slice().sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1));
  const widths = new Map();
  let placedLabels = [];
  let moving = false;
  function labelFont(n) { return (nodeStyles[n.group].font || {}).size || 12; }
  function drawLabels(ctx) {
    const ratio = ctx.canvas.width / ctx.canvas.clientWidth || 1;
    const W = ctx.canvas.clientWidth;
    const H = ctx.canvas.clientHeight;
    const scale = network.getScale();
    const cell = 60;
    const grid = new Map();
    const boxes = [];
    const selected = new Set(network.getSelectedNodes());
    const order = selected.size ? [...data.nodes.filter((n) => selected.has(n.id)), ...byImportance] : byImportance;
    const positions = network.getPositions(nodeView.getIds());
    const free = (box) => {
      for (let gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
        for (let gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
          for (const other of grid.get(gx + "," + gy) || []) {
            if (box.x < other.x + other.w && other.x < box.x + box.w && box.y < other.y + other.h && other.y < box.y + box.h) return false;
          }
        }
      }
      return true;
    };
    const keep = (box) => {
      for (let gx = Math.floor(box.x / cell); gx <= Math.floor((box.x + box.w) / cell); gx++) {
        for (let gy = Math.floor(box.y / cell); gy <= Math.floor((box.y + box.h) / cell); gy++) {
          const key = gx + "," + gy;
          if (!grid.has(key)) grid.set(key, []);
          grid.get(key).push(box);
        }
      }
      boxes.push(box);
    };
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "top";
    ctx.lineJoin = "round";
    const seen = new Set();
    for (const n of order) {
      if (seen.has(n.id) || !positions[n.id]) continue;
      seen.add(n.id);
      const p = network.canvasToDOM(positions[n.id]);
      if (p.x < -200 || p.y < -50 || p.x > W + 200 || p.y > H + 50) continue;
      const size = labelFont(n);
      const font = (selected.has(n.id) ? "600 " : "") + size + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      ctx.font = font;
      const key = font + "\u0000" + n.text;
      if (!widths.has(key)) widths.set(key, ctx.measureText(n.text).width);
      const w = widths.get(key);
      const marker = n.size * scale;
      const candidates = [
        { x: p.x - w / 2, y: p.y + marker + 2 },
        { x: p.x + marker + 4, y: p.y - size / 2 },
        { x: p.x - w / 2, y: p.y - marker - 3 - size },
      ];
      for (const c of candidates) {
        const box = { id: n.id, x: c.x - 1, y: c.y - 1, w: w + 2, h: size + 3 };
        if (box.x < 0 || box.y < 0 || box.x + box.w > W || box.y + box.h > H) continue;
        if (!free(box)) continue;
        keep(box);
        ctx.strokeStyle = "rgba(255,255,255,0.92)";
        ctx.lineWidth = 3;
        ctx.strokeText(n.text, c.x, c.y);
        ctx.fillStyle = (nodeStyles[n.group].font || {}).color || "#222";
        ctx.fillText(n.text, c.x, c.y);
        break;
      }
    }
    ctx.restore();
    placedLabels = boxes;
  }
  network.on("afterDrawing", (ctx) => { if (!moving || placedLabels.length < 400) drawLabels(ctx); });
  network.on("dragStart", () => { moving = true; });
  network.on("dragEnd", () => { moving = false; network.redraw(); });

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.dataset.ready = "1";
    showStatus();
  }
  function showStatus(prefix) {
    const c = data.counts;
    $("status").textContent = (prefix ? prefix + " · " : "") + number(c.nodes) + " nodes · " + number(c.statements) +
      " edges · " + number(nodeView.length) + " shown";
    $("status").title = number(c.nodes) + " nodes and " + number(c.statements) + " edges, counted as vanban build " +
      "counts them (an edge per fact and per file that states it); " + number(data.edges.length) +
      " lines, one per related pair and type";
  }
  if (data.nodes.length) {
    network.once("afterDrawing", markReady);
    network.fit({ animation: false });
  } else {
    markReady();
  }

  // --- legend and filters -----------------------------------------------------------------
  const groupCounts = {
    Document: data.counts.read_documents, DocumentRef: data.counts.referenced_documents,
    Organ: data.counts.kinds.Organ, Person: data.counts.kinds.Person, Task: data.counts.kinds.Task,
  };
  const isolatedCount = data.nodes.filter((n) => n.isolated).length;

  for (const [group, style] of Object.entries(nodeStyles)) {
    const swatch = el("span", { className: "swatch " + style.shape,
      style: { background: style.color.background, borderColor: style.color.border } });
    const box = el("input", { type: "checkbox", "data-kind": group });
    box.checked = shownKinds.has(group);
    box.addEventListener("change", () => {
      if (box.checked) shownKinds.add(group); else shownKinds.delete(group);
      refilter();
    });
    $("legend-nodes").appendChild(el("li", {}, el("label", {}, box, swatch, style.legend,
      el("span", { className: "count", "data-count": group }, number(groupCounts[group] || 0)))));
  }
  if (isolatedCount) {
    const box = el("input", { type: "checkbox", "data-isolated": "1" });
    box.checked = showIsolated;
    box.addEventListener("change", () => { showIsolated = box.checked; refilter(); });
    $("legend-nodes").appendChild(el("li", { className: "isolated" }, el("label", { title:
      "documents, organs and persons with no relation to another node but tasks" }, box,
      el("span", { className: "swatch none" }), "Isolated nodes", el("span", { className: "count" }, number(isolatedCount)))));
  }
  const SVG = "http://www.w3.org/2000/svg";
  for (const [type, style] of Object.entries(edgeStyles)) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "edge-swatch");
    svg.setAttribute("width", "30");
    svg.setAttribute("height", "10");
    const line = document.createElementNS(SVG, "line");
    for (const [k, v] of Object.entries({ x1: 1, y1: 5, x2: 29, y2: 5, stroke: style.color,
      "stroke-width": Math.min(style.width, 3.5) })) line.setAttribute(k, v);
    if (style.dashes) line.setAttribute("stroke-dasharray", style.dashes.join(" "));
    svg.appendChild(line);
    const box = el("input", { type: "checkbox", "data-type": type });
    box.checked = shownTypes.has(type);
    box.addEventListener("change", () => {
      if (box.checked) shownTypes.add(type); else shownTypes.delete(type);
      edgeView.refresh();
    });
    $("legend-edges").appendChild(el("li", {}, el("label", {}, box, svg, style.legend,
      el("span", { className: "count", "data-count": type }, number(data.counts.types[type] || 0)))));
  }

  // Showing or hiding nodes lays the shown ones out again: a short run of forces from where
  // they are (bounded, then physics is off again); Reset goes back to the computed layout.
  let settling = false;
  function refilter() {
    nodeView.refresh();
    showStatus();
    relayout();
  }
  function relayout() {
    if (!nodeView.length) return;
    settling = true;
    document.body.dataset.settling = "1";
    showStatus("laying out");
    const iterations = Math.max(40, Math.min(200, Math.round(60000 / Math.max(1, nodeView.length))));
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      settling = false;
      delete document.body.dataset.settling;
      network.fit({ animation: false });
      showStatus();
    });
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(iterations);
  }
  function reset() {
    for (const box of document.querySelectorAll("input[data-kind]")) box.checked = defaults.kinds.has(box.dataset.kind);
    for (const box of document.querySelectorAll("input[data-type]")) box.checked = defaults.types.has(box.dataset.type);
    const iso = document.querySelector("input[data-isolated]");
    if (iso) iso.checked = defaults.isolated;
    shownKinds.clear(); defaults.kinds.forEach((k) => shownKinds.add(k));
    shownTypes.clear(); defaults.types.forEach((t) => shownTypes.add(t));
    showIsolated = defaults.isolated;
    network.setOptions({ physics: { enabled: false } });
    nodes.update(data.nodes.map((n) => ({ id: n.id, x: original[n.id].x, y: original[n.id].y })));
    nodeView.refresh();
    edgeView.refresh();
    closePanel();
    network.fit({ animation: false });
    showStatus();
  }
  $("fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));
  $("reset").addEventListener("click", reset);

  // --- search -----------------------------------------------------------------------------
  const KIND_RANK = { Document: 0, Organ: 1, Person: 2 };
  const index = [];
  for (const n of data.nodes) {
    if (!(n.kind in KIND_RANK)) continue;
    const f = facts[n.id] || {};
    const keys = [f.symbol, f.name, f.title, n.id].filter(Boolean).map(fold);
    index.push({ id: n.id, keys, symbol: compact(f.symbol), rank: KIND_RANK[n.kind] });
  }

  function search(query, limit) {
    const q = fold(query);
    const qc = compact(query);
    if (!q) return [];
    const hits = [];
    for (const item of index) {
      let score = 9;
      if (qc && item.symbol === qc) score = 0;
      else for (const key of item.keys) {
        if (key === q) score = Math.min(score, 1);
        else if (key.startsWith(q)) score = Math.min(score, 2);
        else if (key.includes(" " + q)) score = Math.min(score, 3);
        else if (key.includes(q)) score = Math.min(score, 4);
      }
      if (score === 9 && qc.length > 2 && item.symbol.includes(qc)) score = 5;
      if (score < 9) hits.push([score, item.rank, labelOf[item.id].length, item.id]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || (a[3] < b[3] ? -1 : 1));
    return hits.slice(0, limit || 20).map((h) => h[3]);
  }

  function showResults() {
    const list = $("results");
    list.replaceChildren();
    const query = $("search").value;
    if (!fold(query)) { list.hidden = true; return; }
    const ids = search(query, 20);
    if (!ids.length) list.appendChild(el("li", { className: "empty" }, "Nothing matches"));
    for (const id of ids) {
      const f = facts[id] || {};
      const name = f.symbol ? f.symbol + (f.doc_type ? " — " + f.doc_type : "") : labelOf[id];
      list.appendChild(el("li", { role: "option" }, el("button", { type: "button", "data-id": id,
        on: { click: () => { list.hidden = true; select(id); } } },
        el("span", {}, name), el("span", { className: "kind" }, kindOf[id]))));
    }
    list.hidden = false;
  }
  $("search").addEventListener("input", showResults);
  $("search").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = search($("search").value, 1)[0];
      if (first) { $("results").hidden = true; select(first); }
    } else if (ev.key === "Escape") {
      $("results").hidden = true;
    } else if (ev.key === "ArrowDown") {
      const button = $("results").querySelector("button");
      if (button) { ev.preventDefault(); button.focus(); }
    }
  });

  // --- selection and the detail panel -----------------------------------------------------
  // The part of the canvas the panel leaves visible, in page coordinates.
  function clearArea() {
    const box = $("graph").getBoundingClientRect();
    const right = $("panel").hidden ? box.right : Math.min(box.right, $("panel").getBoundingClientRect().left - 8);
    return { left: box.left, right, top: box.top, bottom: box.bottom, box };
  }

  function reveal(id) {
    const node = nodes.get(id);
    if (!shownKinds.has(node.group)) {
      shownKinds.add(node.group);
      document.querySelector('input[data-kind="' + node.group + '"]').checked = true;
    }
    if (node.isolated && !showIsolated) {
      showIsolated = true;
      const box = document.querySelector("input[data-isolated]");
      if (box) box.checked = true;
    }
    nodeView.refresh();
  }

  function select(id) {
    reveal(id);
    $("tree-view").hidden = true;
    network.selectNodes([id]);
    showNode(id);
    // Centre the node in the part of the canvas the detail panel leaves visible.
    const area = clearArea();
    const covered = area.box.right - area.right;
    document.body.dataset.moving = "1";
    network.once("animationFinished", () => { delete document.body.dataset.moving; });
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), offset: { x: -covered / 2, y: 0 },
      animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }

  // A clicked node the panel would cover is moved into the part of the canvas left visible.
  function keepClear(id) {
    const area = clearArea();
    const p = network.canvasToDOM(network.getPositions([id])[id]);
    const x = p.x + area.box.left;
    const y = p.y + area.box.top;
    if (x > area.left + 30 && x < area.right - 30 && y > area.top + 30 && y < area.bottom - 30) return;
    const scale = network.getScale();
    const view = network.getViewPosition();
    const targetX = (area.left + area.right) / 2;
    const targetY = (area.top + area.bottom) / 2;
    document.body.dataset.moving = "1";
    network.once("animationFinished", () => { delete document.body.dataset.moving; });
    network.moveTo({ position: { x: view.x + (x - targetX) / scale, y: view.y + (y - targetY) / scale },
      scale, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  }

  function nodeLink(id) {
    return el("a", { className: "node-link", tabindex: "0", on: { click: () => select(id),
      keydown: (ev) => { if (ev.key === "Enter") select(id); } } }, labelOf[id] || id);
  }

  // The facts of a node (owner: its kind) or of one statement of a relation (owner: its type),
  // under their labels, except what the schema shows elsewhere (skip: kinds of display).
  function factList(f, owner, skip) {
    const dl = el("dl");
    const table = attributes[owner] || {};
    for (const [key, value] of Object.entries(f)) {
      const attribute = table[key] || { label: key.replace(/_/g, " "), show: "fact" };
      if (attribute.show === "hidden" || skip.includes(attribute.show)) continue;
      const explained = schema.explained[key];
      dl.append(el("dt", explained ? { title: explained } : {}, attribute.label), el("dd", {}, shown(key, value)));
    }
    return dl;
  }

  function typeBadge(type) {
    const style = edgeStyles[type] || {};
    return el("span", { className: "type", style: { background: style.color || "#777" } }, style.legend || type);
  }

  function evidenceBlock(f) {
    const out = [];
    if (f.evidence) out.push(el("blockquote", { className: "evidence" }, f.evidence));
    if (f.source_file) {
      out.push(el("div", { className: "source" }, "source: " + f.source_file +
        (f.span ? " · " + shown("span", f.span) : "") + (f.rule ? " · rule " + f.rule : "")));
    }
    return out;
  }

  // A relation's one-line summary: its type's detail attributes (role, address and purpose, …).
  function detailText(type, f) {
    return (schema.edges[type] || []).filter(([key, , show]) => show === "detail" && f[key] !== undefined)
      .map(([key, label]) => label + ": " + shown(key, f[key])).join(" · ");
  }

  function openPanel(...children) {
    const body = $("panel-body");
    body.replaceChildren(...children.flat().filter(Boolean));
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
  }
  function closePanel() {
    $("panel").hidden = true;
    network.unselectAll();
    network.redraw();
  }

  const TYPE_ORDER = schema.edgeOrder;
  function showNode(id) {
    const f = facts[id] || {};
    const style = nodeStyles[nodes.get(id).group] || {};
    const parts = [
      el("h2", {}, f.symbol || f.name || (f.number ? "Task " + f.number : "") || f.title || id),
      el("div", { className: "kind" }, (style.legend || kindOf[id]) + " · " + id),
      factList(f, kindOf[id], ["conflict"]),
    ];
    for (const [key, label, show] of schema.nodes[kindOf[id]] || []) {
      if (show !== "conflict") continue;
      for (const value of f[key] || []) parts.push(el("div", { className: "conflict" }, label + ": " + value));
    }
    if (data.trees[id]) {
      parts.push(el("button", { className: "action", type: "button", on: { click: () => showTree(id) } },
        "Show implementation tree (" + (data.trees[id].nodes.filter((n) => n.kind === "Document").length - 1) +
        " documents)"));
    }
    const ids = (incident[id] || []).slice().sort((a, b) =>
      TYPE_ORDER.indexOf(edgeIndex[a].type) - TYPE_ORDER.indexOf(edgeIndex[b].type));
    if (ids.length) parts.push(el("h3", {}, "Relations and evidence (" + ids.length + ")"));
    for (const eid of ids.slice(0, 300)) {
      const e = edgeIndex[eid];
      const statements = edgeFacts[Number(eid.slice(1))] || [];
      const outgoing = e.from === id;
      const other = outgoing ? e.to : e.from;
      const details = [...new Set(statements.map((s) => detailText(e.type, s)).filter(Boolean))].join(" | ");
      parts.push(el("div", { className: "rel" },
        el("div", { className: "rel-head" }, outgoing ? "→" : "←", typeBadge(e.type), nodeLink(other),
          el("span", { className: "detail" }, details)),
        ...statements.flatMap(evidenceBlock)));
    }
    if (ids.length > 300) parts.push(el("p", { className: "detail" }, "… and " + (ids.length - 300) + " more"));
    openPanel(parts);
  }

  function showEdge(eid) {
    const e = edgeIndex[eid];
    const statements = edgeFacts[Number(eid.slice(1))] || [];
    openPanel(
      el("h2", {}, typeBadge(e.type)),
      el("div", { className: "rel-head" }, nodeLink(e.from), "→", nodeLink(e.to)),
      statements.length > 1 ? el("p", { className: "detail" }, "Stated in " + statements.length + " places:") : null,
      ...statements.flatMap((f) => [
        factList(f, e.type, ["evidence"]),
        f.evidence ? el("h3", {}, "Evidence") : null,
        ...evidenceBlock(f)]));
  }

  network.on("click", (params) => {
    if (params.nodes.length) {
      showNode(params.nodes[0]);
      keepClear(params.nodes[0]);
    } else if (params.edges.length) showEdge(params.edges[0]);
  });
  $("panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape") return;
    if (!$("tree-view").hidden) { $("tree-view").hidden = true; $("tree-select").value = ""; }
    else if (!$("panel").hidden) closePanel();
    $("results").hidden = true;
  });

  // --- implementation trees ---------------------------------------------------------------
  let treeNetwork = null;
  const treeIds = Object.keys(data.trees).sort((a, b) =>
    data.trees[b].nodes.length - data.trees[a].nodes.length || (a < b ? -1 : 1));
  for (const id of treeIds) {
    const docs = data.trees[id].nodes.filter((n) => n.kind === "Document").length - 1;
    $("tree-select").appendChild(el("option", { value: id }, data.trees[id].label + " (" + docs + ")"));
  }
  $("tree-select").addEventListener("change", (ev) => { if (ev.target.value) showTree(ev.target.value); });
  $("tree-close").addEventListener("click", () => {
    $("tree-view").hidden = true;
    $("tree-select").value = "";
  });

  function showTree(id) {
    const tree = data.trees[id];
    $("tree-select").value = id;
    $("tree-title").textContent = "Implementation tree of " + tree.label +
      ": the documents implementing it, by depth, each with its issuer";
    $("tree-view").hidden = false;
    $("panel").hidden = true;
    const tnodes = tree.nodes.map((n) => {
      const group = n.kind === "Document" ? (facts[n.ref] && facts[n.ref].read ? "Document" : "DocumentRef") : n.kind;
      const style = nodeStyles[group] || {};
      return { id: n.id, ref: n.ref, label: n.label, level: n.level, shape: n.kind === "Document" ? "box" : "ellipse",
        color: style.color, font: { color: group === "Document" ? "#ffffff" : (style.font || {}).color, size: 14 } };
    });
    const tedges = tree.edges.map((e) => {
      const style = edgeStyles[e.type] || {};
      return { from: e.from, to: e.to, arrows: "to", width: style.width, dashes: style.dashes,
        color: { color: style.color }, title: style.legend };
    });
    const options = {
      layout: { hierarchical: { enabled: true, direction: "UD", sortMethod: "directed",
        levelSeparation: 110, nodeSpacing: 190, shakeTowards: "roots" } },
      physics: { enabled: false },
      nodes: { font: { face: "system-ui,sans-serif", multi: false }, margin: 8, widthConstraint: { maximum: 230 } },
      edges: { smooth: { type: "cubicBezier", forceDirection: "vertical", roundness: 0.4 } },
      interaction: { hover: true },
    };
    if (treeNetwork) treeNetwork.destroy();
    treeNetwork = new vis.Network($("tree-canvas"), { nodes: new vis.DataSet(tnodes), edges: new vis.DataSet(tedges) },
      options);
    api.treeNetwork = treeNetwork;
    treeNetwork.on("click", (params) => {
      if (params.nodes.length) showNode(tnodes.find((n) => n.id === params.nodes[0]).ref);
    });
  }

  // --- a small API for tests and the console ----------------------------------------------
  Object.assign(api, {
    fold,
    search,
    select,
    showTree,
    reset,
    relayout,
    settling: () => settling,
    labels: () => placedLabels.map((b) => ({ ...b })),
    shownNodeIds: () => nodeView.getIds(),
    shownEdgeIds: () => edgeView.getIds(),
    kindOf: (id) => kindOf[id],
  });
})();
