import { InputRejected, type UserError } from './errors';

/**
 * Collects the problems of one input, each with the path of the GraphQL input field it
 * concerns, so a draft reports every problem at once instead of the first.
 */
export class Problems {
  readonly errors: UserError[] = [];

  add(field: string[] | null, message: string, code: UserError['code']): void {
    this.errors.push({ field, message, code });
  }

  /** REQUIRED on `field` when `value` is absent or blank. */
  required(value: string | undefined | null, field: string[], message = `${field.join('.')} cannot be empty`): void {
    if (value === undefined || value === null || value.trim() === '') this.add(field, message, 'REQUIRED');
  }

  /** TOO_LONG on `field` when `value` (trimmed) is longer than `max` characters; `label` says what, `vendor` whose rule. */
  maxLength(value: string | undefined | null, max: number, field: string[], label: string, vendor: string): void {
    const length = value?.trim().length ?? 0;
    if (length > max) this.add(field, `${label} is longer than ${vendor} allows (${max} characters, got ${length})`, 'TOO_LONG');
  }

  get any(): boolean {
    return this.errors.length > 0;
  }

  /** Throws InputRejected with every problem when there is one. */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new InputRejected(this.errors);
  }
}
