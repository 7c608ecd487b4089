// llama2.c's tokenizer.bin and its BPE, exactly as run.c does it: the text gets a leading space
// (SentencePiece's dummy prefix), is split into UTF-8 characters (unknown ones fall back to the
// byte tokens <0x00>…<0xFF> at ids 3…258), then the adjacent pair whose merge has the highest score
// is merged until no merge is in the vocabulary.
import { readFile } from 'node:fs/promises';
import { describeError, EngineError } from '../errors.ts';
import type { Tokenizer } from '../model/types.ts';

const BYTE_TOKEN_OFFSET = 3;
const BYTE_PIECE = /^<0x([0-9A-Fa-f]{2})>$/;

// Pieces are looked up as "binary strings" (one char per byte) so that lookups and merges work on
// raw bytes like run.c's, even for pieces that are not whole UTF-8 characters.
const binary = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

export class Llama2cTokenizer implements Tokenizer {
  readonly bosTokenId = 1;
  readonly eosTokenId = 2;
  private readonly idOf = new Map<string, number>();
  private readonly binaryPieces: string[];
  private readonly pieceBytes: Uint8Array[];

  constructor(
    /** Raw bytes of each token's piece. */
    readonly pieces: readonly Uint8Array[],
    readonly scores: Float32Array,
  ) {
    this.binaryPieces = pieces.map(binary);
    this.binaryPieces.forEach((piece, id) => {
      if (!this.idOf.has(piece)) this.idOf.set(piece, id);
    });
    this.pieceBytes = pieces.map((piece, id) => {
      const byte = BYTE_PIECE.exec(this.binaryPieces[id]!);
      return byte ? Uint8Array.of(Number.parseInt(byte[1]!, 16)) : piece;
    });
  }

  get vocabSize(): number {
    return this.pieces.length;
  }

  encode(text: string, options: { bos?: boolean } = {}): number[] {
    const tokens: number[] = [];
    if (options.bos ?? true) tokens.push(this.bosTokenId);
    if (text === '') return tokens;
    const dummyPrefix = this.idOf.get(' ');
    if (dummyPrefix !== undefined) tokens.push(dummyPrefix);

    const bytes = new TextEncoder().encode(text);
    for (let i = 0; i < bytes.length; ) {
      let end = i + 1; // one UTF-8 character: a lead byte and its continuation bytes (at most 4)
      while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80 && end - i < 4) end++;
      const id = this.idOf.get(binary(bytes.subarray(i, end)));
      if (id !== undefined) tokens.push(id);
      else for (let b = i; b < end; b++) tokens.push(bytes[b]! + BYTE_TOKEN_OFFSET);
      i = end;
    }

    const pieceOf = (id: number) => this.binaryPieces[id]!;
    for (;;) {
      let bestScore = Number.NEGATIVE_INFINITY;
      let bestId = -1;
      let bestIndex = -1;
      for (let i = 0; i < tokens.length - 1; i++) {
        const merged = this.idOf.get(pieceOf(tokens[i]!) + pieceOf(tokens[i + 1]!));
        if (merged !== undefined && this.scores[merged]! > bestScore) {
          bestScore = this.scores[merged]!;
          bestId = merged;
          bestIndex = i;
        }
      }
      if (bestIndex === -1) return tokens;
      tokens.splice(bestIndex, 2, bestId);
    }
  }

  /**
   * Text of the tokens. BOS and EOS print nothing; like run.c, the dummy-prefix space of the first
   * piece (at the start or after BOS) is dropped, so decode(encode(text)) === text.
   */
  decode(tokens: readonly number[]): string {
    const bytes: number[] = [];
    let atStart = true;
    for (const token of tokens) {
      if (token === this.bosTokenId || token === this.eosTokenId) {
        if (token === this.bosTokenId) atStart = true;
        continue;
      }
      const piece = this.pieceBytes[token];
      if (!piece)
        throw new RangeError(`Token id ${token} is outside the vocabulary (size ${this.vocabSize})`);
      const skipSpace = atStart && piece[0] === 0x20 ? 1 : 0;
      for (let i = skipSpace; i < piece.length; i++) bytes.push(piece[i]!);
      atStart = false;
    }
    return new TextDecoder().decode(Uint8Array.from(bytes));
  }
}

/** Reads tokenizer.bin: int32 max_token_length, then per token a float32 score, an int32 length and the bytes. */
export async function readLlama2cTokenizer(path: string, vocabSize?: number): Promise<Llama2cTokenizer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new EngineError(`Cannot read llama2.c tokenizer ${path}: ${describeError(error)}`, {
      cause: error,
    });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pieces: Uint8Array[] = [];
  const scores: number[] = [];
  let offset = 4;
  while (offset < bytes.byteLength && (vocabSize === undefined || pieces.length < vocabSize)) {
    if (offset + 8 > bytes.byteLength) break;
    const score = view.getFloat32(offset, true);
    const length = view.getInt32(offset + 4, true);
    offset += 8;
    if (length < 0 || offset + length > bytes.byteLength) break;
    scores.push(score);
    pieces.push(bytes.slice(offset, offset + length));
    offset += length;
  }
  if (vocabSize !== undefined && pieces.length < vocabSize) {
    throw new EngineError(
      `${path} is truncated or not a llama2.c tokenizer: the model needs ${vocabSize} tokens, it holds ${pieces.length}`,
    );
  }
  if (pieces.length < BYTE_TOKEN_OFFSET + 256 || (vocabSize === undefined && offset !== bytes.byteLength)) {
    throw new EngineError(`${path} is not a llama2.c tokenizer.bin (read ${pieces.length} tokens)`);
  }
  return new Llama2cTokenizer(pieces, Float32Array.from(scores));
}
