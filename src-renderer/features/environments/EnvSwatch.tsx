/** The environment's colour, so production and staging never look alike. */
export function EnvSwatch({ color }: { color: string }) {
  return <span className="env-swatch" style={{ backgroundColor: color }} aria-hidden="true" />;
}
