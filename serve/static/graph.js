/* vanban server: a graph view that starts at one node and asks the server for neighbours on click.
   Every text is written with textContent; nodes and edges carry labels as plain strings. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const $ = (id) => document.getElementById(id);
  const nodeStyles = data.styles.nodes;
  const edgeStyles = data.styles.edges;
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const expanded = new Set();
  const groups = {};
  for (const [name, style] of Object.entries(nodeStyles)) {
    groups[name] = { shape: style.shape, color: style.color, font: style.font, size: style.size };
  }
  const network = new vis.Network($("canvas"), { nodes, edges }, {
    groups,
    nodes: { font: { face: "system-ui,sans-serif" }, borderWidth: 1.5, margin: 6, widthConstraint: { maximum: 220 } },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.55 } }, smooth: false },
    physics: { enabled: false, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, springLength: 120, springConstant: 0.05, avoidOverlap: 0.8 },
      stabilization: { enabled: false } },
    interaction: { hover: true, tooltipDelay: 200 },
    layout: { improvedLayout: false },
  });
  const api = { network, nodes, edges, expanded, expand, ready: false };
  window.vanbanGraph = api;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "className") node.className = value;
      else if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function addNode(summary, x, y) {
    if (nodes.get(summary.id)) return false;
    nodes.add({ id: summary.id, label: summary.short || summary.label, group: summary.group, x, y, url: summary.url,
      title: (nodeStyles[summary.group] || {}).legend + ": " + summary.label + (summary.date ? " · " + summary.date : "") });
    return true;
  }

  function addEdge(from, to, type) {
    const id = from + "\u0000" + type + "\u0000" + to;
    if (edges.get(id)) return;
    const style = edgeStyles[type] || {};
    edges.add({ id, from, to, type, width: style.width, dashes: style.dashes,
      color: { color: style.color, highlight: style.color, hover: style.color }, title: style.legend || type });
  }

  // New neighbours go on a ring around the node they were reached from, away from what is there.
  function place(center, count, index) {
    const at = network.getPositions([center])[center] || { x: 0, y: 0 };
    const radius = Math.max(200, 12 * count);
    const angle = (2 * Math.PI * index) / Math.max(count, 1) + expanded.size * 0.7;
    return [at.x + radius * Math.cos(angle), at.y + radius * Math.sin(angle)];
  }

  async function fetchGroup(id, params) {
    const query = new URLSearchParams({ id, limit: "25", ...params });
    const response = await fetch("/api/expand?" + query.toString(), { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error("the server answered " + response.status);
    return response.json();
  }

  function addGroups(center, view) {
    const fresh = view.groups.reduce((n, g) => n + g.nodes.length, 0);
    let index = 0;
    for (const group of view.groups) {
      for (const other of group.nodes) {
        const [x, y] = place(center, fresh, index++);
        addNode(other, x, y);
        if (group.direction === "out") addEdge(center, other.id, group.type);
        else addEdge(other.id, center, group.type);
      }
    }
  }

  // A short run of forces spreads the new neighbours; the expanded node stays where it is.
  function settle(id) {
    nodes.update({ id, fixed: { x: true, y: true } });
    network.once("stabilized", () => {
      network.setOptions({ physics: { enabled: false } });
      nodes.update({ id, fixed: { x: false, y: false } });
      document.body.dataset.settled = String(expanded.size);
    });
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(150);
  }

  async function expand(id) {
    $("graph-status").textContent = "asking the server…";
    const view = await fetchGroup(id, {});
    addNode(view.node, 0, 0);
    addGroups(id, view);
    settle(id);
    expanded.add(id);
    document.body.dataset.expanded = String(expanded.size);
    $("graph-status").textContent = nodes.length + " nodes · " + edges.length + " edges · click a node to expand it, double-click to open its page";
    showSide(view);
    api.ready = true;
    return view;
  }

  function showSide(view) {
    const body = $("side-body");
    const parts = [el("h2", {}, el("a", { href: view.node.url }, view.node.label)),
      el("div", { className: "muted" }, (nodeStyles[view.node.group] || {}).legend || view.node.kind)];
    for (const group of view.groups) {
      const list = el("ul");
      for (const other of group.nodes) list.appendChild(el("li", {}, el("a", { href: other.url }, other.label)));
      const shown = group.offset + group.nodes.length;
      const section = [el("h3", {}, (group.direction === "out" ? "→ " : "← ") + group.legend + " (" + group.total + ")"), list];
      if (shown < group.total) {
        section.push(el("button", { className: "more", type: "button", on: { click: async () => {
          const next = await fetchGroup(view.node.id, { type: group.type, direction: group.direction, offset: String(shown) });
          addGroups(view.node.id, next);
          for (const g of next.groups) { group.nodes = group.nodes.concat(g.nodes); }
          showSide(view);
        } } }, "show " + Math.min(25, group.total - shown) + " more of " + (group.total - shown)));
      }
      parts.push(...section);
    }
    body.replaceChildren(...parts);
    $("side").hidden = false;
    document.body.classList.add("side-open");
  }

  network.on("click", (params) => {
    if (params.nodes.length) expand(params.nodes[0]).catch((e) => { $("graph-status").textContent = String(e.message); });
  });
  network.on("doubleClick", (params) => {
    if (params.nodes.length) window.location.assign(nodes.get(params.nodes[0]).url);
  });
  $("fit").addEventListener("click", () => network.fit({ animation: false }));
  function closeSide() {
    $("side").hidden = true;
    document.body.classList.remove("side-open");
  }
  $("side-close").addEventListener("click", closeSide);
  document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeSide(); });
  if (data.start) {
    addNode(data.start, 0, 0);
    expand(data.start.id).then(() => network.once("stabilized", () => network.fit({ animation: false })))
      .catch((e) => { $("graph-status").textContent = String(e.message); });
  }
})();
