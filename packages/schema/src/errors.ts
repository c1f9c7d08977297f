import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  RuleViolationError,
  UnauthenticatedError,
  ValidationError,
  VersionConflictError,
} from '@samverka/domain';
import { builder } from './builder.js';

/** The typed errors a mutation can answer with; clients switch on `code` or `__typename`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'Ett fel (fel) med en stabil kod för program och ett meddelande på svenska för människor.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stabil felkod, t.ex. VALIDATION_FAILED.' }),
    message: t.exposeString('message', { description: 'Felmeddelande på svenska.' }),
  }),
});

const ValidationIssueRef = builder.objectRef<{ path: string; message: string }>('ValidationIssue').implement({
  description: 'Ett fel i en uppgift (valideringsfel).',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Vilket fält felet gäller, t.ex. householdMembers.0.personalIdentityNumber.' }),
    message: t.exposeString('message', { description: 'Vad som är fel, på svenska.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'Uppgifterna är inte giltiga (valideringsfel). Inget har sparats.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    issues: t.field({ type: [ValidationIssueRef], description: 'Felen per fält.', resolve: (error) => [...error.issues] }),
  }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  description: 'Någon annan har ändrat uppgiften sedan du läste den (versionskonflikt). Inget har skrivits över.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof VersionConflictError,
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion', { description: 'Den version som gäller nu.' }),
  }),
});

builder.objectType(RuleViolationError, {
  name: 'RuleViolationError',
  description: 'En regel hindrar ändringen (regelbrott), t.ex. ett steg som hoppas över. Inget har sparats.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RuleViolationError,
  fields: (t) => ({
    rule: t.exposeString('rule', { description: 'Vilken regel, som en stabil kod, t.ex. RECRUITMENT_STEP_ORDER.' }),
  }),
});

function plainError(ErrorClass: typeof NotFoundError | typeof ForbiddenError | typeof UnauthenticatedError, name: string, description: string) {
  builder.objectType(ErrorClass as typeof ForbiddenError, {
    name,
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof ErrorClass,
    fields: () => ({}),
  });
}
plainError(NotFoundError, 'NotFoundError', 'Uppgiften finns inte, eller så får du inte se den (saknas).');
plainError(ForbiddenError, 'ForbiddenError', 'Du saknar behörighet (behörighet saknas).');
plainError(UnauthenticatedError, 'UnauthenticatedError', 'Du är inte inloggad (ej inloggad).');

/** The errors every mutation may answer with. */
export const MUTATION_ERRORS = [ValidationError, VersionConflictError, RuleViolationError, NotFoundError, ForbiddenError, UnauthenticatedError];
