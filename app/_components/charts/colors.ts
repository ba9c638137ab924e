// Chart colors, shared by server components (which pick them per bar) and the client charts. Mid
// tones that read on both the light and the dark surface.
export const SERIES_COLORS = ['#4c6ef5', '#12b886', '#f59f00', '#e64980', '#7950f2', '#15aabf'];

/** Bars colored by what they mean (NPS groups), never by color alone: the labels and table say it too. */
export const GROUP_COLORS: Record<string, string> = { Detractor: '#e03131', Passive: '#f59f00', Promoter: '#2f9e44', '': SERIES_COLORS[0] };
