import { realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { PACKAGE_ROOT } from '../io.js';
import { action, CliError, type CommandModule } from '../program.js';

/** The built case page, in the package (with a trailing separator, as path checks below expect). */
export const WEB_DIST = join(PACKAGE_ROOT, 'web', 'dist') + sep;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * What the page may do, sent as a header (a meta tag cannot set frame-ancestors): its own scripts and styles
 * (plus inline style attributes, which the charts set), images from itself or data: URLs, no network, no
 * plugins, no forms, and no framing by another site (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/**
 * The Host a browser sends when it really means this server. Anything else is a page on another site
 * whose name was rebound to 127.0.0.1 (DNS rebinding) trying to read this one: refused.
 */
function hostAllowed(host: string | undefined, port: number): boolean {
  return (
    host !== undefined &&
    [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host.toLowerCase())
  );
}

/** Serves the files of `root` read-only on 127.0.0.1; nothing outside `root` is reachable. */
export function servePage(root: string, port: number): Promise<Server> {
  const base = normalize(root.endsWith(sep) ? root : `${root}${sep}`);
  // Symlinks are resolved, and what they lead to must still be under the root's own real path.
  const realBase = `${realpathSync(base)}${sep}`;
  const server = createServer(async (req, res) => {
    const address = server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    if (!hostAllowed(req.headers.host, bound)) {
      res
        .writeHead(421, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
        .end('misdirected request: this server answers only to 127.0.0.1, localhost and [::1] on its port\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...SECURITY_HEADERS, allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400, SECURITY_HEADERS).end();
      return;
    }
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base) || path.includes('\0')) {
      res.writeHead(404, SECURITY_HEADERS).end();
      return;
    }
    try {
      const real = await realpath(file);
      if (!real.startsWith(realBase)) throw new Error('outside the root');
      if (!(await stat(real)).isFile()) throw new Error('not a file');
      const body = await readFile(real);
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res
        .writeHead(404, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
        .end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** `casesim serve [--port N]`: the case page on http://127.0.0.1 (never on other interfaces). */
export const serveCommand: CommandModule = (program, io, setExit) => {
  program
    .command('serve')
    .description('serve the case page (web/dist) on 127.0.0.1; it also opens from disk, web/dist/index.html')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--json', 'print where it serves as JSON ({"url", "port"})')
    .action(
      action(setExit, async (opts: { port: string; json?: boolean }) => {
        // Plain decimal only: Number() would take 0x50 as 80, 1e3 as 1000 and ' 80' as 80.
        const port = /^\d{1,5}$/.test(opts.port) ? Number(opts.port) : Number.NaN;
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new CliError(`--port: '${opts.port}' is not a port number (0-65535)`);
        try {
          await stat(join(WEB_DIST, 'index.html'));
        } catch {
          throw new CliError(`${WEB_DIST}index.html is missing: build the page with npm run build`);
        }
        let server: Server;
        try {
          server = await servePage(WEB_DIST, port);
        } catch (error) {
          throw new CliError(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
        }
        const address = server.address();
        const actual = typeof address === 'object' && address ? address.port : port;
        const url = `http://127.0.0.1:${actual}/`;
        io.out(
          opts.json
            ? JSON.stringify({ url, port: actual })
            : `casesim: serving the case page at ${url} (Ctrl-C to stop)`,
        );
        return 0;
      }),
    );
};
