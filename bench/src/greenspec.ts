// The client under test is loaded lazily, so every other row still runs when it is not built;
// the type-only import keeps the calls checked against its real surface.
export type GreenspecModule = typeof import("@greenspec/client");

let loaded: Promise<GreenspecModule> | undefined;

export function loadGreenspec(): Promise<GreenspecModule> {
  loaded ??= import("@greenspec/client");
  return loaded;
}

/** Why greenspec cannot be measured, or undefined when it can. */
export async function greenspecUnavailable(): Promise<string | undefined> {
  try {
    await loadGreenspec();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}
