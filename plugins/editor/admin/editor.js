// The web editor: Decap CMS (the pinned bundle in decap/) with the site's own file format, previews and checks.
// admin/index.html loads this module; plugins/editor copies it, and writes config.yml and schema.json from the
// front-matter schema.
import * as YAML from "./yaml/index.js";
import { hubFormat } from "./format.js";
import { updatePreview } from "./preview.js";
import { prepareFiles } from "./files.js";

// Decap initialises itself when its bundle runs unless told not to: the formats and widgets below must be
// registered first.
window.CMS_MANUAL_INIT = true;

const [config, schema] = await Promise.all([
  fetch("config.yml").then(response => response.text()).then(text => YAML.parse(text)),
  fetch("schema.json").then(response => response.json()),
]);
await new Promise((resolve, reject) => {
  const script = document.createElement("script");
  script.src = "decap/decap-cms.js";
  script.onload = resolve;
  script.onerror = () => reject(new Error("decap/decap-cms.js did not load: run `npm ci`, then build again"));
  document.head.append(script);
});
const CMS = window.CMS;
const h = window.h;

const formats = {};
for (const collection of config.collections) {
  const own = schema.collections[collection.name];
  formats[collection.name] = hubFormat(YAML, {
    legacy: own.legacy,
    fields: own.fields,
    dates: schema.dates,
    defaultLang: schema.defaultLang,
  });
  CMS.registerCustomFormat(collection.format, "md", formats[collection.name]);
}

// An image is optional, but once it has a file or a description it needs both (E-IMAGE-ALT): Decap's object
// widget would require its required fields even when the update has no image at all.
const ObjectWidget = CMS.getWidget("object");
class OptionalObjectControl extends ObjectWidget.control {
  constructor(props) {
    super(props);
    const validateAll = this.validate;
    this.validate = () => {
      const value = this.props.value;
      const plain = value && typeof value.toJS === "function" ? value.toJS() : value || {};
      if (Object.values(plain).every(item => item === undefined || item === null || item === "")) return;
      validateAll();
    };
  }
}
CMS.registerWidget("hub-optional-object", OptionalObjectControl, ObjectWidget.preview);

// Values the form shows but leaves as the file has them (a partner's links: `{label: address}`).
function KeptControl({ value, forID, classNameWrapper }) {
  const plain = value && typeof value.toJS === "function" ? value.toJS() : value;
  return h("pre", { id: forID, className: classNameWrapper }, plain ? YAML.stringify(plain) : "");
}
CMS.registerWidget("hub-kept", KeptControl, () => null);

// Every backend's saves go through prepareFiles (admin/files.js): versions nobody wrote are not saved, a
// translation gets its original's date and key, and each version must pass the checks the form makes.
for (const name of ["proxy", "github", "gitlab", "gitea", "bitbucket", "git-gateway"]) {
  const backend = CMS.getBackend(name);
  if (!backend) continue;
  const init = backend.init;
  backend.init = (...args) => {
    const implementation = init(...args);
    const persist = implementation.persistEntry.bind(implementation);
    implementation.persistEntry = (entry, options) =>
      persist({ ...entry, dataFiles: prepareFiles(entry.dataFiles, { config, schema, formats }) }, options);
    return implementation;
  };
}

CMS.registerPreviewStyle(new URL("../theme/css/site.css", document.baseURI).href);
const preview = updatePreview(h, schema);
for (const collection of config.collections) {
  if (collection.name.startsWith("updates") || collection.name === "pages") {
    CMS.registerPreviewTemplate(collection.name, preview);
  }
}

CMS.init({ config: { ...config, load_config_file: false } });
