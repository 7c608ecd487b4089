// The safetensors format (github.com/huggingface/safetensors): a little-endian uint64 header length,
// a JSON header { name: { dtype, shape, data_offsets: [begin, end] } } and the raw tensor bytes,
// offsets counted from the end of the header. We read F32, F16 and BF16 into Float32Arrays.
import { existsSync } from 'node:fs';
import { type FileHandle, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describeError, EngineError } from '../errors.ts';

export interface Tensor {
  shape: number[];
  data: Float32Array;
  /** The file it came from, for error messages. */
  file: string;
}

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

const BYTES_PER_ELEMENT: Record<string, number> = { F32: 4, F16: 2, BF16: 2 };
const MAX_HEADER_BYTES = 100_000_000;

/** Reads every tensor of one .safetensors file (or only those named in `only`). */
export async function readSafetensors(
  path: string,
  only?: ReadonlySet<string>,
): Promise<Map<string, Tensor>> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new EngineError(`Cannot read ${path}: ${describeError(error)}`, { cause: error });
  }
  try {
    const { size } = await file.stat();
    const lengthBytes = await readExactly(file, 0, 8, path, size);
    const headerLength = Number(new DataView(lengthBytes.buffer).getBigUint64(0, true));
    if (headerLength > MAX_HEADER_BYTES || 8 + headerLength > size) {
      throw new EngineError(
        `${path} is not a safetensors file or is truncated (header of ${headerLength} bytes)`,
      );
    }
    const headerBytes = await readExactly(file, 8, headerLength, path, size);
    let header: Record<string, HeaderEntry | Record<string, string>>;
    try {
      header = JSON.parse(new TextDecoder().decode(headerBytes));
    } catch (error) {
      throw new EngineError(`${path} has a corrupt safetensors header: ${describeError(error)}`);
    }
    const dataStart = 8 + headerLength;
    const tensors = new Map<string, Tensor>();
    for (const [name, entry] of Object.entries(header)) {
      if (name === '__metadata__' || (only && !only.has(name))) continue;
      const { dtype, shape, data_offsets: offsets } = entry as HeaderEntry;
      const bytesPerElement = BYTES_PER_ELEMENT[dtype];
      if (bytesPerElement === undefined) {
        throw new EngineError(
          `${path}: tensor ${name} has dtype ${dtype}; only F32, F16 and BF16 are supported`,
        );
      }
      const count = shape.reduce((a, b) => a * b, 1);
      const [begin, end] = offsets;
      if (end - begin !== count * bytesPerElement) {
        throw new EngineError(
          `${path}: tensor ${name} of shape [${shape}] ${dtype} has ${end - begin} bytes of data`,
        );
      }
      if (dataStart + end > size) {
        throw new EngineError(
          `${path} is truncated: tensor ${name} ends at byte ${dataStart + end}, the file has ${size} bytes`,
        );
      }
      const raw = await readExactly(file, dataStart + begin, end - begin, path, size);
      tensors.set(name, { shape, data: toFloat32(raw, dtype), file: path });
    }
    return tensors;
  } finally {
    await file.close();
  }
}

/**
 * Every tensor of a Hugging Face model folder: model.safetensors, or the shards listed in
 * model.safetensors.index.json (its weight_map names each tensor's file).
 */
export async function readSafetensorsFolder(dir: string): Promise<Map<string, Tensor>> {
  const indexPath = join(dir, 'model.safetensors.index.json');
  if (existsSync(indexPath)) {
    let weightMap: Record<string, string>;
    try {
      weightMap = JSON.parse(await readFile(indexPath, 'utf8')).weight_map;
    } catch (error) {
      throw new EngineError(`Cannot read ${indexPath}: ${describeError(error)}`, { cause: error });
    }
    if (!weightMap || typeof weightMap !== 'object') throw new EngineError(`${indexPath} has no weight_map`);
    const namesByShard = new Map<string, Set<string>>();
    for (const [name, shard] of Object.entries(weightMap)) {
      if (!namesByShard.has(shard)) namesByShard.set(shard, new Set());
      namesByShard.get(shard)!.add(name);
    }
    const tensors = new Map<string, Tensor>();
    for (const [shard, names] of namesByShard) {
      const shardPath = join(dir, shard);
      if (!existsSync(shardPath))
        throw new EngineError(`${indexPath} lists ${shard}, which is missing from ${dir}`);
      const shardTensors = await readSafetensors(shardPath, names);
      for (const name of names) {
        const tensor = shardTensors.get(name);
        if (!tensor)
          throw new EngineError(`${indexPath} puts tensor ${name} in ${shard}, which does not hold it`);
        tensors.set(name, tensor);
      }
    }
    return tensors;
  }
  const single = join(dir, 'model.safetensors');
  if (!existsSync(single)) {
    throw new EngineError(`${dir} has neither model.safetensors nor model.safetensors.index.json`);
  }
  return readSafetensors(single);
}

/** Writes tensors as one .safetensors file (F32 or F16), in the order given. */
export async function writeSafetensors(
  path: string,
  tensors: Record<string, { shape: number[]; data: Float32Array }>,
  dtype: 'F32' | 'F16' = 'F32',
): Promise<void> {
  const header: Record<string, HeaderEntry> = {};
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, { shape, data }] of Object.entries(tensors)) {
    const bytes =
      dtype === 'F32'
        ? new Uint8Array(data.slice().buffer)
        : new Uint8Array(Uint16Array.from(data, float32ToFloat16).buffer);
    header[name] = { dtype, shape, data_offsets: [offset, offset + bytes.length] };
    chunks.push(bytes);
    offset += bytes.length;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + json.length) % 8)) % 8); // keeps the data 8-byte aligned, as the Rust writer does
  const length = new Uint8Array(8);
  new DataView(length.buffer).setBigUint64(0, BigInt(json.length), true);
  await writeFile(path, Buffer.concat([length, new TextEncoder().encode(json), ...chunks]));
}

async function readExactly(file: FileHandle, position: number, length: number, path: string, size: number) {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) {
    throw new EngineError(
      `${path} is truncated: needed bytes ${position}…${position + length}, the file has ${size}`,
    );
  }
  return buffer;
}

function toFloat32(raw: Uint8Array, dtype: string): Float32Array {
  if (dtype === 'F32') return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  const halves = new Uint16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
  const out = new Float32Array(halves.length);
  if (dtype === 'BF16') {
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < halves.length; i++) bits[i] = halves[i]! << 16; // bf16 is a float32's top half
  } else {
    const table = float16Table();
    for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]!]!;
  }
  return out;
}

// All 65536 float16 values, decoded once.
let float16Values: Float32Array | undefined;
function float16Table(): Float32Array {
  if (float16Values) return float16Values;
  float16Values = new Float32Array(65536);
  for (let bits = 0; bits < 65536; bits++) {
    const sign = bits & 0x8000 ? -1 : 1;
    const exponent = (bits >> 10) & 0x1f;
    const fraction = bits & 0x3ff;
    float16Values[bits] =
      exponent === 0
        ? sign * 2 ** -14 * (fraction / 1024)
        : exponent === 31
          ? fraction === 0
            ? sign * Number.POSITIVE_INFINITY
            : Number.NaN
          : sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
  }
  return float16Values;
}

/** Rounds to the nearest float16 (ties to even), returned as its bits. */
export function float32ToFloat16(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    const m = mantissa | 0x800000;
    const shift = 14 - e;
    let half = m >> shift;
    const rest = m & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mantissa >> 13);
  const rest = mantissa & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}
