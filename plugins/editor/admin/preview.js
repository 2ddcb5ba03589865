// The preview pane in the site's own look: the update template's structure (theme/templates/article.html) under
// the site's stylesheet, in the entry's language and direction, with the site's words for them (its catalogs,
// through admin/schema.json).

const KINDS = [
  ["tags", "Tags"],
  ["partners", "Partners"],
  ["working_groups", "Working groups"],
  ["projects", "Projects"],
  ["countries", "Countries"],
];

// The language a preview shows: a language's collection has one; in the collection of translations side by side,
// Decap previews a version by putting that language's data in place of the entry's.
export function entryLang(entry, schema, collectionName) {
  const fixed = schema.collections[collectionName]?.lang;
  if (fixed) return fixed;
  const data = entry.get("data");
  for (const code of Object.keys(schema.languages)) {
    if (code !== schema.defaultLang && entry.getIn(["i18n", code, "data"]) === data) return code;
  }
  return schema.defaultLang;
}

function list(value) {
  if (value === undefined || value === null || value === "") return [];
  const plain = typeof value.toJS === "function" ? value.toJS() : value;
  return (Array.isArray(plain) ? plain : [plain]).map(String);
}

function formatDate(value, lang) {
  const date = new Date(String(value || "").replace(" ", "T").replace(/ ?Z$/, "Z"));
  if (Number.isNaN(date.getTime())) return ["", ""];
  return [date.toISOString(), new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(date)];
}

export function updatePreview(h, schema) {
  return function UpdatePreview({ entry, widgetFor, getAsset, collection }) {
    const lang = entryLang(entry, schema, collection.get("name"));
    const words = schema.words[lang] || {};
    const say = (text, values = {}) => (words[text] || text).replace(/%\((\w+)\)s/g, (_, name) => values[name] ?? "");
    const get = key => entry.getIn(["data", key]);
    const image = get("feature_image");
    const src = image && image.get ? image.get("src") : "";
    const credit = image && image.get ? image.get("credit") : "";
    const [iso, shown] = formatDate(get("date"), lang);
    const people = list(get("persons"));
    const summary = get("summary");
    return h(
      "main",
      { id: "main" },
      h(
        "article",
        { className: "update", lang, dir: schema.languages[lang] || "ltr" },
        h(
          "header",
          null,
          get("status") === "draft" ? h("p", { className: "draft-flag" }, say("Draft: not published")) : null,
          h("h1", null, get("title") || ""),
          h("p", { className: "byline" }, iso ? h("time", { dateTime: iso }, shown) : null, people.length ? ` · ${people.join(", ")}` : ""),
          src
            ? h(
                "figure",
                { className: "feature-image" },
                h("img", { src: String(getAsset(src) || src), alt: image.get("alt") || "" }),
                credit ? h("figcaption", null, say("Image: %(credit)s", { credit })) : null,
              )
            : null,
          summary ? h("div", { className: "lede" }, h("p", null, summary)) : null,
        ),
        h("div", { className: "body" }, widgetFor("body")),
        h(
          "footer",
          { className: "update-footer" },
          KINDS.filter(([key]) => list(get(key)).length).map(([key, title]) =>
            h(
              "div",
              { className: "entity-links", key },
              h("h2", null, say(title)),
              h("ul", null, list(get(key)).map(name => h("li", { key: name }, name))),
            ),
          ),
        ),
      ),
    );
  };
}
