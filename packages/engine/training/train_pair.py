"""Trains the project's target/draft pair from scratch on the King James Bible.

Steps: a byte-level BPE tokenizer (shared by both models) on train.txt, then a target and a draft
transformers LlamaForCausalLM on random 512-token windows of the tokenized chapters, each with
AdamW, warmup then cosine decay, bf16 autocast, and the checkpoint of lowest validation loss kept.
Each model folder gets config.json, generation_config.json, model.safetensors (fp16), the tokenizer
files and metrics.json (losses, parameter and FLOP counts, for the model card).

Usage: python train_pair.py --data .data/kjv --out packages/engine/models
       (run prepare_corpus.sh first; needs torch with CUDA, transformers 5, tokenizers)
"""

import argparse
import json
import math
import time
from pathlib import Path

import torch
import torch.nn.functional as F
import transformers
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import GenerationConfig, LlamaConfig, LlamaForCausalLM

SPECIAL_TOKENS = ["<unk>", "<s>", "</s>", "<pad>"]  # ids 0..3, Llama's order
UNK, BOS, EOS, PAD = range(4)
VOCAB_SIZE = 2048
CONTEXT = 512
ROPE_THETA = 10000.0

# name -> (architecture, training settings)
PAIR = {
    "kjv-target": (
        dict(hidden_size=240, num_hidden_layers=6, num_attention_heads=6, num_key_value_heads=3, intermediate_size=640),
        dict(lr=2e-3, epochs=12),
    ),
    "kjv-draft": (
        dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2, intermediate_size=176),
        dict(lr=4e-3, epochs=12),
    ),
}
BATCH = 16  # windows per step
WARMUP_STEPS = 100
MIN_LR_FRACTION = 0.1
WEIGHT_DECAY = 0.1
EVAL_EVERY = 100


def log(message):
    print(message, flush=True)


def train_tokenizer(train_text):
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(train_text.split("\n"), trainer=trainer)
    if tokenizer.get_vocab_size() != VOCAB_SIZE:
        raise RuntimeError(f"tokenizer has {tokenizer.get_vocab_size()} tokens, expected {VOCAB_SIZE}")
    # encode() prepends <s>, as Llama tokenizers do
    tokenizer.post_processor = processors.TemplateProcessing(
        single="<s> $A", pair="<s> $A <s> $B", special_tokens=[("<s>", BOS)]
    )
    return tokenizer


def tokenize_chapters(tokenizer, text):
    """One stream of <s> chapter </s> <s> chapter </s> ...; chapters are separated by blank lines."""
    chapters = [c for c in text.split("\n\n") if c.strip()]
    encodings = tokenizer.encode_batch(chapters, add_special_tokens=False)
    stream = []
    for encoding in encodings:
        stream += [BOS, *encoding.ids, EOS]
    return torch.tensor(stream, dtype=torch.long), len(chapters)


def save_tokenizer(tokenizer, folder):
    tokenizer.save(str(folder / "tokenizer.json"))
    special = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>"}
    config = {
        "tokenizer_class": "PreTrainedTokenizerFast",
        **special,
        "add_bos_token": True,
        "add_eos_token": False,
        "model_max_length": CONTEXT,
        "padding_side": "left",
        "clean_up_tokenization_spaces": False,
    }
    (folder / "tokenizer_config.json").write_text(json.dumps(config, indent=2) + "\n")
    (folder / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")


def make_config(arch):
    return LlamaConfig(
        vocab_size=VOCAB_SIZE,
        head_dim=arch["hidden_size"] // arch["num_attention_heads"],
        hidden_act="silu",
        max_position_embeddings=CONTEXT,
        rms_norm_eps=1e-5,
        rope_parameters={"rope_type": "default", "rope_theta": ROPE_THETA},
        tie_word_embeddings=True,
        attention_bias=False,
        mlp_bias=False,
        bos_token_id=BOS,
        eos_token_id=EOS,
        pad_token_id=PAD,
        **arch,
    )


def cost_per_token(config, n_params):
    """Forward FLOPs per token: 2 per weight of every matmul (the tied head counts as a matmul, the
    embedding lookup does not), plus attention's QK^T and AV, 4 * layers * heads * head_dim per
    earlier token."""
    norms = (2 * config.num_hidden_layers + 1) * config.hidden_size
    matmul_params = n_params - norms  # the tied embedding counted once, as the head's matmul
    attention_per_position = 4 * config.num_hidden_layers * config.num_attention_heads * config.head_dim
    return {
        "parameters": n_params,
        "matmul_weights": matmul_params,
        "flops_per_token_matmul": 2 * matmul_params,
        "flops_per_token_attention_per_context_token": attention_per_position,
        "flops_per_token_mean_over_512_context": 2 * matmul_params + attention_per_position * (CONTEXT - 1) / 2,
    }


def windows(stream, starts):
    offsets = torch.arange(CONTEXT + 1, device=stream.device)
    chunk = stream[starts[:, None] + offsets[None, :]]
    return chunk[:, :-1], chunk[:, 1:]


def mean_loss(model, stream, starts, batch=64, autocast=True):
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(starts), batch):
            x, y = windows(stream, starts[i : i + batch])
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=autocast):
                logits = model(input_ids=x).logits
            total += F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), y.reshape(-1), reduction="sum").item()
            count += y.numel()
    model.train()
    return total / count


