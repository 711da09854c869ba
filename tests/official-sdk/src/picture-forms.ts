// setGroupPicture as each official SDK's HTTP library lays out the multipart body (sources in the
// README's table), so the emulator and the mock are given the very same bytes.
import { JPEG_BYTES } from "./jpeg.js";
import { multipartBody, type Part } from "./raw-requests.js";

export interface RawRequest {
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
}

const file = (filename: string, type: string, extra: string[] = []): Part => ({
  headers: [
    `Content-Disposition: form-data; name="file"; filename="${filename}"`,
    `Content-Type: ${type}`,
    ...extra,
  ],
  value: JPEG_BYTES,
});

const field = (name: string, value: string, extra: string[] = []): Part => ({
  headers: [`Content-Disposition: form-data; name="${name}"`, ...extra],
  value,
});

function form(boundary: string, parts: Part[], headers: Record<string, string> = {}): RawRequest {
  return {
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...headers },
    body: multipartBody(boundary, parts),
  };
}

export const PYTHON_HEADERS = { "user-agent": "GREEN-API_SDK_PY/1.0", connection: "close" };
export const GO_HEADERS = { "user-agent": "Go-http-client/1.1", "accept-encoding": "gzip" };

/** requests' multipart: `groupId`, then the file by its base name as image/jpeg. */
export const pythonPicture = (groupId: string) =>
  form(
    "3c7e1f0a9b2d4e6f8a1c3e5f7b9d0a2c",
    [field("groupId", groupId), file("avatar.jpg", "image/jpeg")],
    PYTHON_HEADERS,
  );

/** The earlier Python SDK (methods/groups.py): every argument a field, so an extra `path`. */
export const earlierPythonPicture = (groupId: string) =>
  form(
    "9f8e7d6c5b4a39281706f5e4d3c2b1a0",
    [
      field("path", "/home/user/avatar.jpg"),
      field("groupId", groupId),
      file("avatar.jpg", "image/jpg"),
    ],
    PYTHON_HEADERS,
  );

/** Go's mime/multipart CreateFormFile: the whole path given as filename, octet-stream. */
export const goPicture = (groupId: string) =>
  form(
    "4f1c0e2a9d3b7c6e5a8f0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c",
    [field("groupId", groupId), file("/tmp/pictures/avatar.jpg", "application/octet-stream")],
    GO_HEADERS,
  );

/** Spring's FormHttpMessageConverter: the file first, each part with its type and length. */
export function javaPicture(groupId: string): RawRequest {
  const boundary = "Qx7mV3kL9pR2tY6wZ1aB4cD8eF0gH5jK";
  return {
    headers: { "content-type": `multipart/form-data;boundary=${boundary}` },
    body: multipartBody(boundary, [
      file("avatar.jpg", "image/jpeg", [`Content-Length: ${JPEG_BYTES.length}`]),
      field("groupId", groupId, [
        "Content-Type: text/plain;charset=UTF-8",
        `Content-Length: ${new TextEncoder().encode(groupId).length}`,
      ]),
    ]),
  };
}
