/** A value that survives JSON.stringify/JSON.parse unchanged. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object, e.g. item metadata or a job's input. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** JSON columns are TEXT on both dialects (portable); this is the one place that writes them. */
export function toJsonText(value: JsonValue | undefined): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Reads a JSON TEXT column; a NULL column reads as undefined. */
export function fromJsonText<T extends JsonValue = JsonValue>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}
