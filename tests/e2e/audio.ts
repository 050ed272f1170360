/** A stereo 16-bit WAV tone of `secs` seconds (different notes left and right). */
export function wav(secs: number, rate = 8000): Buffer {
  const frames = Math.round(secs * rate);
  const data = Buffer.alloc(frames * 4);
  for (let i = 0; i < frames; i++) {
    const t = i / rate;
    data.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * 440 * t)), i * 4);
    data.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * 660 * t)), i * 4 + 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + data.length, 4); h.write('WAVE', 8);
  h.write('fmt ', 12); h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(2, 22);
  h.writeUInt32LE(rate, 24); h.writeUInt32LE(rate * 4, 28); h.writeUInt16LE(4, 32); h.writeUInt16LE(16, 34);
  h.write('data', 36); h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

export const song = (name: string, secs = 2, rate = 8000) => ({ name, mimeType: 'audio/wav', buffer: wav(secs, rate) });
