/**
 * How many leading digits a libphonenumber metadata pattern looks at, for numbers of a
 * given length: the last position any path through the pattern constrains (anything but
 * `\d`). When every pattern of a calling code is decided within the first K digits, two
 * national numbers that share those K digits (and the length) get the same verdict from
 * each pattern, so the verdict can be memoised per K-digit prefix without changing a result.
 *
 * The metadata's patterns use digits, `\d`, character classes, groups, `|` and the
 * quantifiers `{n}`, `{n,m}`, `?`; anything else makes the analysis give up (Infinity),
 * which turns the memo off rather than risk a wrong answer.
 */

type Node =
  /** one digit position: `digits` is a bit mask of the digits it accepts; `free` for `\d` */
  | { kind: 'atom'; free: boolean; digits: number; min: number; max: number }
  | { kind: 'group'; alternatives: Node[][]; min: number; max: number };

/** Position reached -> the furthest constrained position on some path reaching it. */
type Reach = Map<number, number>;

export interface DepthOptions {
  /** a prefix pattern (leading digits): it decides wherever it stops */
  prefix?: boolean;
  /** only numbers starting with these digits: other paths are dropped, and their own positions count as known */
  startsWith?: string;
}

export function constrainedDepth(pattern: string, length: number, opts: DepthOptions = {}): number {
  let nodes: Node[][];
  try {
    const parser = new PatternParser(pattern);
    nodes = parser.alternatives();
    if (!parser.done()) return Infinity;
  } catch {
    return Infinity;
  }
  const known = opts.startsWith ?? '';
  const end = walkAlternatives(nodes, new Map([[0, known.length]]), { limit: length, known });
  // A prefix pattern (leading digits) decides wherever it stops; a whole-number one only at `length`.
  const depth = opts.prefix ? Math.max(0, ...end.values()) : (end.get(length) ?? 0);
  return Math.max(depth, known.length);
}

interface Walk {
  limit: number;
  known: string;
}

function walkAlternatives(alternatives: Node[][], from: Reach, walk: Walk): Reach {
  const out: Reach = new Map();
  for (const seq of alternatives) {
    let reach = from;
    for (const node of seq) reach = walkNode(node, reach, walk);
    merge(out, reach);
  }
  return out;
}

function walkNode(node: Node, from: Reach, walk: Walk): Reach {
  const out: Reach = new Map();
  let reach = from;
  for (let i = 0; ; i++) {
    if (i >= node.min) merge(out, reach);
    if (i === node.max) break;
    reach = node.kind === 'atom' ? stepAtom(reach, node, walk) : walkAlternatives(node.alternatives, reach, walk);
    // Stryker disable next-line ConditionalExpression: equivalent for false, an empty reach steps to an empty reach until the last copy
    if (reach.size === 0) break;
  }
  return out;
}

function stepAtom(from: Reach, atom: { free: boolean; digits: number }, walk: Walk): Reach {
  const out: Reach = new Map();
  for (const [pos, deepest] of from) {
    if (pos + 1 > walk.limit) continue;
    if (pos < walk.known.length) {
      // a known digit: the path goes on only if the atom accepts it, and learns nothing new
      if ((atom.digits & (1 << Number(walk.known[pos]))) !== 0) out.set(pos + 1, deepest);
      continue;
    }
    // each position of `from` steps to its own next one: no two paths meet here
    out.set(pos + 1, atom.free ? deepest : pos + 1);
  }
  return out;
}

const ALL_DIGITS = 0x3ff;

/** The digits a class like `[02-46-9]` accepts, as a bit mask. */
function classDigits(body: string): number {
  let mask = 0;
  for (let i = 0; i < body.length; i++) {
    const from = body.charCodeAt(i) - 48;
    // Stryker disable next-line StringLiteral: equivalent, constrainedDepth reads every parse error as Infinity
    if (!(from >= 0 && from <= 9)) throw new Error(`unexpected ${body[i]} in a class`);
    let to = from;
    if (body[i + 1] === '-') {
      to = body.charCodeAt(i + 2) - 48;
      // Stryker disable next-line StringLiteral: equivalent, constrainedDepth reads every parse error as Infinity
      if (!(to >= from && to <= 9)) throw new Error('bad range');
      i += 2;
    }
    for (let d = from; d <= to; d++) mask |= 1 << d;
  }
  return mask;
}

function merge(into: Reach, from: Reach): void {
  for (const [pos, deepest] of from) into.set(pos, Math.max(into.get(pos) ?? 0, deepest));
}

class PatternParser {
  private i = 0;
  constructor(private readonly src: string) {}

  done(): boolean {
    return this.i === this.src.length;
  }

  alternatives(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  private sequence(): Node[] {
    const seq: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') seq.push(this.quantified());
    return seq;
  }

  private quantified(): Node {
    const c = this.src.charAt(this.i);
    let node: Node;
    if (c === '(') {
      this.i += this.src.startsWith('(?:', this.i) ? 3 : 1;
      const alternatives = this.alternatives();
      // Stryker disable next-line ConditionalExpression,StringLiteral: equivalent, a group left open ends the pattern, which done() then refuses
      if (this.src[this.i] !== ')') throw new Error('unclosed group');
      this.i++;
      // Stryker disable next-line StringLiteral: equivalent, a node is told apart by kind 'atom' only
      node = { kind: 'group', alternatives, min: 1, max: 1 };
    } else if (c === '[') {
      const close = this.src.indexOf(']', this.i);
      // Stryker disable next-line StringLiteral: equivalent, constrainedDepth reads every parse error as Infinity
      if (close === -1) throw new Error('unclosed class');
      node = { kind: 'atom', free: false, digits: classDigits(this.src.slice(this.i + 1, close)), min: 1, max: 1 };
      this.i = close + 1;
    } else if (c === '\\' && this.src[this.i + 1] === 'd') {
      this.i += 2;
      node = { kind: 'atom', free: true, digits: ALL_DIGITS, min: 1, max: 1 };
    } else if (c >= '0' && c <= '9') {
      this.i++;
      node = { kind: 'atom', free: false, digits: 1 << Number(c), min: 1, max: 1 };
    } else {
      // Stryker disable next-line StringLiteral: equivalent, constrainedDepth reads every parse error as Infinity
      throw new Error(`unexpected ${c}`);
    }
    const q = /^(?:\{(\d+)(?:,(\d+))?\}|\?)/.exec(this.src.slice(this.i));
    if (q) {
      this.i += q[0].length;
      if (q[0] === '?') return { ...node, min: 0, max: 1 };
      const min = Number(q[1]);
      return { ...node, min, max: q[2] === undefined ? min : Number(q[2]) };
    }
    return node;
  }
}
