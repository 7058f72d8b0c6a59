/**
 * `casesim serve` is locked down (issue 15, point 10): every answer carries a Content-Security-Policy
 * header that forbids framing, and nosniff; only requests addressed to 127.0.0.1, localhost or [::1] on the
 * bound port are answered (DNS rebinding gets 421); no symlink leads out of the web root; and the port is
 * a plain decimal number. (The page itself is loaded under this policy in tests/browser.test.ts.)
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePage } from '../src/cli/commands/serve.js';
import { removeDir, tempDir } from './helpers/built.js';
import { cli } from './support/cli.js';

let dir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  dir = tempDir('serve');
  const root = path.join(dir, 'root');
  mkdirSync(root);
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'root:x:0:0');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'leak.txt'));
  symlinkSync(dir, path.join(root, 'up'));
  symlinkSync(path.join(root, 'index.html'), path.join(root, 'inside.html'));
  server = await servePage(root, 0);
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  removeDir(dir);
});

function get(pathname: string, host = `127.0.0.1:${port}`) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: pathname, headers: { host } }, (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('casesim serve', () => {
  it('sends a Content-Security-Policy header (self only, no framing) and nosniff', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect((await get('/nothing-here')).headers['content-security-policy']).toMatch(/frame-ancestors/);
  });

  it('answers only to 127.0.0.1, localhost and [::1] on its own port; a rebound name gets 421', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`])
      expect((await get('/', host)).status, host).toBe(200);
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      '127.0.0.1',
      `127.0.0.1:${port + 1}`,
      `localhost.evil.example:${port}`,
    ]) {
      const r = await get('/', host);
      expect(r.status, host).toBe(421);
      expect(r.body, host).not.toContain('<title>');
    }
  });

  it('follows no symlink out of the web root (one inside it is fine)', async () => {
    const leak = await get('/leak.txt');
    expect(leak.status).toBe(404);
    expect(leak.body).not.toContain('root:x');
    expect((await get('/up/secret.txt')).status).toBe(404);
    expect((await get('/inside.html')).status).toBe(200);
  });

  it.each(['0x50', '80.0', '1e3', ' 80', '+80', '65536', '-1', ''])(
    'refuses --port %j: a port is a plain decimal number',
    async (port) => {
      const r = await cli('serve', '--port', port);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--port: '.*' is not a port number \(0-65535\)/);
    },
  );
});
