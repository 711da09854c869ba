import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "dotenv";

export const ID_VARIABLE = "GREEN_API_ID_INSTANCE";
export const TOKEN_VARIABLE = "GREEN_API_TOKEN";
export const URL_VARIABLE = "GREEN_API_URL";

export interface Credentials {
  idInstance?: string;
  apiTokenInstance?: string;
  apiUrl?: string;
}

/**
 * Credentials from the environment, then from `.env` in the working directory. The file is read,
 * not loaded into process.env, so nothing of it leaks into child processes.
 */
export function readCredentials(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): Credentials {
  const file = join(cwd, ".env");
  const fromFile = existsSync(file) ? parse(readFileSync(file)) : {};
  const pick = (name: string) => nonEmpty(env[name]) ?? nonEmpty(fromFile[name]);
  const result: Credentials = {};
  const idInstance = pick(ID_VARIABLE);
  const apiTokenInstance = pick(TOKEN_VARIABLE);
  const apiUrl = pick(URL_VARIABLE);
  if (idInstance !== undefined) result.idInstance = idInstance;
  if (apiTokenInstance !== undefined) result.apiTokenInstance = apiTokenInstance;
  if (apiUrl !== undefined) result.apiUrl = apiUrl;
  return result;
}

/** Removes the token from an environment, so child processes started with it never see it. */
export function scrubSecrets(env: NodeJS.ProcessEnv): void {
  delete env[TOKEN_VARIABLE];
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Flags that would carry a secret: refused before parsing, whatever the command. */
const SECRET_FLAG = /^--(token|api-?token(-?instance)?|apiTokenInstance|id-?token)(=|$)/i;

export function findSecretFlag(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    if (arg === "--") return undefined;
    if (SECRET_FLAG.test(arg)) return arg.split("=")[0];
  }
  return undefined;
}

export function secretFlagMessage(flag: string): string {
  return (
    `${flag} is refused: a token given on the command line is saved in your shell history and ` +
    `can be read by other users in the process list. Set ${TOKEN_VARIABLE} (and ${ID_VARIABLE}) ` +
    "in the environment or in a .env file in the current directory instead."
  );
}
