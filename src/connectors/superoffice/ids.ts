/*
 * SuperOffice ids are positive integers. Remote ids reach us as strings (from global ids a
 * client may have made by hand), so every id is checked before it goes into a path or a
 * `$filter`: an id that cannot exist is answered as "no such record" without a call.
 */

/** The integer an id string names, or null when it cannot be a SuperOffice id. */
export function numericId(id: string | null | undefined): number | null {
  if (id == null || !/^[1-9]\d{0,9}$/.test(id)) return null;
  const n = Number(id);
  return n <= 2_147_483_647 ? n : null;
}

/**
 * A stage is a Rating (sale stage) *within* a sale type: one Rating may sit in several types at
 * different positions (vendor notes §2 "Pipeline"), so a stage's remote id names both,
 * `<SaleTypeId>.<RatingId>`.
 */
export function toStageId(saleTypeId: number, ratingId: number): string {
  return `${saleTypeId}.${ratingId}`;
}

export function parseStageId(id: string): { saleTypeId: number; ratingId: number } | null {
  const [type, rating, extra] = id.split('.');
  const saleTypeId = numericId(type);
  const ratingId = numericId(rating);
  return saleTypeId !== null && ratingId !== null && extra === undefined ? { saleTypeId, ratingId } : null;
}
