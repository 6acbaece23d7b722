import type { ModelSpec } from './models';

/**
 * Field rules from the Help page's "Additional information" column (vendor notes §2): Required,
 * "Max length: n", "Range: inclusive between 0 and 100". That column is what ASP.NET's Help Page
 * generator prints for the DataAnnotations attributes [Required], [MaxLength] and [Range], so a
 * failing record is reported with those attributes' default .NET messages, PascalCase names
 * included. The vendor publishes no per-item wording for contacts; this is the closest inference.
 */
export const ANNOTATION = {
  required: (name: string) => `The ${name} field is required.`,
  maxLength: (name: string, max: number) => `The field ${name} must be a string or array type with a maximum length of '${max}'.`,
  range: (name: string, lo: number, hi: number) => `The field ${name} must be between ${lo} and ${hi}.`,
} as const;

/** Every annotation failure of `row` (wire keys) under `model`, in model order. */
export function annotationErrors(row: object, model: ModelSpec, prefix = ''): string[] {
  const out: string[] = [];
  for (const spec of model.fields) {
    if (spec.readOnly) continue;
    const v = (row as Record<string, unknown>)[spec.wire];
    if (spec.required && (v === null || v === undefined || v === '')) out.push(prefix + ANNOTATION.required(spec.name));
    if (spec.maxLength !== undefined && typeof v === 'string' && v.length > spec.maxLength) {
      out.push(prefix + ANNOTATION.maxLength(spec.name, spec.maxLength));
    }
    if (spec.range && typeof v === 'number' && (v < spec.range[0] || v > spec.range[1])) {
      out.push(prefix + ANNOTATION.range(spec.name, spec.range[0], spec.range[1]));
    }
  }
  return out;
}
