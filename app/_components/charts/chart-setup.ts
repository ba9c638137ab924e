'use client';
// chart.js is tree-shaken: register only what our charts use, once.
import {
  BarElement, CategoryScale, Chart, Filler, Legend, LineElement, LinearScale, PointElement, Tooltip,
} from 'chart.js';

Chart.register(CategoryScale, LinearScale, PointElement, LineElement, BarElement, Filler, Tooltip, Legend);

/** Reads a CSS variable of the page (so charts follow light and dark mode). */
export function cssVar(name: string, fallback: string): string {
  if (typeof window === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

export { SERIES_COLORS } from './colors';
