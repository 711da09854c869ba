// Lists what the Russian prose lacks against the bundled spec; with --skeleton, prints YAML
// entries for the missing texts (English as a comment, fingerprint filled in) to translate.
import { stringify } from "yaml";
import { fingerprint } from "../src/prose.mjs";
import { loadSpec } from "../src/site.mjs";
import {
  auditTranslations,
  describeAudit,
  isComplete,
  loadTranslations,
} from "../src/translation.mjs";

const audit = auditTranslations(loadSpec(), loadTranslations());
if (process.argv.includes("--skeleton")) {
  for (const entry of [...audit.missing, ...audit.outdated]) {
    const comment = entry.text
      .trimEnd()
      .split("\n")
      .map((line) => `# ${line}`);
    const yaml = stringify({ [entry.key]: { source: fingerprint(entry.text), ru: "" } });
    console.log(`${comment.join("\n")}\n${yaml}`);
  }
} else if (isComplete(audit)) {
  console.log("ru.yaml translates every text of the spec");
} else {
  console.log(describeAudit(audit));
  process.exitCode = 1;
}
