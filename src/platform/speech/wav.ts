// eSpeak NG writes 16-bit mono PCM at 22,050 Hz, and on a pipe it cannot go back to fill in
// the header's sizes. Speech needs no more than 11,025 Hz (a telephone carries 8,000), so the
// audio is halved for slow phone connections and given a header with the right sizes.

interface Pcm {
  rate: number;
  channels: number;
  bits: number;
  samples: Buffer;
}

/** The format and sample bytes of a RIFF/WAVE file; its data runs to the end when unsized. */
export function readWav(wav: Buffer): Pcm {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE')
    throw new Error('not a WAV file');
  let at = 12;
  let format: Omit<Pcm, 'samples'> | null = null;
  while (at + 8 <= wav.length) {
    const id = wav.toString('ascii', at, at + 4);
    const size = wav.readUInt32LE(at + 4);
    if (id === 'fmt ')
      format = {
        channels: wav.readUInt16LE(at + 10),
        rate: wav.readUInt32LE(at + 12),
        bits: wav.readUInt16LE(at + 22),
      };
    if (id === 'data') {
      if (!format) throw new Error('WAV data before its format');
      const end = size === 0 || at + 8 + size > wav.length ? wav.length : at + 8 + size;
      return { ...format, samples: wav.subarray(at + 8, end) };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV without data');
}

export function writeWav(p: Pcm): Buffer {
  const header = Buffer.alloc(44);
  const blockAlign = (p.channels * p.bits) / 8;
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + p.samples.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(p.channels, 22);
  header.writeUInt32LE(p.rate, 24);
  header.writeUInt32LE(p.rate * blockAlign, 28);
  header.writeUInt16LE(blockAlign, 32);
  header.writeUInt16LE(p.bits, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(p.samples.length, 40);
  return Buffer.concat([header, p.samples]);
}

/** Seconds of audio in a WAV file. */
export function wavSeconds(wav: Buffer): number {
  const p = readWav(wav);
  return p.samples.length / (p.rate * p.channels * (p.bits / 8));
}

/** 16-bit mono above 16 kHz → half the rate (each pair averaged, a simple low-pass). */
export function compactWav(wav: Buffer): Buffer {
  const p = readWav(wav);
  if (p.bits !== 16 || p.channels !== 1 || p.rate < 16_000) return writeWav(p);
  const n = Math.floor(p.samples.length / 4);
  const out = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const a = p.samples.readInt16LE(i * 4);
    const b = p.samples.readInt16LE(i * 4 + 2);
    out.writeInt16LE(Math.round((a + b) / 2), i * 2);
  }
  return writeWav({ ...p, rate: Math.floor(p.rate / 2), samples: out });
}
