// Search box of /<lang>/search/: Pagefind's index for the page's language, results as a plain list.
// Without JavaScript the page lists every update of the language instead (<noscript> in search.html).
(async () => {
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  const list = document.getElementById("search-results");
  const status = document.getElementById("search-status");
  form.hidden = false;
  const pagefind = await import(form.dataset.bundle + "pagefind.js");
  // A language with more updates than one Pagefind run indexes has further bundles (plugins/search/bundles.py).
  const merged = Promise.all((form.dataset.merge || "").split(" ").filter(Boolean)
    .map((bundle) => pagefind.mergeIndex(bundle)));
  let latest = 0;
  const show = async () => {
    const asked = ++latest;
    const query = input.value.trim();
    list.replaceChildren();
    if (!query) { status.textContent = ""; return; }
    await merged;
    const found = await pagefind.search(query);
    const results = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
    if (asked !== latest) return; // a later query's results are, or will be, shown
    status.textContent = (results.length ? form.dataset.found : form.dataset.none).replace("%(num)s", results.length);
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
  };
  form.addEventListener("submit", (event) => { event.preventDefault(); show(); });
  input.addEventListener("input", show);
  const query = new URLSearchParams(location.search).get("q");
  if (query) input.value = query;
  if (input.value.trim()) show(); // typed, or given in the address, before the script was ready
})();
