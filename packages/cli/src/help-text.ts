// A command's --help text from the spec: summary, description, the exactly-one-of rule, an example.
import type { SpecCommand } from "./commands.js";

/** Markdown prose as terminal text: paragraphs joined into lines, emphasis marks dropped. */
function plainText(markdown: string): string {
  return markdown
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .replace(/\s*\n\s*/g, " ")
        .replace(/\*\*/g, "")
        .trim(),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

export function helpDescription(spec: SpecCommand): string {
  const lines = [`${spec.summary}.`, "", plainText(spec.description)];
  const groups = spec.operation.request?.exactlyOneOf ?? [];
  if (groups.length > 1) {
    const flags = groups.map((names) =>
      names.map((name) => `--${spec.fields.find((f) => f.name === name)?.flag}`).join(" "),
    );
    lines.push("", `Give exactly one of: ${flags.join(", ")}.`);
  }
  const example = Object.values(spec.examples)[0];
  if (example) {
    const args = spec.fields
      .filter((field) => example[field.name] !== undefined)
      .map((field) => {
        const value = example[field.name];
        if (field.kind === "file") return `--${field.flag} picture.jpg`;
        if (Array.isArray(value)) return `--${field.flag} ${value.join(" ")}`;
        return `--${field.flag} ${String(value)}`;
      });
    lines.push("", `Example: greenspec ${spec.command} ${args.join(" ")}`);
  }
  return lines.join("\n").trim();
}
