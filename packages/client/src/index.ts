export type {
  AddGroupParticipantsInput,
  AddGroupParticipantsOptions,
  AddGroupParticipantsResult,
  BulkMethods,
  BulkProgress,
  ParticipantInput,
  ParticipantOutcome,
} from "./bulk-types.js";
export { createGreenApi, type GreenApi } from "./client.js";
export type { DriftReport, OnDrift } from "./drift.js";
export {
  GreenApiError,
  type GreenApiErrorDetails,
  type GreenApiErrorKind,
  type QuotaReport,
} from "./errors.js";
export type * from "./generated/names.js";
export { type OperationId, operations } from "./generated/operations.js";
export type { OperationInfo, Validator, Violation } from "./operation.js";
export { Pacer, rateLimits } from "./pacing.js";
export { type RetryOptions, retryDefaults } from "./retry.js";
export type {
  BinaryPart,
  CallOptions,
  Credentials,
  Exact,
  GreenApiOptions,
  OperationMethods,
  RequestBody,
  ResponseBody,
  RetryEvent,
} from "./types.js";
