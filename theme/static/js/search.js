// Search box of /<lang>/search/: Pagefind's index for the page's language, results as a plain list, a page of
// them at a time. Without JavaScript the page lists every update of the language instead (<noscript>).
(async () => {
  const PAGE = 20;
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  const lang = document.documentElement.lang;
  const forms = Object.fromEntries(JSON.parse(form.dataset.found));
  const plural = new Intl.PluralRules(lang);
  const more = document.createElement("button");
  more.type = "button";
  more.textContent = form.dataset.more;
  more.hidden = true;
  list.after(more);
  form.hidden = false;
  // Pagefind is fetched when the reader starts to search, not with the page: most visits never search.
  let loading = null;
  const load = () => loading ??= import(form.dataset.bundle + "pagefind.js").then(async (pagefind) => {
    // A language with more updates than one Pagefind run indexes has further bundles (plugins/search/bundles.py).
    await Promise.all((form.dataset.merge || "").split(" ").filter(Boolean)
      .map((bundle) => pagefind.mergeIndex(bundle)));
    return pagefind;
  });
  input.addEventListener("focus", load, { once: true });
  let latest = 0;
  let found = [];
  const counted = (n) => (forms[plural.select(n)] || forms.other).replace("%(num)s", n.toLocaleString(lang));
  const showNext = async (asked) => {
    const shown = list.children.length;
    const results = await Promise.all(found.slice(shown, shown + PAGE).map((r) => r.data()));
    if (asked !== latest) return; // a later query's results are, or will be, shown
    for (const result of results) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title;
      const excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt; // Pagefind escapes the text and marks the matches with <mark>
      item.append(link, excerpt);
      list.append(item);
    }
    more.hidden = list.children.length >= found.length;
    if (shown) list.children[shown].querySelector("a").focus(); // where the reader was going to read on
  };
  const show = async () => {
    const asked = ++latest;
    const query = input.value.trim();
    list.replaceChildren();
    more.hidden = true;
    if (!query) { status.textContent = ""; return; }
    const search = await (await load()).search(query);
    if (asked !== latest) return;
    found = search.results;
    status.textContent = found.length ? counted(found.length) : form.dataset.none;
    await showNext(asked);
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); show(); });
  input.addEventListener("input", show);
  more.addEventListener("click", () => showNext(latest));
  const query = new URLSearchParams(location.search).get("q");
  if (query) input.value = query;
  if (input.value.trim()) show(); // typed, or given in the address, before the script was ready
})();
