/**
 * What each page's document costs on the wire, as the local server sends it to a browser: the
 * compressed body (brotli, or gzip as a `gzip` host sends it) plus the response's status line and
 * headers. A new connection's first round trip
 * carries ten TCP segments, 14,600 bytes; a document that needs more waits a whole round trip for
 * its tail, and the audit's simulated slow network holds the first paint until the document is
 * complete.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type HostKind, startStaticServer } from '../static-server.ts';
import type { BuiltPage } from './build-output.ts';

/** Ten segments of 1,460 bytes: the initial congestion window of RFC 6928, which the audit simulates. */
export const FIRST_ROUND_TRIP_BYTES = 14_600;

function sentBytes(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const get = request(
      { host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } },
      (response) => {
        const { rawHeaders, statusCode, statusMessage } = response;
        let bytes = `HTTP/1.1 ${statusCode} ${statusMessage}\r\n\r\n`.length;
        for (let index = 0; index < rawHeaders.length; index += 2)
          bytes += `${rawHeaders[index]}: ${rawHeaders[index + 1]}\r\n`.length;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => resolve(bytes));
      },
    );
    get.on('error', reject);
    get.end();
  });
}

/** Bytes sent for each page's document, by route, from a server of the build on a free port. */
export async function measureSent(
  outDir: string,
  pages: BuiltPage[],
  host: HostKind = 'brotli',
): Promise<Map<string, number>> {
  const server = await startStaticServer({ root: outDir, port: 0, host });
  try {
    const { port } = server.address() as AddressInfo;
    const sent = new Map<string, number>();
    for (const { route } of pages) sent.set(route, await sentBytes(port, route));
    return sent;
  } finally {
    server.close();
  }
}
