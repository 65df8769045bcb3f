// Declarations of interop.js: Standard Schema objects, issue helpers and the
// JSON Schemas. The Standard Schema interface is declared here (the same
// shape as `StandardSchemaV1` and `StandardJSONSchemaV1` of
// `@standard-schema/spec` 1.1.0), so the package depends on nothing; the
// objects below are assignable to those interfaces.

import type { AgentSession, CreateAgentSession, Issue } from "./membrane_agent_session.js";

/** What `validate` of this package's Standard Schema objects answers: synchronously, always. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly Issue[] };

/** A JSON Schema dialect that `~standard.jsonSchema` converts to. */
export type JsonSchemaTarget = "draft-2020-12" | "draft-07";

/**
 * A Standard Schema v1 object of this package (https://standardschema.dev):
 * it is a `StandardSchemaV1<unknown, Output>` and a
 * `StandardJSONSchemaV1<unknown, Output>` of `@standard-schema/spec`, with
 * the answers typed more precisely (synchronous, our `Issue`s).
 */
export interface StandardSchema<Output> {
  readonly "~standard": {
    /** The version of the Standard Schema interface. */
    readonly version: 1;
    /** Who made the schema. */
    readonly vendor: "membrane-agent-session";
    /**
     * Validates `value` synchronously: `{ value }` with the validated data,
     * or `{ issues }` with every problem found.
     */
    readonly validate: (value: unknown, options?: unknown) => StandardResult<Output>;
    /** Types only (absent at run time): what the schema takes and gives, for inference. */
    readonly types?: { readonly input: unknown; readonly output: Output } | undefined;
    /**
     * The schema as JSON Schema, a fresh mutable copy on each call. Throws a
     * `TypeError` for a target other than `"draft-2020-12"` or `"draft-07"`.
     */
    readonly jsonSchema: {
      readonly input: (options: { readonly target: JsonSchemaTarget | (string & {}); readonly libraryOptions?: Record<string, unknown> | undefined }) => Record<string, unknown>;
      readonly output: (options: { readonly target: JsonSchemaTarget | (string & {}); readonly libraryOptions?: Record<string, unknown> | undefined }) => Record<string, unknown>;
    };
  };
}

/**
 * The request body as a Standard Schema: hand it to Hono's `sValidator`,
 * TanStack Form, tRPC or any library that takes one.
 *
 * @example
 * ```ts
 * import { sValidator } from "@hono/standard-validator";
 * app.post("/sessions", sValidator("json", createAgentSessionSchema), (c) => {
 *   const body = c.req.valid("json"); // CreateAgentSession
 *   return c.json(body);
 * });
 * ```
 */
export declare const createAgentSessionSchema: StandardSchema<CreateAgentSession>;

/**
 * The 200 answer as a Standard Schema; `validate` takes the raw response
 * text (a string) or an already parsed value, as `parseAgentSession` does.
 *
 * @example
 * ```ts
 * const result = agentSessionSchema["~standard"].validate(await response.text());
 * if (!result.issues) console.log(result.value.status);
 * ```
 */
export declare const agentSessionSchema: StandardSchema<AgentSession>;

/**
 * An issue as the helpers read it: this package's `Issue`, or any Standard
 * Schema issue (whose path segments may be `{ key }` objects).
 */
export interface IssueLike {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

/** The shape of Zod 4's `z.flattenError`. */
export interface FlattenedIssues {
  /** Messages of the issues about the whole value (empty path), in order. */
  formErrors: string[];
  /**
   * Messages by the first segment of their path (`String(segment)`), in
   * order. The object has no prototype: only fields with issues are keys.
   */
  fieldErrors: Record<string, string[]>;
}

/**
 * Sorts issues for a form: those about the whole value into `formErrors`,
 * the others into `fieldErrors` under their top-level field. Never throws; a
 * non-array counts as no issues.
 *
 * @param issues The `issues` of a failed result.
 * @returns `{ formErrors, fieldErrors }`, as Zod 4's `z.flattenError`.
 * @example
 * ```ts
 * const result = validateCreateAgentSession({ prompt: "", modelId: "gpt" });
 * if (!result.success) flattenIssues(result.issues).fieldErrors.modelId; // ["…"]
 * ```
 */
export declare function flattenIssues(issues: readonly IssueLike[]): FlattenedIssues;

/**
 * Writes issues for a log or a terminal: one line per issue, its path as
 * JavaScript writes it, a colon and its message
 * (`promptAttachments[2].title: …`); an issue with an empty path is its
 * message alone. Never throws; a non-array gives "".
 *
 * @param issues The `issues` of a failed result.
 * @returns The lines, joined with "\n" (no final line break).
 * @example
 * ```ts
 * const result = validateCreateAgentSession({ promptAttachments: [{ title: "" }] });
 * if (!result.success) console.error(formatIssues(result.issues));
 * ```
 */
export declare function formatIssues(issues: readonly IssueLike[]): string;

/**
 * A JSON Schema document (draft 2020-12), deep-frozen: read it, or copy it
 * (`structuredClone`) before changing it.
 */
export interface JsonSchemaDocument {
  readonly $schema: "https://json-schema.org/draft/2020-12/schema";
  readonly [keyword: string]: unknown;
}

/**
 * JSON Schema (draft 2020-12) of the request body, generated from the same
 * Rust definitions as the validator. Deep-frozen.
 *
 * @example
 * ```ts
 * import Ajv2020 from "ajv/dist/2020";
 * const check = new Ajv2020().compile(createAgentSessionJsonSchema);
 * ```
 */
export declare const createAgentSessionJsonSchema: JsonSchemaDocument;

/**
 * JSON Schema (draft 2020-12) of the 200 answer, generated from the same
 * Rust definitions as the parser (`state` has `default: "busy"`; unknown
 * keys are allowed, as the parser drops them). Deep-frozen.
 *
 * @example
 * ```ts
 * // An OpenAPI document's response, or an LLM tool's output schema:
 * const responses = { 200: { content: { "application/json": { schema: agentSessionJsonSchema } } } };
 * agentSessionJsonSchema.properties; // { id: { type: "string" }, … }
 * ```
 */
export declare const agentSessionJsonSchema: JsonSchemaDocument;
