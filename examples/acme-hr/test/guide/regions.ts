/**
 * The guide's code blocks are copies of `// #region name` … `// #endregion name` sections of compiled, tested
 * files. This module extracts regions and finds/replaces the guide's blocks, so a test can fail on any drift and
 * `UPDATE_GUIDE=1` can rewrite the guide from the code.
 */

const REGION_START = /^\s*\/\/ #region (\S+)\s*$/;
const REGION_END = /^\s*\/\/ #endregion (\S+)\s*$/;

/** Every region of a source file, by name: marker lines removed (nested ones too), common indentation removed. */
export function extractRegions(source: string, file: string): Map<string, string> {
  const regions = new Map<string, string[]>();
  const open: string[] = [];
  for (const [index, line] of source.split('\n').entries()) {
    const start = REGION_START.exec(line);
    const end = REGION_END.exec(line);
    if (start) {
      const name = start[1]!;
      if (regions.has(name)) throw new Error(`${file}:${index + 1}: region "${name}" defined twice`);
      regions.set(name, []);
      open.push(name);
    } else if (end) {
      const name = open.pop();
      if (name !== end[1]) throw new Error(`${file}:${index + 1}: #endregion ${end[1]} closes "${name ?? 'nothing'}"`);
    } else {
      for (const name of open) regions.get(name)!.push(line);
    }
  }
  if (open.length > 0) throw new Error(`${file}: region "${open.at(-1)}" is never closed`);
  return new Map([...regions].map(([name, lines]) => [name, dedent(lines)]));
}

function dedent(lines: string[]): string {
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const cut = Math.min(...indents, Number.POSITIVE_INFINITY);
  return lines.map((line) => line.slice(Number.isFinite(cut) ? cut : 0)).join('\n');
}

/** What a guide block must equal: a region of a source file, or keys of a JSON file. */
export type BlockSource =
  | { kind: 'region'; file: string; region: string }
  | { kind: 'json'; file: string; keys: string[] };

export interface GuideBlock {
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  content: string;
  source: BlockSource | null;
  /** Line indexes (0-based) of the content, for rewriting. */
  contentStart: number;
  contentEnd: number;
}

/** `<!-- source: path#region -->` or `<!-- json: path#key1,key2 -->` on the line right above a fence. */
const MARKER = /^<!-- (source|json): (\S+?)#(\S+) -->$/;

export function parseGuide(markdown: string): GuideBlock[] {
  const lines = markdown.split('\n');
  const blocks: GuideBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(\S*)\s*$/.exec(lines[index]!);
    if (!fence) continue;
    const close = lines.findIndex((line, at) => at > index && line === '```');
    if (close < 0) throw new Error(`guide line ${index + 1}: unclosed code block`);
    const marker = MARKER.exec(lines[index - 1] ?? '');
    let source: BlockSource | null = null;
    if (marker?.[1] === 'source') source = { kind: 'region', file: marker[2]!, region: marker[3]! };
    if (marker?.[1] === 'json') source = { kind: 'json', file: marker[2]!, keys: marker[3]!.split(',') };
    blocks.push({
      line: index + 1,
      lang: fence[1] ?? '',
      content: lines.slice(index + 1, close).join('\n'),
      source,
      contentStart: index + 1,
      contentEnd: close,
    });
    index = close;
  }
  return blocks;
}

/** The guide with every sourced block replaced by what its source says now. */
export function renderGuide(markdown: string, expected: (source: BlockSource) => string): string {
  const lines = markdown.split('\n');
  // Back to front, so earlier line indexes stay valid.
  for (const block of parseGuide(markdown).reverse()) {
    if (!block.source) continue;
    lines.splice(block.contentStart, block.contentEnd - block.contentStart, ...expected(block.source).split('\n'));
  }
  return lines.join('\n');
}
