// Validates rendered Kubernetes manifests (kubectl kustomize deploy/kubernetes) against the Kubernetes API's
// schemas, as the npm package kubernetes-models carries them: each field of its type and enumeration, required ones
// there. Its schemas allow fields they do not name, so a misspelt field name is not caught.
//   node deploy/kubernetes/validate.mjs rendered.yaml   (NODE_PATH: where kubernetes-models and yaml are installed)
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";

const modules = path.resolve(process.env.NODE_PATH);
const { parseAllDocuments } = createRequire(path.join(modules, "x"))("yaml");
const model = (group, version, kind) =>
  import(pathToFileURL(path.join(modules, "kubernetes-models", group ?? "", version, `${kind}.js`)).href);

let failures = 0;
let checked = 0;
for (const document of parseAllDocuments(readFileSync(process.argv[2], "utf8"))) {
  const manifest = document.toJS();
  if (!manifest) continue;
  const [group, version] = manifest.apiVersion.includes("/") ? manifest.apiVersion.split("/") : [null, manifest.apiVersion];
  const name = `${manifest.kind} ${manifest.metadata?.name}`;
  try {
    const { [manifest.kind]: Kind } = await model(group, version, manifest.kind);
    new Kind(manifest).validate();
    checked++;
  } catch (error) {
    failures++;
    console.error(`${name}: ${error.message}`);
  }
}
console.log(`${checked} manifests valid, ${failures} invalid`);
process.exit(failures === 0 && checked > 0 ? 0 : 1);
