// Magic values, as payment sandboxes have test card numbers: each triggers a documented `false`
// or error with no set-up. All are valid requests by the spec. Listed in the README.
import type { ExampleName } from "./spec.js";

/** A person whose phone number ends in these digits has no WhatsApp (in the default mode). */
export const NO_WHATSAPP_SUFFIX = "0000";

/** createGroup with this group name answers `created: false` (WhatsApp refused). */
export const NOT_CREATED_NAME = "not created";

/**
 * createGroup with a group name equal to the identifier of its documented 500 answer
 * (`rate overlimit`) gets that 500; the identifier itself is read from the spec.
 */
export const OVERLIMIT_EXAMPLE = "rateOverlimit" satisfies ExampleName<"createGroup">;

/** createGroup naming someone without WhatsApp gets this documented 500 (and no group). */
export const NO_WHATSAPP_EXAMPLE = "memberWithoutWhatsApp" satisfies ExampleName<"createGroup">;

/** An unknown idInstance ending in this registers as starting, for STARTING_MS of the emulator's clock. */
export const STARTING_SUFFIX = "9001";
export const STARTING_MS = 5000;

/** An unknown idInstance ending in this registers as not authorized (until setState). */
export const NOT_AUTHORIZED_SUFFIX = "9002";

/**
 * A person whose phone number ends in these digits refuses being added to groups (privacy
 * settings: only contacts may add them): addGroupParticipant answers `false`, an invite works.
 */
export const REFUSES_ADDING_SUFFIX = "7777";

/** Whether the person behind a chat id refuses being added, in any mode. */
export function refusesAddingByDefault(personId: string): boolean {
  return personId.slice(0, personId.indexOf("@")).endsWith(REFUSES_ADDING_SUFFIX);
}

/** Whether the person behind a chat id (or @lid id) has WhatsApp in the default mode. */
export function hasWhatsAppByDefault(personId: string): boolean {
  const digits = personId.slice(0, personId.indexOf("@"));
  return !digits.endsWith(NO_WHATSAPP_SUFFIX);
}
