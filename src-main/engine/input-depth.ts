/** How deep a request's input may nest (arrays and objects); the deepest schema in the contract needs under 10. */
export const MAX_INPUT_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `max`, found without recursion,
 * so a hostile 10,000-deep input can neither overflow the stack here nor reach
 * the schema validator, which recurses.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  let visited = 0;
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    visited += 1;
    if (visited > 1_000_000) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push({ v: child, depth: depth + 1 });
    }
  }
  return false;
}
