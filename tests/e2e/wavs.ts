/** Reading the WAV and ZIP files the mixer writes, to check them against the stems. */

export interface Wav { channels: number; rate: number; bits: number; samples: Float64Array[] }

/** A PCM WAV's channels as numbers in -1..1 (16-bit, 24-bit or 32-bit float). */
export function readWav(buf: Buffer): Wav {
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV');
  let at = 12; let channels = 0; let rate = 0; let bits = 0; let format = 0; let data: Buffer | null = null;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4); const size = buf.readUInt32LE(at + 4);
    if (id === 'fmt ') { format = buf.readUInt16LE(at + 8); channels = buf.readUInt16LE(at + 10); rate = buf.readUInt32LE(at + 12); bits = buf.readUInt16LE(at + 22); }
    if (id === 'data') { data = buf.subarray(at + 8, at + 8 + size); break; }
    at += 8 + size + (size & 1);
  }
  if (!data) throw new Error('no data chunk');
  const bytes = bits / 8; const frames = Math.floor(data.length / (bytes * channels));
  const samples = Array.from({ length: channels }, () => new Float64Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < channels; c++) {
      const o = (i * channels + c) * bytes;
      samples[c][i] = format === 3 ? data.readFloatLE(o)
        : bits === 16 ? data.readInt16LE(o) / 32768
        : bits === 24 ? data.readIntLE(o, 3) / 8388608 : data.readInt32LE(o) / 2147483648;
    }
  }
  return { channels, rate, bits, samples };
}

export const rms = (x: Float64Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / Math.max(1, x.length));

/** The entries of a ZIP: name, method and bytes, read through its central directory. */
export function readZip(buf: Buffer): { name: string; method: number; data: Buffer }[] {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(end + 10); let at = buf.readUInt32LE(end + 16);
  const out = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central entry');
    const method = buf.readUInt16LE(at + 10); const size = buf.readUInt32LE(at + 20);
    const n = buf.readUInt16LE(at + 28); const e = buf.readUInt16LE(at + 30); const c = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42); const name = buf.toString('utf8', at + 46, at + 46 + n);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('bad local header');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name, method, data: buf.subarray(start, start + size) });
    at += 46 + n + e + c;
  }
  return out;
}
