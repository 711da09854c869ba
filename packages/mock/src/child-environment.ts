// The environment a Prism child gets: only what Node and the system need to run, never the
// parent's secrets (an API token, cloud keys, anything else a test runner's environment holds).

/** Variables that locate the system's tools and settings; none of them holds a secret. */
const NEEDED = [
  "PATH",
  "HOME",
  "TMPDIR",
  "TMP",
  "TEMP",
  "LANG",
  "LC_ALL",
  "TZ",
  "SystemRoot",
  "SYSTEMROOT",
  "windir",
  "ComSpec",
];

export function childEnvironment(parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of NEEDED) {
    const value = parent[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}
