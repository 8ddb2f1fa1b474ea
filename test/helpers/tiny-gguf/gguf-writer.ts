/**
 * A minimal GGUF v3 writer: metadata key/values and F32 tensors, enough to
 * build a tiny model that llama.cpp loads. Format: github.com/ggml-org/ggml docs/gguf.md.
 */

const enum ValueType {
  Uint32 = 4,
  Int32 = 5,
  Float32 = 6,
  Bool = 7,
  String = 8,
  Array = 9,
}

const GGML_TYPE_F32 = 0;
const ALIGNMENT = 32;

export type GgufValue =
  | { readonly kind: 'u32'; readonly value: number }
  | { readonly kind: 'f32'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'strings'; readonly value: readonly string[] }
  | { readonly kind: 'i32s'; readonly value: readonly number[] };

export interface GgufTensor {
  readonly name: string;
  /** ggml order: dims[0] is the innermost (row length). */
  readonly dims: readonly number[];
  readonly data: Float32Array;
}

/** Appends little-endian fields to a growing list of chunks. */
class ByteSink {
  private readonly chunks: Buffer[] = [];
  length = 0;

  private push(buf: Buffer): void {
    this.chunks.push(buf);
    this.length += buf.length;
  }

  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }

  i32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }

  u64(v: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }

  f32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }

  str(s: string): void {
    const bytes = Buffer.from(s, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }

  raw(buf: Buffer): void {
    this.push(buf);
  }

  padTo(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    if (pad > 0) this.push(Buffer.alloc(pad));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(sink: ByteSink, value: GgufValue): void {
  switch (value.kind) {
    case 'u32':
      sink.u32(ValueType.Uint32);
      sink.u32(value.value);
      return;
    case 'f32':
      sink.u32(ValueType.Float32);
      sink.f32(value.value);
      return;
    case 'bool':
      sink.u32(ValueType.Bool);
      sink.raw(Buffer.from([value.value ? 1 : 0]));
      return;
    case 'string':
      sink.u32(ValueType.String);
      sink.str(value.value);
      return;
    case 'strings':
      sink.u32(ValueType.Array);
      sink.u32(ValueType.String);
      sink.u64(value.value.length);
      for (const s of value.value) sink.str(s);
      return;
    case 'i32s':
      sink.u32(ValueType.Array);
      sink.u32(ValueType.Int32);
      sink.u64(value.value.length);
      for (const n of value.value) sink.i32(n);
      return;
  }
}

/** Serialises metadata and tensors into one GGUF file image. */
export function writeGguf(metadata: ReadonlyMap<string, GgufValue>, tensors: readonly GgufTensor[]): Buffer {
  const head = new ByteSink();
  head.raw(Buffer.from('GGUF', 'ascii'));
  head.u32(3);
  head.u64(tensors.length);
  head.u64(metadata.size);
  for (const [key, value] of metadata) {
    head.str(key);
    writeValue(head, value);
  }
  let offset = 0;
  const placed: { tensor: GgufTensor; offset: number }[] = [];
  for (const tensor of tensors) {
    const expected = tensor.dims.reduce((a, b) => a * b, 1);
    if (expected !== tensor.data.length)
      throw new Error(`tensor ${tensor.name}: ${tensor.data.length} values for dims ${tensor.dims.join('x')}`);
    head.str(tensor.name);
    head.u32(tensor.dims.length);
    for (const d of tensor.dims) head.u64(d);
    head.u32(GGML_TYPE_F32);
    head.u64(offset);
    placed.push({ tensor, offset });
    offset += Math.ceil(tensor.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  head.padTo(ALIGNMENT);
  const data = Buffer.alloc(offset);
  for (const { tensor, offset: at } of placed) {
    Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength).copy(data, at);
  }
  return Buffer.concat([head.toBuffer(), data]);
}
