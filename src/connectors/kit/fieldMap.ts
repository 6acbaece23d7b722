/**
 * A vendor's field name → the path of the create input field it came from (`['address', 'city']`),
 * so that a vendor's refusal naming its own field becomes a userError on the client's field.
 */
export type FieldMap = Record<string, string[]>;
