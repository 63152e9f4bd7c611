// A chart exported as a file leaves the page's stylesheet behind, so its colours are written out:
// light-dark(a, b) becomes the branch of the scheme it was drawn in, var(--token) the token's value.

export type ColourScheme = 'light' | 'dark';

const LIGHT_DARK = /light-dark\(\s*([^,()]+(?:\([^()]*\))?)\s*,\s*([^,()]+(?:\([^()]*\))?)\s*\)/g;
const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]+))?\)/g;

export function resolveColours(text: string, scheme: ColourScheme, token: (name: string) => string): string {
  return text
    .replace(
      VAR,
      (whole, name: string, fallback: string | undefined) => token(name).trim() || fallback?.trim() || whole,
    )
    .replace(LIGHT_DARK, (_, light: string, dark: string) => (scheme === 'dark' ? dark : light).trim());
}

export const currentScheme = (): ColourScheme =>
  typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
