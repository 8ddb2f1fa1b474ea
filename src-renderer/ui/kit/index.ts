/** The renderer's small UI kit: each component has its styles next to it in a CSS module. */
export { Badge, type BadgeTone } from './Badge';
export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { DataTable, type DataColumn, type DataTableProps } from './DataTable';
export { EmptyState } from './EmptyState';
export { Legend, type LegendItem } from './Legend';
export { Section, type SectionProps } from './Section';
export { Segmented, type SegmentedOption, type SegmentedProps } from './Segmented';
