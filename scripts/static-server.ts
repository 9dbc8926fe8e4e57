/**
 * Serves a built site the way a static host does: directory indexes, a redirect to the trailing-slash
 * URL, the site's 404 page, and the headers of `_headers` (Netlify / Cloudflare Pages format), so that
 * tests see the CSP and caching rules a visitor gets. Loopback only; not a production server.
 * As `host: 'gzip'` it serves as GitHub Pages does instead: gzip, never brotli, no `_headers`, and
 * a ten-minute cache lifetime for every file.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parseHeadersFile } from '../src/lib/security-headers.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
};

/** Text is sent compressed, as every CDN sends it; fonts and images are compressed already. */
const compressible = new Set([
  '.html',
  '.css',
  '.js',
  '.mjs',
  '.json',
  '.webmanifest',
  '.xml',
  '.txt',
  '.svg',
]);

/**
 * How a host serves the build: `brotli` as Netlify and Cloudflare Pages do (brotli where the browser
 * takes it, the headers of `_headers`), `gzip` as GitHub Pages does (gzip only, no `_headers`,
 * `Cache-Control: max-age=600`).
 */
export type HostKind = 'brotli' | 'gzip';
export const HOST_KINDS: readonly HostKind[] = ['brotli', 'gzip'];

function encode(
  body: Buffer,
  acceptEncoding: string,
  host: HostKind,
): { body: Buffer; encoding?: 'br' | 'gzip' } {
  if (host === 'brotli' && /\bbr\b/.test(acceptEncoding))
    return { body: brotliCompressSync(body), encoding: 'br' };
  if (/\bgzip\b/.test(acceptEncoding)) return { body: gzipSync(body), encoding: 'gzip' };
  return { body };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

export interface StaticServerOptions {
  root: string;
  port: number;
  /** The address to listen on. */
  address?: string;
  host?: HostKind;
}

export async function startStaticServer({
  root,
  port,
  address = '127.0.0.1',
  host = 'brotli',
}: StaticServerOptions): Promise<Server> {
  const siteRoot = resolve(root);
  const headersSource =
    host === 'brotli' ? await readFile(join(siteRoot, '_headers'), 'utf8').catch(() => '') : '';
  const rules = parseHeadersFile(headersSource);

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '/404/';
    }
    const filePath = normalize(join(siteRoot, pathname));
    const inside = filePath === siteRoot || filePath.startsWith(siteRoot + sep);

    let status = 200;
    let served = filePath;
    if (!inside) {
      status = 404;
      served = join(siteRoot, '404.html');
    } else if (pathname.endsWith('/')) {
      served = join(filePath, 'index.html');
    } else if (!(await isFile(filePath)) && (await isFile(join(filePath, 'index.html')))) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    if (status === 200 && !(await isFile(served))) {
      status = 404;
      served = join(siteRoot, '404.html');
    }

    const raw = await readFile(served).catch(() => Buffer.from('Not found'));
    const { body, encoding } = compressible.has(extname(served))
      ? encode(raw, String(request.headers['accept-encoding'] ?? ''), host)
      : { body: raw };
    const headers: Record<string, string> = {
      'content-type': contentTypes[extname(served)] ?? 'application/octet-stream',
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
      // A whole file is sent in one piece, as a CDN sends it, not in chunks.
      'content-length': String(body.length),
    };
    // GitHub Pages lets browsers and CDNs keep every file for ten minutes.
    if (host === 'gzip') headers['cache-control'] = 'max-age=600';
    for (const rule of rules) {
      if (rule.pattern.test(url.pathname))
        for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    }
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(port, address, ready);
  });
  return server;
}

// `node scripts/static-server.ts <root> <port> [brotli|gzip]`: a server in a process of its own, as
// the audit needs.
if (import.meta.main) {
  const [root = 'dist', port = '4340', host = 'brotli'] = process.argv.slice(2);
  if (!HOST_KINDS.includes(host as HostKind))
    throw new Error(`host: ${HOST_KINDS.join(' or ')}, not ${host}`);
  await startStaticServer({ root, port: Number(port), host: host as HostKind });
  console.log(`serving ${root}/ on port ${port} as a ${host} host`);
}
