// Saves files through the web editor's own format (admin/format.js, the module the browser runs), as Decap does:
// read, the data through Immutable's plain copy, dates as Decap's date widget writes them, written back; then
// once more with one field changed. Prints, per file, what came out.
//   node roundtrip.mjs files.json   (files.json: {"schema": admin/schema.json's data, "files": [{path, collection, text, edit}]})
import fs from "node:fs";
import * as YAML from "yaml";
import { hubFormat, SOURCE } from "../admin/format.js";

const { schema, files } = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const formats = {};
const formatOf = name =>
  (formats[name] ??= hubFormat(YAML, { ...schema.collections[name], dates: schema.dates, defaultLang: schema.defaultLang }));

const results = files.map(({ path, collection, text, edit }) => {
  const format = formatOf(collection);
  const data = JSON.parse(JSON.stringify(format.fromFile(text)));
  const readonly = data[SOURCE].readonly || null;
  if (readonly) return { path, readonly };
  for (const key of schema.dates) {
    const value = data[key];
    if (typeof value === "string" && !Number.isNaN(Date.parse(value))) data[key] = new Date(value).toISOString();
  }
  const saved = format.toFile(data);
  let edited = null;
  if (edit) {
    const changed = JSON.parse(JSON.stringify(format.fromFile(text)));
    changed[edit.key] = edit.value;
    edited = format.toFile(changed);
  }
  return { path, readonly, saved, edited };
});
process.stdout.write(JSON.stringify(results));
