// The client under test is loaded lazily, so every other row still runs when it is not built.
export interface GreenspecModule {
  createGreenApi(options: {
    idInstance: string;
    apiTokenInstance: string;
    apiUrl?: string;
    fetch?: unknown;
  }): { addGroupParticipant(body: object): Promise<{ addParticipant: boolean }> };
}

let loaded: Promise<GreenspecModule> | undefined;

export function loadGreenspec(): Promise<GreenspecModule> {
  const specifier = "@greenspec/client";
  loaded ??= import(specifier) as Promise<GreenspecModule>;
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
