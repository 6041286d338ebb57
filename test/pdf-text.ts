import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF, as a reader's copy-paste would give it (pdfjs-dist, the Node legacy build). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const loading = getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const document = await loading.promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages.join('\n');
  } finally {
    await loading.destroy();
  }
}

type FontkitFont = { glyphForCodePoint(codePoint: number): { id: number; name?: string }; familyName: string };
type Fontkit = { openSync(path: string): FontkitFont };

/** fontkit as @react-pdf/font depends on it (resolved from that package, not declared by ours). */
export function openFont(path: string): FontkitFont {
  const fromReactPdfFont = createRequire(createRequire(import.meta.url).resolve('@react-pdf/font'));
  return (fromReactPdfFont('fontkit') as Fontkit).openSync(path);
}

/** Characters of `text` the font has no glyph for: they would print as the missing glyph (.notdef, id 0). */
export function charactersWithoutGlyph(font: FontkitFont, text: string): string[] {
  return [...new Set(text)].filter((character) => /\S/.test(character) && font.glyphForCodePoint(character.codePointAt(0)!).id === 0);
}
