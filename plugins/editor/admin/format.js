// The web editor's file format: Markdown with a YAML front matter block, read and written so that saving a file
// changes only what the editor changed.
//
// Decap's own `frontmatter` format parses the YAML into plain data and writes it back from that data alone: the
// comments are lost, and the dates and lists come back in its own spelling. This format keeps the file's own
// front matter (in a reserved key of the entry's data, SOURCE) and, on saving, splices into that text only the
// keys whose value changed, each written in the style it had (a flow list stays a flow list). A file saved
// unchanged is the same to the byte. The same module runs in the browser and, under Node, in the round-trip test
// (plugins/editor/tests/roundtrip.mjs), so the test checks the code the editors run.

export const SOURCE = "__hub_source"; // the file as read: front matter text, fences, body
export const LANG = "__hub_lang"; // the language the file says it is in (`lang`, else the default): list filter
export const LABEL = "__hub_label"; // a person's or partner's name in the default language: relation widgets
export const NAMES = "__hub_names"; // all its names, in every language: what a relation widget searches
const RESERVED = new Set([SOURCE, LANG, LABEL, NAMES, "body"]);
const OPEN = /^(\uFEFF?---[ \t]*\r?\n)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

// `legacy`: folded spellings the site reads but the form does not edit (the archive's `Person`, `Summary Text`);
// `fields`: the form's keys, so that `Feature Image` is known for `feature_image` in another spelling. A file
// with either is read-only here: a form field beside its old key would give the file the value twice.
// `dates`: keys compared as instants, not as text. `defaultLang`: what a file without `lang` is in.
export function hubFormat(YAML, { legacy = [], fields = [], dates = ["date", "updated"], defaultLang = "en" } = {}) {
  const legacySpellings = new Set(legacy);
  const formKeys = new Set(fields);
  const dateKeys = new Set(dates);
  const isOld = key => legacySpellings.has(fold(key)) || (key !== fold(key) && formKeys.has(fold(key)));

  function fromFile(text) {
    const source = split(text);
    if (source.front === null) {
      return { [SOURCE]: source, body: source.body };
    }
    const doc = YAML.parseDocument(source.front, { uniqueKeys: false });
    if (doc.errors.length || (doc.contents !== null && !YAML.isMap(doc.contents))) {
      source.readonly = `its front matter is not valid YAML (${doc.errors.map(e => e.message).join("; ") || "not a mapping"}): fix it in a text editor, then \`./dev check\``;
      return { [SOURCE]: source, body: source.body };
    }
    const data = doc.toJS() || {};
    const old = Object.keys(data).filter(isOld);
    if (old.length) {
      source.readonly = `it uses the archive's spelling (${old.join(", ")}): run \`./dev import-jekyll\` on it first, which writes the clean keys`;
    }
    return { ...data, ...names(data, defaultLang), [SOURCE]: source, [LANG]: data.lang || defaultLang, body: source.body };
  }

  // `order`: the form's fields in order (Decap's second argument), for the keys of a new file.
  function toFile(data, order = []) {
    const source = data[SOURCE];
    if (source && source.readonly) {
      throw new Error(`This file cannot be saved from the web editor: ${source.readonly}.`);
    }
    const fields = {};
    for (const [key, value] of Object.entries(data)) {
      if (!RESERVED.has(key)) fields[key] = value;
    }
    const body = typeof data.body === "string" ? data.body : "";
    // No file yet: Decap also reads a language with no file as an empty one.
    if (!source || (source.front === null && !source.body.trim())) {
      return isStub(fields, body) ? "" : newFile(ordered(fields, order), body);
    }
    if (source.front === null) {
      const kept = dropEmpty(fields);
      return Object.keys(kept).length ? newFile(ordered(kept, order), body) : body;
    }
    const before = YAML.parseDocument(source.front, { uniqueKeys: false }).toJS() || {};
    const front = patchMap(YAML, source.front, before, fields, dateKeys);
    return source.open + front + source.close + body;
  }

  function newFile(fields, body) {
    const kept = dropEmpty(fields);
    if ("title" in kept && !("status" in kept)) {
      kept.status = "draft"; // like `./dev new` and `./dev translate`: published only when someone says so
    }
    const front = Object.keys(kept).length ? stringifyPairs(YAML, kept) : "";
    const text = body.replace(/^\n+/, "");
    return `---\n${front}---\n\n${text}${text.endsWith("\n") || !text ? "" : "\n"}`;
  }

  return { fromFile, toFile };
}

function ordered(fields, order) {
  const rank = key => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(a) - rank(b)));
}

// A language version nobody wrote: Decap gives every language of a new update the defaults (and the values of
// `i18n: duplicate` fields), and would write them as a file of their own. No title and no text: no file.
export function isStub(fields, body) {
  const title = fields.title ?? fields.name;
  return (title === undefined || title === null || String(title).trim() === "") && !String(body || "").trim();
}

// A name may be one string or one per language (`{en: IOM, es: OIM}`).
function names(data, defaultLang) {
  if (data.name === undefined || data.name === null) return {};
  const strings = value =>
    typeof value === "string" ? [value] : Array.isArray(value) ? value.flatMap(strings) : isPlainObject(value) ? Object.values(value).flatMap(strings) : [];
  const name = data.name;
  const label = typeof name === "string" ? name : isPlainObject(name) ? name[defaultLang] ?? strings(name)[0] : String(name);
  return { [LABEL]: label, [NAMES]: [name, data.short_name, data.other_names].flatMap(strings).join(" ") };
}

