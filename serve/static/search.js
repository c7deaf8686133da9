/* vanban server: live search under the search box. Results are written as text only. */
(function () {
  "use strict";
  const input = document.getElementById("q");
  const list = document.getElementById("live");
  if (!input || !list) return;
  let timer = null;
  let asked = 0;

  function item(hit) {
    const link = document.createElement("a");
    link.href = hit.url;
    link.setAttribute("data-id", hit.id);
    const name = document.createElement("span");
    name.textContent = hit.label;
    const kind = document.createElement("span");
    kind.className = "kind";
    kind.textContent = hit.kind + (hit.detail ? " · " + hit.detail : "");
    link.append(name, kind);
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.appendChild(link);
    return li;
  }

  async function show() {
    const query = input.value.trim();
    const ticket = ++asked;
    if (!query) { list.hidden = true; list.replaceChildren(); return; }
    const response = await fetch("/api/search?limit=12&q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } });
    if (ticket !== asked || !response.ok) return;
    const data = await response.json();
    list.replaceChildren(...data.hits.map(item));
    if (!data.hits.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = "Nothing matches";
      list.appendChild(li);
    }
    list.hidden = false;
    document.body.dataset.searched = String(ticket);
  }

  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(show, 120); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") list.hidden = true;
    else if (ev.key === "ArrowDown") {
      const first = list.querySelector("a");
      if (first) { ev.preventDefault(); first.focus(); }
    }
  });
  list.addEventListener("keydown", (ev) => {
    const links = [...list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (ev.key === "ArrowDown" && at < links.length - 1) { ev.preventDefault(); links[at + 1].focus(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
    else if (ev.key === "Escape") { list.hidden = true; input.focus(); }
  });
  document.addEventListener("click", (ev) => { if (!list.contains(ev.target) && ev.target !== input) list.hidden = true; });
})();
