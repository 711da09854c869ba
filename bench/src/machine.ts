import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  loadAverage: string;
  node: string;
  platform: string;
  commit: string;
  versions: Record<string, string>;
}

/** The installed version of a package, as seen from a workspace folder. */
function versionOf(fromDir: string, name: string): string {
  try {
    const file = `${REPO_ROOT}${fromDir}/node_modules/${name}/package.json`;
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "not installed";
  }
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

export function describeMachine(): MachineInfo {
  const cpuList = cpus();
  const dirty = git(["status", "--porcelain"]) !== "" ? " (with uncommitted changes)" : "";
  return {
    cpuModel: cpuList[0]?.model.trim() ?? "unknown",
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: loadavg()
      .map((n) => n.toFixed(2))
      .join(" / "),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit: `${git(["rev-parse", "--short", "HEAD"]) || "unknown"}${dirty}`,
    versions: {
      "@greenspec/client": versionOf("bench", "@greenspec/client"),
      "openapi-fetch": versionOf("bench", "openapi-fetch"),
      axios: versionOf("bench", "axios"),
      esbuild: versionOf("bench", "esbuild"),
      "@stoplight/prism-http-server": versionOf("packages/mock", "@stoplight/prism-http-server"),
      pnpm: versionOf("", "pnpm"),
      turbo: versionOf("", "turbo"),
    },
  };
}
