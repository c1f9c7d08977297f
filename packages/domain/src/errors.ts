/**
 * Every failure a user can cause has a class here with a stable, documented code (for clients)
 * and a Swedish message (for the person). The API maps these once; nothing throws strings.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'VERSION_CONFLICT'
  | 'RULE_VIOLATION';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Du behöver logga in.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Du har inte behörighet till detta.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what: string) {
    super(`${what} finns inte eller så saknar du behörighet att se det.`);
  }
}

export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: readonly ValidationIssue[]) {
    super(issues.length === 1 ? issues[0]!.message : `Uppgifterna är inte giltiga: ${issues.map((i) => i.message).join(' ')}`);
  }
}

export class VersionConflictError extends DomainError {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    what: string,
    readonly currentVersion: number,
  ) {
    super(`${what} har ändrats av någon annan sedan du öppnade det. Ladda om och gör ändringen igen.`);
  }
}

/**
 * A domain rule refuses the change (a step skipped, a register check missing, an approval's
 * conditions not met). `rule` names which rule, stably, so clients can act on it.
 */
export class RuleViolationError extends DomainError {
  readonly code = 'RULE_VIOLATION';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}
