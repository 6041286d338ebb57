/** Semantic colour tones shared by Badge, Alert and Toast. */
export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';
