import { z } from 'zod';
import type { IsoDate } from '../db/tables.js';
import { ValidationError } from '../errors.js';
import { assertNotInFuture, todayInSweden } from '../shared/dates.js';
import { isoDate } from '../shared/validation.js';

/** An id in an input, refused with the given Swedish message when it is not one. */
export const idInput = (message: string) => z.string({ error: message }).uuid({ error: message });

export const expectedVersionInput = z.number({ error: 'Ange versionen du läste.' }).int({ error: 'Ange versionen du läste.' });

/** The day an action was taken, when the user gives one (today otherwise). */
export const actionDayInput = isoDate.nullish();

/**
 * The day of an action on a deviation or dispute: the one given or today; it has happened (not
 * ahead) and not before the record began (`since`, described as `began` in the refusal).
 */
export function actionDay(day: IsoDate | null | undefined, since: IsoDate, began: string): IsoDate {
  const on = day ?? todayInSweden();
  assertNotInFuture(on, 'occurredOn');
  if (on < since) throw new ValidationError([{ path: 'occurredOn', message: `Datumet kan inte vara före ${since}, då ${began}.` }]);
  return on;
}
