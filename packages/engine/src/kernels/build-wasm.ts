// Rebuilds simd.wasm from simd.wat (both committed): npx tsx packages/engine/src/kernels/build-wasm.ts
import { readFileSync, writeFileSync } from 'node:fs';
import initWabt from 'wabt';

const here = new URL('.', import.meta.url).pathname;
const wabt = await initWabt();
const source = readFileSync(`${here}simd.wat`, 'utf8');
const module = wabt.parseWat('simd.wat', source, { simd: true, threads: true, bulk_memory: true });
const { buffer } = module.toBinary({});
// wabt.js's own validate() ignores the threads feature, so V8 validates instead.
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object };
};
new WebAssembly.Module(buffer);
writeFileSync(`${here}simd.wasm`, buffer);
console.log(`wrote ${here}simd.wasm (${buffer.length} bytes)`);
