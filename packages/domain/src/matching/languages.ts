import { z } from 'zod';

/** A language as matching compares it: trimmed, lower case ("Arabiska " and "arabiska" are one language). */
export function normaliseLanguage(language: string): string {
  return language.trim().toLocaleLowerCase('sv-SE');
}

/** Languages spoken (in a home, or by a child), each once, as written in Swedish: svenska, arabiska, meänkieli … */
export const languageList = z
  .array(
    z
      .string({ error: 'Ange språket med bokstäver.' })
      .transform(normaliseLanguage)
      .pipe(
        z
          .string()
          .min(1, { error: 'Ett språk kan inte vara tomt.' })
          .max(40, { error: 'Ett språk får vara högst 40 tecken.' })
          .regex(/^\p{L}[\p{L} '-]*$/u, { error: 'Ange språket med bokstäver, till exempel arabiska.' }),
      ),
    { error: 'Ange språken som en lista.' },
  )
  .max(10, { error: 'Ange högst 10 språk.' })
  .transform((languages) => [...new Set(languages)]);
