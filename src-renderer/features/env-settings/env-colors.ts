/** The small palette environments pick from; red is kept for production. */
export interface EnvColorChoice {
  value: string;
  label: string;
}

export const envColors: readonly EnvColorChoice[] = [
  { value: '#dc2626', label: 'Red — production' },
  { value: '#ea580c', label: 'Orange' },
  { value: '#ca8a04', label: 'Amber' },
  { value: '#16a34a', label: 'Green' },
  { value: '#0d9488', label: 'Teal' },
  { value: '#2563eb', label: 'Blue' },
  { value: '#7c3aed', label: 'Violet' },
  { value: '#64748b', label: 'Slate' },
];

export const defaultEnvColor = '#2563eb';
