import { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Parses input with a zod schema; failures become a ValidationError with Swedish messages. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2023-02-29 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const isoDate = z
  .string({ error: 'Ange ett datum.' })
  .refine(isCalendarDate, { error: 'Datumet finns inte. Ange det som ÅÅÅÅ-MM-DD.' });

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `${label} måste anges.` })
    .trim()
    .min(1, { error: `${label} måste anges.` })
    .max(max, { error: `${label} får vara högst ${max} tecken.` });
