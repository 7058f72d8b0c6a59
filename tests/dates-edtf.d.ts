/** The `edtf` package ships no types; the tests use it only as the reference parser. */
declare module 'edtf' {
  /** Parses EDTF text into its structure; throws on text that is not EDTF. */
  export function parse(text: string): unknown;
  /** An EDTF date, interval or set, with its first and last millisecond in UTC. */
  export default function edtf(text: string): { readonly min: number; readonly max: number };
}
