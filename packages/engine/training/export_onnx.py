"""Exports a Llama model folder (config.json + model.safetensors) to onnx/model.onnx.

The graph is written op by op from the weights (numpy + onnx only, no tracing), in the decoder
layout of Optimum and transformers.js:
  inputs   input_ids [batch, seq], attention_mask [batch, past+seq], position_ids [batch, seq],
           past_key_values.{i}.key / .value [batch, kv_heads, past, head_dim]
  outputs  logits [batch, seq, vocab], present.{i}.key / .value [batch, kv_heads, past+seq, head_dim]
It computes what transformers' LlamaForCausalLM computes (RMSNorm, rotate-half RoPE, grouped-query
attention, SwiGLU, tied or separate head) in float32 from the stored (fp16) weights, so the
safetensors and the ONNX file describe the same model.

Usage: python export_onnx.py MODEL_DIR [MODEL_DIR ...] [--verify]
  --verify  also compares the export against transformers' LlamaForCausalLM in onnxruntime
            (needs torch, transformers, onnxruntime) and fails if logits differ by 1e-4 or more.
"""

import argparse
import json
import struct
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8  # the IR that goes with opset 17; older onnxruntimes refuse newer IRs
SAFETENSORS_DTYPES = {"F16": np.float16, "F32": np.float32, "BF16": None}
VERIFY_TOLERANCE = 1e-4


