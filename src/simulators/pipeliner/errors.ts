import { createHash } from 'node:crypto';
import type { SimResponse } from '../kit';

/**
 * Pipeliner's two error formats (vendor notes §5): the API's Error schema
 * `{code, name, message, http_status, success:false}` and, for URLs that match no route, the
 * web framework's `{status, message, errorcode, traceback}`.
 */

export interface PipelinerError {
  code: number;
  name: string;
  message: string;
  http_status: number;
  success: false;
  [extra: string]: unknown;
}

export const CODE = {
  PARAMETER_INVALID: 117,
  PARAMETER_MISSING: 119,
  UNKNOWN_TYPE: 2006,
  ENTITY_VALIDATION: 40000,
  FIELD_VALIDATION: 40002,
  /** Unverified: the only public sample is a hand-written test fixture (vendor notes §5). */
  NOT_FOUND: 404,
  /** Assumed; the vendor's 401 body is not public (vendor notes, Uncertainties). */
  UNAUTHORIZED: 401,
} as const;

/** An Error-schema answer, thrown through the request pipeline and turned into a response. */
export class ApiError extends Error {
  constructor(readonly body: PipelinerError) {
    super(body.message);
  }

  get status(): number {
    return this.body.http_status;
  }
}

export function errorBody(status: number, code: number, name: string, message: string): PipelinerError {
  return { code, name, message, http_status: status, success: false };
}

/** 400 code 117: bad query parameter or unparsable body. */
export function invalidParameter(message: string): ApiError {
  return new ApiError(errorBody(400, CODE.PARAMETER_INVALID, 'ERROR_PARAMETER_INVALID', message));
}

/** The recorded answer to a body that is not JSON (vendor notes §5). */
export function invalidJson(): ApiError {
  return invalidParameter('Missing or invalid JSON data.');
}

/** The recorded answer to an unknown entity plural, e.g. singular `/entities/Contact`. */
export function unknownType(plural: string): ApiError {
  return new ApiError(
    errorBody(404, CODE.UNKNOWN_TYPE, 'ERROR_UNKNOWN_TYPE', `cannot determine entity type from ${plural}`),
  );
}

export function recordNotFound(entityName: string, id: string): ApiError {
  return new ApiError(errorBody(404, CODE.NOT_FOUND, 'ERROR_NOT_FOUND', `${entityName} with id '${id}' not found.`));
}

export function spaceNotFound(): ApiError {
  return new ApiError(errorBody(404, CODE.NOT_FOUND, 'ERROR_NOT_FOUND', 'Space not found.'));
}

export function unauthorized(message: string): ApiError {
  return new ApiError(errorBody(401, CODE.UNAUTHORIZED, 'ERROR_UNAUTHORIZED', message));
}

/** The framework's 404 for an unmatched URL, text as recorded (vendor notes §5). */
export function routeNotFound(): SimResponse {
  return {
    status: 404,
    body: {
      status: 404,
      message:
        'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      errorcode: null,
      traceback: null,
    },
  };
}

/** The same framework's answer to a known URL with a method it does not serve. */
export function methodNotAllowed(allowed: string[]): SimResponse {
  return {
    status: 405,
    headers: { allow: allowed.join(', ') },
    body: {
      status: 405,
      message: 'The method is not allowed for the requested URL.',
      errorcode: null,
      traceback: null,
    },
  };
}

/** A stable uuid per (entity, field), standing in for the vendor's field-definition ids. */
export function fieldId(entityName: string, field: string): string {
  const h = createHash('sha1').update(`${entityName}.${field}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

interface InnerError {
  code: number;
  name: string;
  message: string;
  field_id: string;
  field_name: string;
}

interface FieldError {
  field_id: string;
  field_name: string;
  name: 'ERROR_FIELD_VALIDATION';
  code: 40002;
  errors: InnerError[];
}

/**
 * Collects the problems of one entity write and renders the recorded 422
 * `ERROR_ENTITY_VALIDATION` body: `message` is every problem on its own line (with a leading
 * newline, as captured), `field_errors` groups them per field (code 40002, inner 119 for
 * missing values), `entity_errors` holds problems that belong to no single field.
 */
export class ValidationErrors {
  private readonly fields = new Map<string, FieldError>();
  private readonly entity: { code: number; name: string; message: string }[] = [];
  private readonly lines: string[] = [];

  constructor(
    readonly entityName: string,
    readonly entityId: string,
  ) {}

  get empty(): boolean {
    return this.fields.size === 0 && this.entity.length === 0;
  }

  /** The vendor's wording for a missing required value, quirky quote included. */
  missingMessage(field: string, entityName = this.entityName, entityId = this.entityId): string {
    return `Non-null field '${entityName}'[${entityId}].${field}' is null or empty.`;
  }

  missing(field: string, reportedAs = field): void {
    this.add(reportedAs, CODE.PARAMETER_MISSING, 'ERROR_PARAMETER_MISSING', this.missingMessage(field));
  }

  invalid(field: string, message: string): void {
    this.add(field, CODE.PARAMETER_INVALID, 'ERROR_PARAMETER_INVALID', message, `Error on field ${field}. ${message}`);
  }

  /** Adds one problem; `line` is its line in the top-level message (null: none). */
  add(field: string, code: number, name: string, message: string, line: string | null = message): void {
    const id = fieldId(this.entityName, field);
    let fe = this.fields.get(field);
    if (!fe) {
      fe = { field_id: id, field_name: field, name: 'ERROR_FIELD_VALIDATION', code: 40002, errors: [] };
      this.fields.set(field, fe);
    }
    fe.errors.push({ code, name, message, field_id: id, field_name: field });
    if (line !== null) this.lines.push(line);
  }

  entityError(message: string, code: number = CODE.PARAMETER_INVALID, name = 'ERROR_PARAMETER_INVALID'): void {
    this.entity.push({ code, name, message });
    this.lines.push(message);
  }

  toError(entityIndex: number | null = null): ApiError {
    return new ApiError({
      code: CODE.ENTITY_VALIDATION,
      name: 'ERROR_ENTITY_VALIDATION',
      message: `\n${this.lines.join('\n')}`,
      entity_id: this.entityId,
      entity_name: this.entityName,
      entity_errors: this.entity,
      field_errors: [...this.fields.values()],
      step_checklist_errors: [],
      entity_index: entityIndex,
      http_status: 422,
      success: false,
    });
  }
}
