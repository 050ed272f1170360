import net from 'node:net';

/** A port nobody holds on 127.0.0.1 (a stand-in left by an interrupted run must not be measured). */
export function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
