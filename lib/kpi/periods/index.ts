// Periods: calendar math, the presets with their like-for-like comparisons, and periods in words.
export * from './calendar';
export * from './presets';
export * from './words';
