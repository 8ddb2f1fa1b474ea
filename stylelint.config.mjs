/**
 * Stylelint as a guard, not a formatter: font sizes come from the type scale and colours from
 * src-renderer/styles/tokens.css (the only file that may spell a colour). The standard config's
 * purely stylistic rules are off so the existing sheets are not rewritten for blank lines or casing.
 */
export default {
  extends: ['stylelint-config-standard'],
  ignoreFiles: ['out/**', 'node_modules/**', 'dist/**', 'coverage/**'],
  rules: {
    // Font sizes: a step of the type scale (var(--text-…)) or a size relative to the parent (em, %).
    'declaration-property-value-disallowed-list': [
      { 'font-size': ['/\\d(px|rem|pt)\\b/'], font: ['/\\d(px|rem|pt)\\b/'] },
      { message: (property, value) => `"${property}: ${value}": use a type-scale step, var(--text-2xs … --text-2xl), from tokens.css` },
    ],
    // Colours: only tokens.css names them (hex or named); elsewhere use var(--…).
    'color-no-hex': true,
    'color-named': 'never',

    // Stylistic rules of the standard config, off: they would churn the existing sheets without catching a bug.
    'rule-empty-line-before': null,
    'comment-empty-line-before': null,
    'declaration-empty-line-before': null,
    'at-rule-empty-line-before': null,
    'custom-property-empty-line-before': null,
    'declaration-block-single-line-max-declarations': null,
    'value-keyword-case': null,
    'color-hex-length': null,
    'media-feature-range-notation': null,
    'declaration-block-no-redundant-longhand-properties': null,
    // CSS modules name classes in camelCase so components read styles.quietDanger.
    'selector-class-pattern': null,
    // The global sheets rely on source order across 23 files; untangling specificity belongs to moving page CSS next to its feature.
    'no-descending-specificity': null,
    'no-duplicate-selectors': null,
  },
  overrides: [
    {
      files: ['src-renderer/styles/tokens.css'],
      rules: { 'color-no-hex': null, 'color-named': null },
    },
  ],
};
