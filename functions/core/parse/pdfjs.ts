/*
 * pdfjs-dist, loaded when a PDF is read, with the one browser API it needs in Node.
 *
 * pdfjs's display layer builds a `DOMMatrix` when it loads (and throws "DOMMatrix is not
 * defined" without one); in Node it takes the class from `@napi-rs/canvas`, a native package
 * built per platform that no Lambda bundle ships. Text extraction never draws, so a pure
 * JavaScript DOMMatrix is enough: the text items of every PDF tried were the same, byte for
 * byte, with it as with the canvas package's (2026-12-06: TeX and DocBook manuals, pdfkit
 * call logs, text under scaled, rotated and skewed matrices, a Type3 bitmap font). Installed
 * wherever the runtime has none, so the local stack reads PDFs exactly as a Lambda does. Both
 * packages are files of their own beside a Lambda bundle (lib/bundling.ts, LAZY_PACKAGES).
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export async function loadPdfjs(): Promise<Pdfjs> {
  if (!('DOMMatrix' in globalThis)) {
    const { default: DOMMatrix } = await import('@thednp/dommatrix');
    Object.defineProperty(globalThis, 'DOMMatrix', { value: DOMMatrix, writable: true, configurable: true });
  }
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}
