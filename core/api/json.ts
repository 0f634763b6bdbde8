/** A JSON object read without a codec: a manifest part core does not model field by field, or a request body. */
export type Json = Readonly<Record<string, unknown>>

/** Whether a decoded JSON value is an object (not null, not an array). */
export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
