const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Button values and metadata can be forged: anything that is not a UUID never reaches a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
