// One slow link in front of a local server: a TCP proxy that counts every byte the server sends
// (headers and bodies, every connection) and holds all of them together to `bitsPerSecond`, as a
// shared classroom line would. Used by bench/firstVisit.ts and e2e/firstVisit.spec.ts.
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

export interface LinkProxy {
  url: string;
  bytesToClient: () => number;
  stop: () => Promise<void>;
}

export async function startLinkProxy(options: { target: number; bitsPerSecond?: number }): Promise<LinkProxy> {
  let sent = 0;
  let linkFreeAt = 0; // when the shared link has sent everything queued so far (ms, performance.now)
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ port: options.target, host: '127.0.0.1' });
    sockets.add(client).add(upstream);
    client.on('data', (d) => upstream.write(d));
    // Writes leave in order; the server's end of a response reaches the client after its last byte.
    let flushed: Promise<void> = Promise.resolve();
    upstream.on('data', (d) => {
      const now = performance.now();
      const delay = options.bitsPerSecond
        ? (linkFreeAt = Math.max(now, linkFreeAt) + (d.length * 8 * 1000) / options.bitsPerSecond) - now
        : 0;
      upstream.pause();
      flushed = flushed.then(
        () =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              sent += d.length;
              client.write(d, () => {
                upstream.resume();
                resolve();
              });
            }, delay),
          ),
      );
    });
    upstream.on('end', () => void flushed.then(() => client.end()));
    client.on('end', () => upstream.end());
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bytesToClient: () => sent,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
