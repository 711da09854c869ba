import { type OperationId, operations } from "./generated/operations.js";
import type { OperationInfo } from "./operation.js";
import { plainCopy } from "./plain.js";
import type { Credentials, GreenApiOptions } from "./types.js";

/**
 * A caller's body as it goes on the wire, or a thrown Violation that stops it before anything
 * is sent: the path parameters and a plain copy of the body are checked by the spec's
 * validators, file parts become multipart, and a phone becomes `<phone>@c.us` by default.
 */
export function encode(
  id: OperationId,
  input: unknown,
  credentials: Credentials,
  phoneMode: GreenApiOptions["phoneMode"],
): unknown {
  const info: OperationInfo = operations[id];
  const wrong = info.params(credentials);
  if (wrong) throw wrong;
  // An operation without a body (a GET) sends none, and a body given to it is a mistake.
  if (!info.mediaType) {
    if (input !== undefined) throw { field: "body", rule: "must not be given" };
    return undefined;
  }
  // What is checked is exactly what is sent: a plain copy, read once.
  const fields = plainCopy(input) as Record<string, unknown>;
  const failed = fields === undefined && info.bodyOptional ? undefined : info.body?.(fields);
  if (failed) throw failed;
  const files = info.files;
  if (files) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      const type = files[name];
      if (!type) form.append(name, String(value));
      // The spec's schema takes any file part: here it must be bytes.
      else if (!(value instanceof Blob || value instanceof Uint8Array))
        throw { field: name, rule: "must be a Blob or a Uint8Array" };
      else
        form.append(
          name,
          value instanceof Blob && value.type ? value : new Blob([value as BlobPart], { type }),
          (value as { name?: string }).name ||
            `${name}.${type === "image/jpeg" ? "jpg" : type.split("/")[1]}`,
        );
    }
    return form;
  }
  // By default a phone goes as `<phone>@c.us`: the form the hosted service documents today.
  const [phone, chatId] = (phoneMode !== "participantPhone" && info.phoneAlias) || [];
  if (!phone || !chatId || fields[phone] === undefined) return fields;
  const { [phone]: number, ...rest } = fields;
  return { ...rest, [chatId]: `${number}@c.us` };
}
