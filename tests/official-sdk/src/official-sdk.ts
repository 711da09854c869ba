// Green API's official JS SDK, loaded as its users load it: require() of the CommonJS bundle.
import { createRequire } from "node:module";

type Sdk = typeof import("@green-api/whatsapp-api-client");
export type OfficialApi = ReturnType<Sdk["restAPI"]>;

const sdk = createRequire(import.meta.url)("@green-api/whatsapp-api-client") as Sdk;

/** The SDK's client for one instance, with `host` (the emulator's or the mock's URL) as apiUrl. */
export function officialClient(host: string, idInstance: string, apiTokenInstance: string) {
  return sdk.restAPI({ host, idInstance, apiTokenInstance });
}
