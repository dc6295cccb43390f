/**
 * The Okabe–Ito palette, readable by the common kinds of colour blindness (yellow left out: too pale on
 * white). Charts never rely on colour alone: every line is named in the legend and the toggles.
 */
const palette = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#332288', '#882255'];

/** Requests that reached no provider: grey, so they read as "none of the above". */
const noProviderColor = '#7a7a7a';

/**
 * A provider's colour, the same on every chart and after every refresh: chosen by the provider's
 * position in the sorted list of all providers the page knows.
 */
export function getSeriesColor(provider: string, allProviders: readonly string[]): string {
  if (provider === 'none') return noProviderColor;
  const named = [...allProviders].filter((name) => name !== 'none').sort();
  const index = Math.max(0, named.indexOf(provider));
  return palette[index % palette.length]!;
}
