import personnummerExport from 'personnummer';
import { z } from 'zod';

// The package is CommonJS exporting the class itself, while its types declare an ES default export.
const Personnummer = personnummerExport as unknown as typeof personnummerExport.default;

/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer),
 * validated by the maintained `personnummer` library and stored in the long form YYYYMMDDNNNC.
 */
export function normalisePersonalIdentityNumber(value: string): string | null {
  try {
    return Personnummer.parse(value.trim(), { allowCoordinationNumber: true, allowInterimNumber: false }).format(true);
  } catch {
    return null;
  }
}

export const personalIdentityNumber = z
  .string({ error: 'Ange ett personnummer.' })
  .transform((value, ctx) => {
    const normalised = normalisePersonalIdentityNumber(value);
    if (normalised === null) {
      ctx.addIssue({
        code: 'custom',
        message: 'Personnumret eller samordningsnumret är inte giltigt. Kontrollera datum och kontrollsiffra.',
      });
      return z.NEVER;
    }
    return normalised;
  });

/** The check digit (Luhn) for the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i += 1) {
    let digit = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}
