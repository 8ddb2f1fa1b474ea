/** A placeholder a mask put in place of a value (`<NUM>`, `<STR>`, `(…)`). */
export function isPlaceholder(token: string): boolean {
  return /<[A-Z]+>|…/.test(token);
}

/** A token without a `key=` in front and without the brackets, quotes and punctuation around it. */
export function tokenCore(token: string): string {
  return token
    .replace(/^[\w.-]+=/, '')
    .replace(/^[([{<"'`]+/, '')
    .replace(/[)\]}>"'`.,:;!?]+$/, '');
}

/** `dag_id=`, `id=`, `name=`: a key whose value identifies something, so never names the event. */
const IDENTIFIER_KEY = /^[\w.-]*(?:id|name)=/i;
/** A token wrapped whole in brackets (`[self]`, `{x}`, `(a)`): a collection or a repr, so a value. */
const WRAPPED = /^(?:[\w.-]+=)?(?:\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|<[^>]*>)[.,:;!?]?$/;

/**
 * A plain word (letters only, or hyphenated like `half-configured`): the fixed text of a message,
 * unlike values such as `orders_2024`, `a.b`, `x-1`, `[self]` or whatever an identifier key holds
 * (`task_id=load`).
 */
export function isWord(token: string): boolean {
  return !isPlaceholder(token) && !IDENTIFIER_KEY.test(token) && !WRAPPED.test(token) && /^\p{L}+(?:-\p{L}+)*$/u.test(tokenCore(token));
}

/** An upper-case enumerator (`RUNNING`, `GET`, `UP_FOR_RETRY`): the name of a state or an action, never a value. */
export function isEnumerator(token: string): boolean {
  return /^[A-Z][A-Z_]+$/.test(tokenCore(token));
}

/** A first token that names the logger or the exception (`sqlite3.IntegrityError:`, `request`), rather than a value. */
export function isSourceName(token: string): boolean {
  return /^[A-Za-z_][\w.]*:?$/.test(token) && !/^\d|\.\d/.test(token);
}
