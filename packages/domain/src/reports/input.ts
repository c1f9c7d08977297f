import { z } from 'zod';

/** A report's year: the statutory reports start with the platform's data, long after 2000. */
export const reportYear = z
  .number({ error: 'Ange ett år.' })
  .int({ error: 'Ange ett år.' })
  .min(2000, { error: 'Ange ett år från 2000.' })
  .max(2100, { error: 'Ange ett år före 2100.' });

export const quarterInput = z.object({
  year: reportYear,
  quarter: z
    .number({ error: 'Kvartalet är 1, 2, 3 eller 4.' })
    .int({ error: 'Kvartalet är 1, 2, 3 eller 4.' })
    .min(1, { error: 'Kvartalet är 1, 2, 3 eller 4.' })
    .max(4, { error: 'Kvartalet är 1, 2, 3 eller 4.' })
    .transform((quarter) => quarter as 1 | 2 | 3 | 4),
});
export type QuarterInput = z.input<typeof quarterInput>;
