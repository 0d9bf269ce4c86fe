/**
 * Request bodies checked with zod schemas, so every rejection names the field at fault: a body that is not a JSON
 * object is refused as `body`, an unknown field by its name, anything else by the first field (in schema order)
 * that fails, with that field's own message.
 */
import { z } from 'astro/zod';
import { badField } from './respond.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

const invalid = (field: string, message: string) => ({ ok: false as const, field, message });

/** A string that may be left out or null (then null); `field must be a string.` otherwise. */
export const optionalString = (field: string) =>
  z
    .string({ error: `${field} must be a string.` })
    .nullish()
    .transform((value) => value ?? null);

/** A string that must be there: `field is required and must be a string.` */
export const requiredString = (field: string) => z.string({ error: `${field} is required and must be a string.` });

/** A schema that refuses a value `problem` finds fault with, saying what `problem` says. */
export function without<T>(schema: z.ZodType<T>, problem: (value: T) => string | null): z.ZodType<T> {
  return schema.superRefine((value, context) => {
    const message = problem(value);
    if (message !== null) context.addIssue({ code: 'custom', message });
  });
}

/** The body, if it is a JSON object that `schema` (a strict object) accepts, or the field at fault. */
export function checkBody<T>(schema: z.ZodType<T>, body: unknown): Checked<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('body', 'The body must be a JSON object.');
  const result = schema.safeParse(body);
  if (result.success) return { ok: true, value: result.data };
  const unknown = result.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknown?.code === 'unrecognized_keys') {
    const key = unknown.keys[0] ?? '';
    return invalid(key, `"${key}" is not a field of this request.`);
  }
  const [first] = result.error.issues;
  return invalid(String(first?.path[0] ?? 'body'), first?.message ?? 'The body is not valid.');
}

/** The checked value, or a 400 naming the field at fault. */
export function expectValid<T>(checked: Checked<T>): T {
  if (!checked.ok) throw badField(checked.field, checked.message);
  return checked.value;
}

const EMPTY = z.strictObject({});

/** `{}`: the body of an action that takes no fields. */
export function parseEmpty(body: unknown): Checked<Record<string, never>> {
  return checkBody(EMPTY, body) as Checked<Record<string, never>>;
}