def read_safetensors(path):
    """Reads every tensor of a .safetensors file as a float32 numpy array."""
    data = Path(path).read_bytes()
    if len(data) < 8:
        raise ValueError(f"{path}: truncated safetensors file ({len(data)} bytes)")
    (header_len,) = struct.unpack("<Q", data[:8])
    if 8 + header_len > len(data):
        raise ValueError(f"{path}: header length {header_len} runs past the end of the file")
    header = json.loads(data[8 : 8 + header_len])
    body = memoryview(data)[8 + header_len :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = info["dtype"]
        begin, end = info["data_offsets"]
        if end > len(body):
            raise ValueError(f"{path}: tensor {name} runs past the end of the file")
        raw = body[begin:end]
        if dtype == "BF16":
            # bf16 is the top half of a float32
            bits = np.frombuffer(raw, dtype=np.uint16).astype(np.uint32) << 16
            array = bits.view(np.float32)
        elif dtype in SAFETENSORS_DTYPES:
            array = np.frombuffer(raw, dtype=SAFETENSORS_DTYPES[dtype]).astype(np.float32)
        else:
            raise ValueError(f"{path}: tensor {name} has unsupported dtype {dtype}")
        tensors[name] = array.reshape(info["shape"])
    return tensors


def rope_theta(config):
    if "rope_theta" in config:
        return float(config["rope_theta"])
    params = config.get("rope_parameters") or {}
    if params.get("rope_type", "default") != "default":
        raise ValueError(f"rope_type {params['rope_type']!r} is not supported (only 'default')")
    return float(params.get("rope_theta", 10000.0))


class Graph:
    """Collects nodes and initializers; every op returns the name of its (first) output."""

    def __init__(self):
        self.nodes, self.initializers, self.count = [], [], 0

    def weight(self, name, array):
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def const(self, values, dtype=np.int64):
        return self.weight(f"const_{len(self.initializers)}", np.array(values, dtype=dtype))

    def op(self, op_type, *inputs, name=None, outputs=1, **attrs):
        self.count += 1
        base = name or f"{op_type.lower()}_{self.count}"
        names = [base] if outputs == 1 else [f"{base}_{k}" for k in range(outputs)]
        self.nodes.append(helper.make_node(op_type, list(inputs), names, name=f"n_{base}", **attrs))
        return names[0] if outputs == 1 else names


def rms_norm(g, x, weight_name, eps):
    mean_square = g.op("ReduceMean", g.op("Mul", x, x), axes=[-1], keepdims=1)
    rms = g.op("Sqrt", g.op("Add", mean_square, g.const(eps, np.float32)))
    return g.op("Mul", g.op("Div", x, rms), weight_name)


def rotate(g, x, cos, sin, half):
    """x * cos + rotate_half(x) * sin, rotate_half(x) = concat(-x2, x1) (transformers' convention)."""
    x1, x2 = g.op("Split", x, g.const([half, half]), axis=-1, outputs=2)
    rotated = g.op("Concat", g.op("Neg", x2), x1, axis=-1)
    return g.op("Add", g.op("Mul", x, cos), g.op("Mul", rotated, sin))


def build_model(config, weights):
    dim = config["hidden_size"]
    n_layers = config["num_hidden_layers"]
    n_heads = config["num_attention_heads"]
    n_kv = config.get("num_key_value_heads") or n_heads
    head_dim = config.get("head_dim") or dim // n_heads
    vocab = config["vocab_size"]
    eps = float(config["rms_norm_eps"])
    group = n_heads // n_kv
    if config.get("model_type") != "llama":
        raise ValueError(f"model_type {config.get('model_type')!r} is not supported (only 'llama')")
    if n_heads % n_kv:
        raise ValueError(f"num_attention_heads {n_heads} is not a multiple of num_key_value_heads {n_kv}")
    if config.get("attention_bias") or config.get("mlp_bias"):
        raise ValueError("attention_bias / mlp_bias are not supported")
    if config.get("hidden_act", "silu") != "silu":
        raise ValueError(f"hidden_act {config['hidden_act']!r} is not supported (only 'silu')")

    g = Graph()
    embed = g.weight("model.embed_tokens.weight", weights["model.embed_tokens.weight"])

    def linear(x, key):
        # stored transposed so that MatMul needs no Transpose at run time
        return g.op("MatMul", x, g.weight(key + "_t", weights[key].T))

    x = g.op("Gather", embed, "input_ids", axis=0)

    # RoPE tables for the given positions, [batch, 1, seq, head_dim]
    inv_freq = 1.0 / (rope_theta(config) ** (np.arange(0, head_dim, 2, dtype=np.int64).astype(np.float32) / head_dim))
    positions = g.op("Unsqueeze", g.op("Cast", "position_ids", to=TensorProto.FLOAT), g.const([-1]))
    freqs = g.op("Mul", positions, g.weight("rope.inv_freq", inv_freq.astype(np.float32)))
    angles = g.op("Unsqueeze", g.op("Concat", freqs, freqs, axis=-1), g.const([1]))
    cos, sin = g.op("Cos", angles, name="rope_cos"), g.op("Sin", angles, name="rope_sin")

    # Mask [batch, 1, 1, seq, past+seq]: key j is visible to query i when j <= past + i
    # and attention_mask[j] is 1; the query's row in the cache, not its position id, decides.
    past_len = g.op("Gather", g.op("Shape", "past_key_values.0.key"), g.const(2))
    seq_len = g.op("Gather", g.op("Shape", "input_ids"), g.const(1))
    total_len = g.op("Add", past_len, seq_len)
    query_rows = g.op("Add", g.op("Range", g.const(0), seq_len, g.const(1)), past_len)
    key_rows = g.op("Range", g.const(0), total_len, g.const(1))
    causal = g.op(
        "LessOrEqual",
        g.op("Unsqueeze", key_rows, g.const([0])),
        g.op("Unsqueeze", query_rows, g.const([1])),
    )
    padding = g.op("Unsqueeze", g.op("Cast", "attention_mask", to=TensorProto.BOOL), g.const([1, 2, 3]))
    visible = g.op("And", causal, padding, name="attention_visible")
    hidden_floor = g.const(np.finfo(np.float32).min, np.float32)
    scale = g.const(1.0 / np.sqrt(head_dim), np.float32)

    for i in range(n_layers):
        p = f"model.layers.{i}."
        h = rms_norm(g, x, g.weight(p + "input_layernorm.weight", weights[p + "input_layernorm.weight"]), eps)

        def heads(t, count):  # [b, s, count*hd] -> [b, count, s, hd]
            return g.op("Transpose", g.op("Reshape", t, g.const([0, 0, count, head_dim])), perm=[0, 2, 1, 3])

        q = rotate(g, heads(linear(h, p + "self_attn.q_proj.weight"), n_heads), cos, sin, head_dim // 2)
        k = rotate(g, heads(linear(h, p + "self_attn.k_proj.weight"), n_kv), cos, sin, head_dim // 2)
        v = heads(linear(h, p + "self_attn.v_proj.weight"), n_kv)
        k = g.op("Concat", f"past_key_values.{i}.key", k, axis=2, name=f"present.{i}.key")
        v = g.op("Concat", f"past_key_values.{i}.value", v, axis=2, name=f"present.{i}.value")

        # grouped-query attention: query heads k*group .. k*group+group-1 share kv head k
        q = g.op("Reshape", q, g.const([0, n_kv, group, -1, head_dim]))  # [b, kv, group, s, hd]
        k_t = g.op("Transpose", g.op("Unsqueeze", k, g.const([2])), perm=[0, 1, 2, 4, 3])  # [b, kv, 1, hd, t]
        scores = g.op("Mul", g.op("MatMul", q, k_t), scale)
        probs = g.op("Softmax", g.op("Where", visible, scores, hidden_floor), axis=-1)
        attn = g.op("MatMul", probs, g.op("Unsqueeze", v, g.const([2])))  # [b, kv, group, s, hd]
        attn = g.op("Reshape", attn, g.const([0, n_heads, -1, head_dim]))
        attn = g.op("Reshape", g.op("Transpose", attn, perm=[0, 2, 1, 3]), g.const([0, 0, n_heads * head_dim]))
        x = g.op("Add", x, linear(attn, p + "self_attn.o_proj.weight"))

        h = rms_norm(g, x, g.weight(p + "post_attention_layernorm.weight", weights[p + "post_attention_layernorm.weight"]), eps)
        gate = linear(h, p + "mlp.gate_proj.weight")
        swiglu = g.op("Mul", g.op("Mul", gate, g.op("Sigmoid", gate)), linear(h, p + "mlp.up_proj.weight"))
        x = g.op("Add", x, linear(swiglu, p + "mlp.down_proj.weight"))

    h = rms_norm(g, x, g.weight("model.norm.weight", weights["model.norm.weight"]), eps)
    if config.get("tie_word_embeddings") or "lm_head.weight" not in weights:
        # the head reuses the embedding: transpose at run time (onnxruntime folds it at load)
        # rather than store the matrix twice
        g.op("MatMul", h, g.op("Transpose", embed, perm=[1, 0]), name="logits")
    else:
        g.op("MatMul", h, g.weight("lm_head.weight_t", weights["lm_head.weight"].T), name="logits")

    float_io = lambda name, shape: helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)  # noqa: E731
    int_io = lambda name, shape: helper.make_tensor_value_info(name, TensorProto.INT64, shape)  # noqa: E731
    inputs = [
        int_io("input_ids", ["batch_size", "sequence_length"]),
        int_io("attention_mask", ["batch_size", "total_sequence_length"]),
        int_io("position_ids", ["batch_size", "sequence_length"]),
    ]
    outputs = [float_io("logits", ["batch_size", "sequence_length", vocab])]
    for i in range(n_layers):
        for kind in ("key", "value"):
            inputs.append(float_io(f"past_key_values.{i}.{kind}", ["batch_size", n_kv, "past_sequence_length", head_dim]))
            outputs.append(float_io(f"present.{i}.{kind}", ["batch_size", n_kv, "total_sequence_length", head_dim]))

    graph = helper.make_graph(g.nodes, "llama_decoder", inputs, outputs, g.initializers)
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="infer-lab packages/engine/training/export_onnx.py",
    )
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    return model


def export(model_dir):
    model_dir = Path(model_dir)
    config_path, weights_path = model_dir / "config.json", model_dir / "model.safetensors"
    for path in (config_path, weights_path):
        if not path.is_file():
            raise FileNotFoundError(f"{path}: missing (export needs config.json and model.safetensors)")
    config = json.loads(config_path.read_text())
    weights = read_safetensors(weights_path)
    model = build_model(config, weights)
    out_path = model_dir / "onnx" / "model.onnx"
    out_path.parent.mkdir(exist_ok=True)
    onnx.save_model(model, str(out_path))  # one file: the weights are far below protobuf's 2 GB
    n_params = sum(w.size for w in weights.values())
    print(f"export_onnx: {out_path} ({out_path.stat().st_size} bytes, {n_params} parameters)")
    return out_path


def verify(model_dir):
    """Max abs logits difference between onnxruntime on the export and transformers in PyTorch."""
    import onnxruntime as ort
    import torch
    from transformers import LlamaForCausalLM

    model_dir = Path(model_dir)
    torch.manual_seed(0)
    reference = LlamaForCausalLM.from_pretrained(model_dir, dtype=torch.float32, attn_implementation="eager").eval()
    config = reference.config
    session = ort.InferenceSession(str(model_dir / "onnx" / "model.onnx"), providers=["CPUExecutionProvider"])
    n_kv, head_dim = config.num_key_value_heads, config.head_dim

    def run_onnx(ids, mask, positions, past):
        feeds = {"input_ids": ids, "attention_mask": mask, "position_ids": positions}
        for i in range(config.num_hidden_layers):
            for kind in ("key", "value"):
                feeds[f"past_key_values.{i}.{kind}"] = past[f"present.{i}.{kind}"] if past else np.zeros(
                    (ids.shape[0], n_kv, 0, head_dim), np.float32
                )
        names = [o.name for o in session.get_outputs()]
        return dict(zip(names, session.run(names, feeds)))

    def run_torch(ids, mask, positions):
        with torch.no_grad():
            out = reference(
                input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask), position_ids=torch.from_numpy(positions)
            )
        return out.logits.float().numpy()

    rng = np.random.default_rng(0)
    length = 48
    ids = rng.integers(4, config.vocab_size, size=(1, length), dtype=np.int64)
    mask = np.ones_like(ids)
    positions = np.arange(length, dtype=np.int64)[None]
    expected = run_torch(ids, mask, positions)

    # 1. whole sequence, empty cache
    full = run_onnx(ids, mask, positions, None)
    no_past = float(np.abs(full["logits"] - expected).max())

    # 2. prefill 40 tokens, then 2 chunks of 4 tokens through the cache
    step = run_onnx(ids[:, :40], mask[:, :40], positions[:, :40], None)
    with_past = float(np.abs(step["logits"] - expected[:, :40]).max())
    for start in (40, 44):
        end = start + 4
        step = run_onnx(ids[:, start:end], mask[:, :end], positions[:, start:end], step)
        with_past = max(with_past, float(np.abs(step["logits"] - expected[:, start:end]).max()))

    # 3. batch of two, the second left-padded by 5
    pad = 5
    batch_ids = np.concatenate([ids[:, :24], np.concatenate([np.full((1, pad), 3), ids[:, :24 - pad]], axis=1)])
    batch_mask = np.ones_like(batch_ids)
    batch_mask[1, :pad] = 0
    batch_positions = np.clip(np.cumsum(batch_mask, axis=1) - 1, 0, None)
    batch_expected = run_torch(batch_ids, batch_mask, batch_positions)
    batch_got = run_onnx(batch_ids, batch_mask, batch_positions, None)["logits"]
    real = batch_mask.astype(bool)
    left_padded = float(np.abs(batch_got[real] - batch_expected[real]).max())

    result = {
        "model": str(model_dir),
        "max_abs_logits_diff_no_past": no_past,
        "max_abs_logits_diff_with_past": with_past,
        "max_abs_logits_diff_left_padded_batch": left_padded,
        "tolerance": VERIFY_TOLERANCE,
    }
    result["ok"] = max(no_past, with_past, left_padded) < VERIFY_TOLERANCE
    print("export_onnx verify:", json.dumps(result))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dirs", nargs="+", help="folders with config.json and model.safetensors")
    parser.add_argument("--verify", action="store_true", help="compare with transformers in onnxruntime")
    args = parser.parse_args()
    ok = True
    for model_dir in args.model_dirs:
        export(model_dir)
        if args.verify:
            ok = verify(model_dir)["ok"] and ok
    if not ok:
        sys.exit(f"export_onnx: logits differ by {VERIFY_TOLERANCE} or more (see above)")


if __name__ == "__main__":
    main()
