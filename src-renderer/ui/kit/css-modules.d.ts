/** Vite compiles `*.module.css` into a map from each class in the file to its scoped name. */
declare module '*.module.css' {
  const classes: Readonly<Record<string, string | undefined>>;
  export default classes;
}