def train_one(name, arch, settings, train_stream, val_stream, out_dir, seed, max_minutes, teacher=None):
    """Trains on the corpus's next tokens, or, given a teacher, on the teacher's next-token
    distributions (distillation: the mean KL(p_teacher || q) per token)."""
    torch.manual_seed(seed)
    config = make_config(arch)
    model = LlamaForCausalLM(config).cuda()
    n_params = sum(p.numel() for p in model.parameters())  # tied head counted once
    cost = cost_per_token(config, n_params)
    steps = math.ceil(settings["epochs"] * len(train_stream) / (BATCH * CONTEXT))
    log(f"[{name}] {n_params} parameters, {cost['flops_per_token_matmul']} matmul FLOPs/token, {steps} steps")

    decay = [p for p in model.parameters() if p.dim() >= 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": WEIGHT_DECAY}, {"params": no_decay, "weight_decay": 0.0}],
        lr=settings["lr"],
        betas=(0.9, 0.95),
        fused=True,
    )

    def lr_at(step):
        if step < WARMUP_STEPS:
            return settings["lr"] * (step + 1) / WARMUP_STEPS
        progress = (step - WARMUP_STEPS) / max(1, steps - WARMUP_STEPS)
        return settings["lr"] * (MIN_LR_FRACTION + (1 - MIN_LR_FRACTION) * 0.5 * (1 + math.cos(math.pi * progress)))

    # validation: every non-overlapping window of the held-out chapters
    val_starts = torch.arange(0, len(val_stream) - CONTEXT - 1, CONTEXT, device="cuda")
    generator = torch.Generator(device="cuda").manual_seed(seed)
    train_eval_starts = torch.randint(0, len(train_stream) - CONTEXT - 1, (256,), device="cuda", generator=generator)

    history, best = [], {"val_loss": float("inf")}
    running, started = [], time.time()
    for step in range(steps):
        for group in optimizer.param_groups:
            group["lr"] = lr_at(step)
        starts = torch.randint(0, len(train_stream) - CONTEXT - 1, (BATCH,), device="cuda", generator=generator)
        x, y = windows(train_stream, starts)
        with torch.autocast("cuda", dtype=torch.bfloat16):
            logits = model(input_ids=x).logits
        if teacher is None:
            loss = F.cross_entropy(logits.float().reshape(-1, logits.shape[-1]), y.reshape(-1))
        else:
            with torch.no_grad(), torch.autocast("cuda", dtype=torch.bfloat16):
                teacher_logits = teacher(input_ids=x).logits
            loss = F.kl_div(
                F.log_softmax(logits.float(), dim=-1).reshape(-1, logits.shape[-1]),
                F.log_softmax(teacher_logits.float(), dim=-1).reshape(-1, logits.shape[-1]),
                log_target=True,
                reduction="batchmean",
            )
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        running.append(loss.detach())

        last = step == steps - 1
        out_of_time = time.time() - started > max_minutes * 60
        if (step + 1) % EVAL_EVERY == 0 or last or out_of_time:
            train_loss = torch.stack(running).mean().item()
            running = []
            val_loss = mean_loss(model, val_stream, val_starts)
            entry = {"step": step + 1, "train_loss": train_loss, "val_loss": val_loss, "lr": lr_at(step), "seconds": time.time() - started}
            history.append(entry)
            log(f"[{name}] step {step + 1}/{steps} train {train_loss:.4f} val {val_loss:.4f} lr {lr_at(step):.2e} {entry['seconds']:.0f}s")
            if val_loss < best["val_loss"]:
                best = {"val_loss": val_loss, "step": step + 1, "state": {k: v.detach().clone() for k, v in model.state_dict().items()}}
        if out_of_time and not last:
            log(f"[{name}] stopped at step {step + 1} of {steps}: over {max_minutes} minutes")
            break

    model.load_state_dict(best["state"])
    model.half().float()  # round to the fp16 that is stored, so the numbers below describe the files
    final = {
        "best_step": best["step"],
        "val_loss": mean_loss(model, val_stream, val_starts, autocast=False),
        "train_loss_256_windows": mean_loss(model, train_stream, train_eval_starts, autocast=False),
    }
    log(f"[{name}] kept step {final['best_step']}: train {final['train_loss_256_windows']:.4f} val {final['val_loss']:.4f} (fp16 weights, fp32 compute)")

    folder = out_dir / name
    folder.mkdir(parents=True, exist_ok=True)
    model.generation_config = GenerationConfig(bos_token_id=BOS, eos_token_id=EOS, pad_token_id=PAD)
    model.half().save_pretrained(folder)
    add_reader_fields(folder / "config.json")
    metrics = {
        "name": name,
        "architecture": arch,
        "training": {**settings, "batch_windows": BATCH, "context": CONTEXT, "steps_planned": steps, "steps_run": history[-1]["step"],
                     "warmup_steps": WARMUP_STEPS, "min_lr_fraction": MIN_LR_FRACTION, "weight_decay": WEIGHT_DECAY,
                     "seconds": history[-1]["seconds"], "device": torch.cuda.get_device_name(), "seed": seed,
                     "torch": torch.__version__, "transformers": transformers.__version__},
        "cost": cost,
        "final": final,
        "history": history,
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    return folder, metrics


def add_reader_fields(config_path):
    """transformers 5 keeps rope_theta inside rope_parameters; older readers look for it at the top.
    transformers.js_config makes every transformers.js device load the fp32 onnx/model.onnx."""
    config = json.loads(config_path.read_text())
    config["rope_theta"] = ROPE_THETA
    config["transformers.js_config"] = {"dtype": "fp32"}
    config_path.write_text(json.dumps(config, indent=2) + "\n")


def check_tokenizer(folder, tokenizer, prompt):
    from transformers import AutoTokenizer

    loaded = AutoTokenizer.from_pretrained(folder)
    ids = loaded(prompt)["input_ids"]
    expected = tokenizer.encode(prompt).ids
    log(f"tokenizer check: transformers {ids} tokenizers {expected} {'OK' if ids == expected else 'MISMATCH'}")
    return ids == expected


def sample(folder, prompt, tokenizer, max_new_tokens=40):
    model = LlamaForCausalLM.from_pretrained(folder, dtype=torch.float32).cuda().eval()
    ids = torch.tensor([tokenizer.encode(prompt).ids], device="cuda")
    with torch.no_grad():
        out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=max_new_tokens, do_sample=False)
    text = tokenizer.decode(out[0].tolist(), skip_special_tokens=False)
    log(f"[{folder.name}] greedy: {text!r}")
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with train.txt and val.txt (prepare_corpus.sh)")
    parser.add_argument("--out", type=Path, required=True, help="folder that receives kjv-target/ and kjv-draft/")
    parser.add_argument("--seed", type=int, default=1234)
    parser.add_argument("--max-minutes", type=float, default=4.0, help="time limit of each model's training loop")
    args = parser.parse_args()
    for split in ("train.txt", "val.txt"):
        if not (args.data / split).is_file():
            raise SystemExit(f"train_pair.py: {args.data / split} is missing; run prepare_corpus.sh first")
    if not torch.cuda.is_available():
        raise SystemExit("train_pair.py: no CUDA device")
    torch.backends.cuda.matmul.allow_tf32 = True

    train_text = (args.data / "train.txt").read_text()
    val_text = (args.data / "val.txt").read_text()
    started = time.time()
    tokenizer = train_tokenizer(train_text)
    train_stream, train_chapters = tokenize_chapters(tokenizer, train_text)
    val_stream, val_chapters = tokenize_chapters(tokenizer, val_text)
    corpus = {
        "train_bytes": len(train_text.encode()), "val_bytes": len(val_text.encode()),
        "train_chapters": train_chapters, "val_chapters": val_chapters,
        "train_tokens": len(train_stream), "val_tokens": len(val_stream),
        "bytes_per_token": len(train_text.encode()) / len(train_stream),
    }
    log(f"tokenizer trained in {time.time() - started:.1f}s: {json.dumps(corpus)}")

    prompt = "In the beginning God"
    summary = {"corpus": corpus, "models": {}}
    for offset, (name, (arch, settings)) in enumerate(PAIR.items()):
        folder, metrics = train_one(name, arch, settings, train_stream.cuda(), val_stream.cuda(), args.out, args.seed + offset, args.max_minutes)
        save_tokenizer(tokenizer, folder)
        metrics["corpus"] = corpus
        (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
        summary["models"][name] = {k: metrics[k] for k in ("cost", "final")}
        try:
            summary["models"][name]["tokenizer_ok"] = check_tokenizer(folder, tokenizer, prompt)
            summary["models"][name]["greedy"] = sample(folder, prompt, tokenizer)
        except Exception as error:  # a failed check must not lose the trained weights
            log(f"[{name}] check failed: {error!r}")
    target, draft = (summary["models"][n]["cost"] for n in PAIR)
    summary["cost_ratio_matmul"] = target["flops_per_token_matmul"] / draft["flops_per_token_matmul"]
    summary["cost_ratio_mean_over_512_context"] = target["flops_per_token_mean_over_512_context"] / draft["flops_per_token_mean_over_512_context"]
    log("summary: " + json.dumps(summary))
    (args.out / "pair_summary.json").write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
