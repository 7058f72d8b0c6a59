/** Lines of a text file, read in chunks, never the whole file at once. */
import { createReadStream } from 'node:fs';

export async function* fileLines(path: string): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', start)) {
      yield text.slice(start, i);
      start = i + 1;
    }
    rest = text.slice(start);
  }
  if (rest.length > 0) yield rest;
}

/** Groups a corpus's lines into batches of whole cases, about `size` lines each. */
export async function* caseBatches(path: string, size: number): AsyncGenerator<string[]> {
  let batch: string[] = [];
  for await (const line of fileLines(path)) {
    if (batch.length >= size && isCaseHeader(line)) {
      yield batch;
      batch = [];
    }
    batch.push(line);
  }
  if (batch.length > 0) yield batch;
}

export function isCaseHeader(line: string): boolean {
  return line.startsWith('{"case":');
}
