import { model } from "@greenspec/spec/model";

/** The spec's operations, every `$ref` inlined by the spec model: the client itself never reads it. */
export interface Example {
  value: unknown;
}
export interface Media {
  schema?: unknown;
  examples?: Record<string, Example>;
  encoding?: Record<string, { contentType?: string }>;
}
export interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
  "x-greenspec-rate-limit"?: { requestsPerSecond: number };
}

export const specOperations: (Operation & { path: string; method: string })[] =
  model.operations.map((operation) => ({
    ...(model.resolveDeep(operation.raw, operation.pointer) as unknown as Operation),
    path: operation.path,
    method: operation.method,
  }));
