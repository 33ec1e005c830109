/**
 * Characters a file's display name may not keep: control characters (C0 and C1: NUL, tab,
 * line breaks, ESC; they break log lines, terminals and CSV cells), bidirectional controls
 * (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, and the marks U+200E,
 * U+200F, U+061C: `invoice\u202Efdp.exe` shows as "invoiceexe.pdf"), line and paragraph
 * separators, and lone UTF-16 surrogates (no character at all; stores replace them).
 */
const UNSAFE_IN_NAMES = /[\p{Cc}\p{Cs}\p{Bidi_Control}\u2028\u2029]/gu;

/**
 * The name of an uploaded file as people will see it: the caller's name with the
 * characters above removed and the ends trimmed. It may come out empty (a name made only
 * of such characters), which the caller must refuse. Everything else is kept, other
 * scripts, emoji and their joiners included; the object key has its own, stricter form.
 */
export function cleanDisplayName(name: string): string {
  return name.replace(UNSAFE_IN_NAMES, '').trim();
}
