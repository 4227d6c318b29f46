/**
 * Registers the CJK font for synthetic cards: Noto Sans SC (variable weight) from the npm
 * package `@fontsource-variable/noto-sans-sc` (SIL Open Font License 1.1; a devDependency).
 * The package splits the font into ~110 unicode-range subsets; registering all of them under
 * one family lets Skia fall back glyph by glyph.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

export const CARD_FONT = 'ShimingCardSans';

let registered = false;

export const registerCardFonts = (): void => {
  if (registered) return;
  const require = createRequire(import.meta.url);
  const dir = join(
    dirname(require.resolve('@fontsource-variable/noto-sans-sc/package.json')),
    'files',
  );
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.woff2')) GlobalFonts.registerFromPath(join(dir, file), CARD_FONT);
  }
  registered = true;
};