export function fold(key) {
  return String(key).trim().toLowerCase().replace(/[ -]/g, "_");
}

function split(text) {
  const open = OPEN.exec(text);
  if (!open) return { open: "", front: null, close: "", body: text };
  const rest = text.slice(open[1].length);
  const close = CLOSE.exec(rest); // a fence may directly follow the opening one: an empty front matter
  if (!close) return { open: "", front: null, close: "", body: text };
  return {
    open: open[1],
    front: rest.slice(0, close.index),
    close: close[0],
    body: rest.slice(close.index + close[0].length),
  };
}

function isEmpty(value) {
  return (
    value === undefined ||
    value === null ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (isPlainObject(value) && Object.values(value).every(isEmpty))
  );
}

function dropEmpty(fields) {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => !isEmpty(value))
      .map(([key, value]) => [key, isPlainObject(value) ? dropEmpty(value) : value]),
  );
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Equal as the site reads them: the same instant for dates (Decap's date widget may give `.000Z`), the same
// items for lists and mappings, whatever their order in a mapping.
export function same(a, b, isDate = false) {
  if (isDate && typeof a === "string" && typeof b === "string") {
    const x = Date.parse(a.replace(" ", "T").replace(/ ?Z$/, "Z"));
    const y = Date.parse(b.replace(" ", "T").replace(/ ?Z$/, "Z"));
    if (!Number.isNaN(x) && !Number.isNaN(y)) return x === y;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => same(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every(key => (isEmpty(a[key]) && isEmpty(b[key])) || same(a[key], b[key]));
  }
  if (isEmpty(a) && isEmpty(b)) return true;
  return a === b;
}

// Splice the changes into `text` (the mapping's source) from the end backwards, so that earlier offsets hold.
function patchMap(YAML, text, before, after, dateKeys) {
  const doc = YAML.parseDocument(text, { uniqueKeys: false });
  const edits = mapEdits(YAML, text, doc.contents, before, after, dateKeys, "");
  let out = text;
  for (const [start, end, replacement] of edits.sort((x, y) => y[0] - x[0] || y[1] - x[1])) {
    out = out.slice(0, start) + replacement + out.slice(end);
  }
  return out;
}

function mapEdits(YAML, text, node, before, after, dateKeys, indent) {
  const edits = [];
  const seen = new Set();
  const items = node && YAML.isMap(node) ? node.items : [];
  for (const pair of items) {
    const key = YAML.isScalar(pair.key) ? pair.key.value : String(pair.key);
    if (seen.has(key)) continue; // a duplicate key (W-DUPLICATE-KEY): the reader took the first; so do we
    seen.add(key);
    const now = after[key];
    if (!(key in after) || (isEmpty(now) && !isEmpty(before[key]))) {
      edits.push([lineStart(text, pair.key.range[0]), pairEnd(text, pair, true), ""]);
    } else if (!same(before[key], now, dateKeys.has(key))) {
      const value = pair.value;
      if (isPlainObject(now) && isPlainObject(before[key]) && YAML.isMap(value) && !value.flow && value.items.length) {
        const inner = " ".repeat(value.items[0].key.range[0] - lineStart(text, value.items[0].key.range[0]));
        edits.push(...mapEdits(YAML, text, value, before[key], now, new Set(), inner));
      } else {
        const start = lineStart(text, pair.key.range[0]);
        const flow = value && (YAML.isSeq(value) || YAML.isMap(value)) ? value.flow : undefined;
        edits.push([start, pairEnd(text, pair, false), stringifyPairs(YAML, { [key]: now }, indent, flow).replace(/\n$/, "")]);
      }
    }
  }
  const added = Object.fromEntries(Object.entries(after).filter(([key, value]) => !seen.has(key) && !isEmpty(value)));
  if (Object.keys(added).length) {
    const at = items.length ? pairEnd(text, items[items.length - 1], true) : text.length;
    const lead = at > 0 && text[at - 1] !== "\n" ? "\n" : "";
    edits.push([at, at, lead + stringifyPairs(YAML, added, indent)]);
  }
  return edits;
}

function lineStart(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

// Where a pair's text ends: after its value (keeping a comment on the same line), or, `whole`, after its line.
function pairEnd(text, pair, whole) {
  let end = pair.value && pair.value.range ? pair.value.range[1] : pair.key.range[1];
  while (end > 0 && text[end - 1] === "\n") end -= 1;
  if (!whole) return end;
  const newline = text.indexOf("\n", end);
  return newline === -1 ? text.length : newline + 1;
}

// New keys in the project's style: lists of plain values inline (`tags: [a, b]`), mappings as blocks, no folding.
function stringifyPairs(YAML, pairs, indent = "", flow) {
  const doc = new YAML.Document(pairs);
  for (const pair of doc.contents.items) {
    const value = pair.value;
    if (YAML.isSeq(value)) {
      value.flow = flow ?? value.items.every(item => YAML.isScalar(item));
    } else if (YAML.isMap(value) && flow !== undefined) {
      value.flow = flow;
    }
  }
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return indent ? text.replace(/^(?=.)/gm, indent) : text;
}
