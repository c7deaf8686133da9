/* vanban graph page: search, filters, detail panel and implementation trees over vis-network.
   Document text is only ever written as text (textContent, text nodes), never parsed as HTML. */
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
  const kindOf = {};
  const labelOf = {};
  for (const n of data.nodes) {
    kindOf[n.id] = n.kind;
    labelOf[n.id] = n.label;
    const f = facts[n.id] || {};
    const style = nodeStyles[n.group] || {};
    n.title = (style.legend || n.kind) + ": " + (f.symbol || f.name || f.title || f.number || n.id) +
      (f.date ? " · " + f.date : "");
  }
  const LARGE_ARROWS = new Set(["IMPLEMENTS", "REPORTS_TO"]);
  if (data.large) for (const style of Object.values(edgeStyles)) style.dashes = false;
  const edgeIndex = {};
  const incident = {};
  for (const e of data.edges) {
    const style = edgeStyles[e.type] || {};
    e.color = { color: style.color, highlight: style.color, hover: style.color };
    e.width = style.width;
    // Dashed lines and arrowheads cost most of a frame on large graphs: there, colour and width
    // tell the types apart and only implementation and reporting lines keep their arrows.
    e.dashes = data.large ? false : style.dashes;
    if (data.large && !LARGE_ARROWS.has(e.type)) e.arrows = { to: { enabled: false } };
    const statements = edgeFacts[Number(e.id.slice(1))] || [];
    if (e.type === "ASSIGNED_TO" && statements.some((f) => f.role === "lead")) e.width = 2.5;
    e.title = (style.legend || e.type) + ": " + labelOf[e.from] + " → " + labelOf[e.to] +
      (statements.length > 1 ? " (" + statements.length + " statements)" : "");
    edgeIndex[e.id] = e;
    (incident[e.from] = incident[e.from] || []).push(e.id);
    (incident[e.to] = incident[e.to] || []).push(e.id);
  }

  // --- network ----------------------------------------------------------------------------
  const shownKinds = new Set(Object.keys(nodeStyles));
  const shownTypes = new Set(Object.keys(edgeStyles));
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const nodeView = new vis.DataView(nodes, { filter: (n) => shownKinds.has(n.group) });
  const edgeView = new vis.DataView(edges, { filter: (e) => shownTypes.has(e.type) });
  const network = new vis.Network($("graph"), { nodes: nodeView, edges: edgeView }, data.options);
  Object.assign(api, { network, nodes, edges });

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.dataset.ready = "1";
    $("status").textContent = data.nodes.length + " nodes · " + data.edges.length + " edges" +
      (data.large ? " · precomputed layout" : "");
  }
  if (data.options.physics && data.options.physics.enabled && data.nodes.length) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
    network.on("stabilizationProgress", (p) => {
      $("status").textContent = "laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
  } else {
    network.once("afterDrawing", markReady);
    if (!data.nodes.length) markReady();
  }

  // --- legend and filters -----------------------------------------------------------------
  function countBy(items, key) {
    const out = {};
    for (const item of items) out[item[key]] = (out[item[key]] || 0) + 1;
    return out;
  }
  const groupCounts = countBy(data.nodes, "group");
  const typeCounts = countBy(data.edges, "type");

  for (const [group, style] of Object.entries(nodeStyles)) {
    const swatch = el("span", { className: "swatch " + style.shape,
      style: { background: style.color.background, borderColor: style.color.border } });
    const box = el("input", { type: "checkbox", "data-kind": group });
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) shownKinds.add(group); else shownKinds.delete(group);
      nodeView.refresh();
    });
    $("legend-nodes").appendChild(el("li", {}, el("label", {}, box, swatch, style.legend,
      el("span", { className: "count" }, groupCounts[group] || 0))));
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
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) shownTypes.add(type); else shownTypes.delete(type);
      edgeView.refresh();
    });
    $("legend-edges").appendChild(el("li", {}, el("label", {}, box, svg, style.legend,
      el("span", { className: "count" }, typeCounts[type] || 0))));
  }

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
  function select(id) {
    const group = nodes.get(id).group;
    if (!shownKinds.has(group)) {
      shownKinds.add(group);
      document.querySelector('input[data-kind="' + group + '"]').checked = true;
      nodeView.refresh();
    }
    $("tree-view").hidden = true;
    network.selectNodes([id]);
    showNode(id);
    // Centre the node in the part of the canvas the detail panel leaves visible.
    const covered = $("panel").hidden ? 0
      : $("graph").getBoundingClientRect().right - $("panel").getBoundingClientRect().left;
    document.body.dataset.moving = "1";
    network.once("animationFinished", () => { delete document.body.dataset.moving; });
    network.focus(id, { scale: Math.max(network.getScale(), 1.1), offset: { x: -covered / 2, y: 0 },
      animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }

  function nodeLink(id) {
    return el("a", { className: "node-link", tabindex: "0", on: { click: () => select(id) } },
      labelOf[id] || id);
  }

  // The facts of a node (owner: its kind) or of one statement of a relation (owner: its type),
  // under their labels, except what the schema shows elsewhere (skip: kinds of display).
  function factList(f, owner, skip) {
    const dl = el("dl");
    const table = attributes[owner] || {};
    for (const [key, value] of Object.entries(f)) {
      const attribute = table[key] || { label: key, show: "fact" };
      if (attribute.show === "hidden" || skip.includes(attribute.show)) continue;
      const text = Array.isArray(value) ? value.join(", ") : (typeof value === "object" ? JSON.stringify(value) : value);
      dl.append(el("dt", {}, attribute.label), el("dd", {}, String(text)));
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
        (f.span ? " [" + f.span.join("–") + "]" : "") + (f.rule ? " · rule " + f.rule : "")));
    }
    return out;
  }

  // A relation's one-line summary: its type's detail attributes (role, address and purpose, …).
  function detailText(type, f) {
    return (schema.edges[type] || []).filter(([key, , show]) => show === "detail" && f[key] !== undefined)
      .map(([key, label]) => label + ": " + f[key]).join(" · ");
  }

  function openPanel(...children) {
    const body = $("panel-body");
    body.replaceChildren(...children.flat().filter(Boolean));
    $("panel").hidden = false;
    $("panel").scrollTop = 0;
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
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  $("panel-close").addEventListener("click", () => { $("panel").hidden = true; network.unselectAll(); });

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
      return { id: n.id, ref: n.ref, label: n.label, level: n.level, group,
        shape: n.kind === "Document" ? "box" : "ellipse" };
    });
    const tedges = tree.edges.map((e) => {
      const style = edgeStyles[e.type] || {};
      return { from: e.from, to: e.to, arrows: "to", width: style.width, dashes: style.dashes,
        color: { color: style.color }, title: style.legend };
    });
    const options = {
      groups: data.options.groups,
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
    shownNodeIds: () => nodeView.getIds(),
    shownEdgeIds: () => edgeView.getIds(),
    kindOf: (id) => kindOf[id],
  });
})();
