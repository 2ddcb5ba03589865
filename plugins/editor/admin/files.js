// What a save writes, once Decap has turned every language version of an entry into a file (`dataFiles`: path and
// raw text). Decap validates only the pane of the default language, and writes every language that has any data:
// here a version nobody wrote is dropped, translations get what they share with their original, and every
// version must pass the rules of the form before anything is written.
import { SOURCE } from "./format.js";

export function prepareFiles(dataFiles, { config, schema, formats }) {
  const kept = dataFiles.filter(file => file.raw.trim() !== "");
  const versions = kept.filter(file => languageOf(file.path, schema) !== null);
  const completed = versions.length > 1 ? complete(kept, schema, formats.updates) : kept;
  for (const file of completed) {
    const collection = collectionOf(file.path, config);
    if (!collection) continue;
    const data = formats[collection.name].fromFile(file.raw);
    if (data[SOURCE].readonly) continue; // never written: the format refuses it
    const problems = check(data, collection.fields);
    if (problems.length) {
      throw new Error(`${file.path} cannot be saved: ${problems.join("; ")}.`);
    }
  }
  return completed;
}

// `content/updates/<lang>/<name>.md` -> lang; null for any other file.
export function languageOf(path, schema) {
  const prefix = `${schema.updates}/`;
  if (!path.startsWith(prefix)) return null;
  const parts = path.slice(prefix.length).split("/");
  return parts.length === 2 && parts[0] in schema.languages ? parts[0] : null;
}

// Versions saved together share their original's `translation_key` (its file name when it has none: the key the
// site would give it) and, where they have none, its date.
function complete(files, schema, format) {
  const original = files.find(file => languageOf(file.path, schema) === schema.defaultLang);
  if (!original) return files;
  const first = format.fromFile(original.raw);
  const key = first.translation_key || original.path.split("/").pop().replace(/\.[^.]+$/, "");
  return files.map(file => {
    if (languageOf(file.path, schema) === null) return file;
    const data = format.fromFile(file.raw);
    if (data[SOURCE].readonly) return file;
    let changed = false;
    if (!data.translation_key) {
      data.translation_key = key;
      changed = true;
    }
    if (file !== original && !data.date && first.date) {
      data.date = first.date;
      changed = true;
    }
    return changed ? { ...file, raw: ensureNewline(format.toFile(data)) } : file;
  });
}

function ensureNewline(text) {
  return text.endsWith("\n") ? text : `${text}\n`;
}

function collectionOf(path, config) {
  const matching = config.collections.filter(collection => path.startsWith(`${collection.folder}/`));
  return matching.sort((a, b) => b.folder.length - a.folder.length)[0];
}

function isEmpty(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

// The form's own rules (required fields, patterns, an image's required parts), for the versions Decap does not
// validate.
export function check(data, fields, where = "") {
  const problems = [];
  for (const field of fields) {
    const value = data[field.name];
    const label = where + (field.label || field.name);
    if (field.widget === "hidden" || field.name === "body") continue;
    if (isEmpty(value)) {
      if (field.required) problems.push(`${label} is required`);
      continue;
    }
    if (field.pattern && typeof value !== "object" && !new RegExp(field.pattern[0]).test(String(value))) {
      problems.push(`${label}: ${field.pattern[1]}`);
    }
    if (field.fields && typeof value === "object" && !Array.isArray(value)) {
      problems.push(...check(value, field.fields, `${label}: `));
    }
  }
  return problems;
}
