import type { AllocationRow } from '../../domain';

// Okabe–Ito: distinguishable with the common colour-vision deficiencies, and legible on light and dark.
// Plain hex rather than CSS variables, so an exported SVG keeps its colours.
export const SERVICE_COLOURS: Record<AllocationRow['service'], string> = {
  navy: '#0072B2',
  army: '#009E73',
  'air-force': '#E69F00',
  'coast-guard': '#CC79A7',
  marines: '#D55E00',
  'special-forces': '#56B4E9',
  joint: '#F0E442',
  unallocated: '#999999',
};
