// The preview page: picks a pair, shows its annotated article, and refetches whenever the server
// reports a new version of the content (Server-Sent Events on /events). Text from the server is
// set with textContent; the article arrives as HTML that the server has already escaped.
"use strict";

(() => {
  const byId = (id) => document.getElementById(id);
  const ui = {
    form: byId("pick"), a: byId("a"), b: byId("b"), seed: byId("seed"), swap: byId("swap"),
    list: byId("occupations"), status: byId("status"), errors: byId("errors"),
    errorList: byId("error-list"), problem: byId("problem"), article: byId("article"),
    hint: byId("info-hint"), fields: byId("info-fields"), message: byId("info-message"),
    variant: byId("info-variant"), source: byId("info-source"), facts: byId("info-facts"),
  };
  const LOCATION = /^(.+?\.ya?ml(?::\d+){0,2}):\s*(.*)$/s;

  let shownVersion = null;   // version of the content the page shows
  let announced = null;      // latest version the server announced on /events
  let catalogVersion = null; // version the occupation list was filled from
  let slugs = new Map();     // casefolded title or slug -> slug
  let pinned = null;         // {key, index} of the clicked sentence, kept across reloads
  let busy = false;
  let again = false;

  async function getJSON(url) {
    const response = await fetch(url, { cache: "no-store" });
    return { status: response.status, body: await response.json() };
  }

  function setStatus(text, kind) {
    ui.status.textContent = text;
    ui.status.className = kind || "";
  }

  function resolve(text) {
    return slugs.get(text.trim().toLowerCase()) || null;
  }

  function showErrors(errors) {
    ui.errorList.replaceChildren(...errors.map((error) => {
      const item = document.createElement("li");
      const match = LOCATION.exec(error);
      if (match) {
        const where = document.createElement("code");
        where.className = "where";
        where.textContent = match[1];
        item.append(where, " ", match[2]);
      } else {
        item.textContent = error;
      }
      return item;
    }));
    ui.errors.hidden = errors.length === 0;
  }

  function showProblem(text) {
    ui.problem.textContent = text || "";
    ui.problem.hidden = !text;
  }

  function fillCatalog(occupations) {
    slugs = new Map();
    const options = occupations.map(({ slug, title }) => {
      slugs.set(slug.toLowerCase(), slug);
      if (!slugs.has(title.toLowerCase())) slugs.set(title.toLowerCase(), slug);
      const option = document.createElement("option");
      option.value = title;
      option.label = slug;
      return option;
    });
    ui.list.replaceChildren(...options);
    const titles = new Map(occupations.map(({ slug, title }) => [slug, title]));
    const params = new URLSearchParams(location.search);
    if (!ui.a.value) ui.a.value = titles.get(params.get("a")) || params.get("a") || occupations[0]?.title || "";
    if (!ui.b.value) ui.b.value = titles.get(params.get("b")) || params.get("b") || occupations[1]?.title || "";
  }

  async function refreshOnce() {
    const state = (await getJSON("/api/state")).body;
    if (state.errors.length) {
      showErrors(state.errors);
      showProblem("");
      ui.article.replaceChildren();
      shownVersion = state.version;
      setStatus("The content has errors; waiting for a fix", "bad");
      return;
    }
    if (state.version !== catalogVersion) {
      fillCatalog(state.occupations);
      catalogVersion = state.version;
    }
    await loadArticle();
  }

  async function loadArticle() {
    const a = ui.a.value.trim();
    const b = ui.b.value.trim();
    const query = new URLSearchParams({ a: resolve(a) || a, b: resolve(b) || b, seed: ui.seed.value || "0" });
    ui.article.classList.add("loading");
    const { status, body } = await getJSON("/api/article?" + query);
    ui.article.classList.remove("loading");
    shownVersion = body.version;
    showErrors(body.errors || []);
    showProblem(body.problem);
    if (status !== 200) {
      ui.article.replaceChildren();
      setStatus(body.errors ? "The content has errors; waiting for a fix" : "Nothing to show", "bad");
      return;
    }
    ui.article.innerHTML = body.html; // built and escaped by the server (render/annotated.py)
    document.title = body.title + " · articlegen preview";
    const [first, second] = body.subjects;
    history.replaceState(null, "", `?a=${encodeURIComponent(first)}&b=${encodeURIComponent(second)}` +
      `&seed=${encodeURIComponent(query.get("seed"))}`);
    restorePin();
    setStatus(`Up to date · content version ${body.version} · ${new Date().toLocaleTimeString()}`, "good");
  }

  // One refresh at a time; a request made meanwhile, or a newer version announced meanwhile,
  // runs it once more afterwards.
  async function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    try {
      let rounds = 0;
      do {
        again = false;
        await refreshOnce();
      } while ((again || (announced !== null && announced !== shownVersion)) && ++rounds < 5);
    } catch (error) {
      setStatus("Cannot reach the server: " + error.message, "bad");
    } finally {
      busy = false;
    }
  }

  function keyOf(span) {
    return span.dataset.message ? "m:" + span.dataset.message : "d:" + span.dataset.facts;
  }

  function sentences() {
    return Array.from(ui.article.querySelectorAll(".s"));
  }

  // Long paths and fact keys may wrap only after a "/" or ".", never inside a word.
  function setBreakable(element, text) {
    const parts = text.split(/(?<=[/.])/);
    element.replaceChildren(...parts.flatMap((part) => [part, document.createElement("wbr")]));
  }

  function showInfo(span) {
    ui.hint.hidden = Boolean(span);
    ui.fields.hidden = !span;
    if (!span) return;
    const data = !span.dataset.message;
    ui.message.textContent = data ? "none: data text, printed as written" : span.dataset.message;
    ui.variant.textContent = data ? "none" : span.dataset.variant;
    setBreakable(ui.source, data ? "data file" : span.dataset.source);
    const facts = span.dataset.facts ? span.dataset.facts.split(", ") : ["none"];
    ui.facts.replaceChildren(...facts.map((fact) => {
      const line = document.createElement("div");
      setBreakable(line, fact);
      return line;
    }));
  }

  function pinnedSpan() {
    if (!pinned) return null;
    return sentences().filter((s) => keyOf(s) === pinned.key)[pinned.index] || null;
  }

  function restorePin() {
    const span = pinnedSpan();
    if (span) span.classList.add("pinned");
    showInfo(span);
  }

  function pin(span) {
    sentences().forEach((s) => s.classList.remove("pinned"));
    if (!span || (pinned && pinnedSpan() === span)) {
      pinned = null;
      showInfo(null);
      return;
    }
    const key = keyOf(span);
    pinned = { key, index: sentences().filter((s) => keyOf(s) === key).indexOf(span) };
    span.classList.add("pinned");
    showInfo(span);
  }

  ui.article.addEventListener("mouseover", (event) => {
    const span = event.target.closest(".s");
    if (span) showInfo(span);
  });
  ui.article.addEventListener("mouseleave", () => showInfo(pinnedSpan()));
  ui.article.addEventListener("focusin", (event) => {
    const span = event.target.closest(".s");
    if (span) showInfo(span);
  });
  ui.article.addEventListener("click", (event) => pin(event.target.closest(".s")));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") pin(null);
  });

  // Picking from the list (or typing a full title or slug) shows the article at once.
  for (const input of [ui.a, ui.b]) {
    input.addEventListener("input", () => {
      if (resolve(ui.a.value) && resolve(ui.b.value)) refresh();
    });
  }
  ui.seed.addEventListener("change", refresh);
  ui.swap.addEventListener("click", () => {
    [ui.a.value, ui.b.value] = [ui.b.value, ui.a.value];
    refresh();
  });
  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    refresh();
  });

  const params = new URLSearchParams(location.search);
  if (params.get("seed")) ui.seed.value = params.get("seed");

  refresh();
  let connected = false;
  const events = new EventSource("/events");
  events.addEventListener("open", () => {
    if (connected) refresh(); // a restarted server counts versions from 1 again: refetch regardless
    connected = true;
  });
  events.addEventListener("message", (event) => {
    announced = JSON.parse(event.data).version;
    if (!busy && announced !== shownVersion) refresh();
  });
  events.addEventListener("error", () => {
    setStatus("Lost contact with the server (is articlegen serve still running?); retrying", "bad");
  });
})();
