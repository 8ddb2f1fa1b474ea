/** Joins the class names that are set, for components that add a caller's className to their own. */
export function classNames(...names: readonly (string | false | null | undefined)[]): string {
  return names.filter((n): n is string => typeof n === 'string' && n !== '').join(' ');
}
