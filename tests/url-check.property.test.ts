/**
 * The fast validator reads a source's web address with the WHATWG URL parser, not with zod: it accepts and
 * refuses exactly what the schema's `url` (zod's `z.url({ protocol: /^https?$/ })` and its http(s) pattern)
 * does, and gives back the same value, over web addresses, near misses and any string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PublicRecordSource } from '../src/events/schema.js';
import { REFUSED, urlValue } from '../src/events/validate-checks.js';

const zodUrl = PublicRecordSource.shape.url;

function fastAnswer(text: string): { ok: true; value: string } | { ok: false } {
  try {
    return { ok: true, value: urlValue(text) };
  } catch (error) {
    if (error === REFUSED) return { ok: false };
    throw error;
  }
}

function expectSameAsZod(text: string) {
  const zod = zodUrl.safeParse(text);
  const fast = fastAnswer(text);
  expect(fast.ok, `fast ${fast.ok ? 'accepts' : 'refuses'} ${JSON.stringify(text)}`).toBe(zod.success);
  if (fast.ok && zod.success) expect(fast.value).toBe(zod.data);
}

const pieces = [
  'http://',
  'https://',
  'HTTP://',
  'Https://',
  'http:',
  'https:/',
  'ftp://',
  'javascript:',
  'data:',
  'example.com',
  'www.courtlistener.com',
  '/docket/1',
  '?q=1',
  '#x',
  ':8080',
  '[::1]',
  'user:pw@',
  '%20',
  '%zz',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2028',
  '\ufeff',
  'é',
  '😀',
  '\\',
  '//',
  '..',
  '',
];

describe('a source URL checked without zod', () => {
  it('accepts, refuses and normalizes the addresses of the real logs and their near misses as zod does', () => {
    for (const text of [
      'https://www.courtlistener.com/docket/18208359/us-wechat-users-alliance-v-trump/',
      '  https://example.com/a  ',
      'https://exa\tmple.com/\n',
      'http:example.com',
      'https:/example.com',
      'HTTPS://EXAMPLE.COM',
      'https://',
      'http://[::1]:80/',
      'http://a b',
      'javascript:alert(1)',
      'https://example.com:99999/',
      '',
    ])
      expectSameAsZod(text);
  });

  it('agrees with zod on strings built from URL pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        expectSameAsZod(parts.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with zod on any string, and on any string after http:// or https://', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', 'http://', 'https://', ' https://'),
        fc.string({ unit: 'binary' }),
        (p, s) => {
          expectSameAsZod(p + s);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
