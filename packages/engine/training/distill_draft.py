"""Distils a new draft from the committed target: the same small architecture as kjv-draft, trained on
the target's next-token distributions (mean KL(p_target || q_draft) per token) instead of the corpus's
tokens. Speculative sampling accepts a drafted token with probability min(1, p/q), so a draft's
expected acceptance per token is Σ_x min(p(x), q(x)) = 1 − TV(p, q); matching q to p itself raises it
more than matching the corpus does. Both drafts' acceptance on the validation chapters is measured
and written to metrics.json ("distillation"), together with how often their greedy choice equals the
target's (the acceptance of greedy verification).

Usage: python distill_draft.py --data .data/kjv --models packages/engine/models --out /tmp/kjv-distilled
       (run prepare_corpus.sh first; needs torch with CUDA, transformers 5, tokenizers)
"""

import argparse
import json
import shutil
import time
from pathlib import Path

import torch
from tokenizers import Tokenizer
from transformers import LlamaForCausalLM
from train_pair import CONTEXT, PAIR, check_tokenizer, log, sample, tokenize_chapters, train_one, windows


def acceptance(target, draft, stream, batch=32):
    """Mean over every position of the held-out text of Σ min(p, q) (temperature 1) and of
    [argmax q = argmax p], with p the target's and q the draft's next-token distribution."""
    starts = torch.arange(0, len(stream) - CONTEXT - 1, CONTEXT, device=stream.device)
    sampled, greedy, count = 0.0, 0.0, 0
    with torch.no_grad():
        for i in range(0, len(starts), batch):
            x, _ = windows(stream, starts[i : i + batch])
            p = torch.softmax(target(input_ids=x).logits.float(), dim=-1)
            q = torch.softmax(draft(input_ids=x).logits.float(), dim=-1)
            sampled += torch.minimum(p, q).sum(dim=-1).sum().item()
            greedy += (p.argmax(dim=-1) == q.argmax(dim=-1)).sum().item()
            count += x.numel()
    return {"sampling": sampled / count, "greedy": greedy / count}


def load(folder):
    return LlamaForCausalLM.from_pretrained(folder, dtype=torch.float32).cuda().eval()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder with train.txt and val.txt (prepare_corpus.sh)")
    parser.add_argument("--models", type=Path, required=True, help="folder holding kjv-target/ (the teacher) and kjv-draft/ (for comparison)")
    parser.add_argument("--out", type=Path, required=True, help="folder that receives the new kjv-draft/")
    parser.add_argument("--epochs", type=float, default=40)
    parser.add_argument("--seed", type=int, default=1236)
    parser.add_argument("--max-minutes", type=float, default=4.0)
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("distill_draft.py: no CUDA device")
    torch.backends.cuda.matmul.allow_tf32 = True

    tokenizer = Tokenizer.from_file(str(args.models / "kjv-target" / "tokenizer.json"))
    train_stream, _ = tokenize_chapters(tokenizer, (args.data / "train.txt").read_text())
    val_stream, _ = tokenize_chapters(tokenizer, (args.data / "val.txt").read_text())
    train_stream, val_stream = train_stream.cuda(), val_stream.cuda()
    teacher = load(args.models / "kjv-target")
    for parameter in teacher.parameters():
        parameter.requires_grad_(False)
    before = acceptance(teacher, load(args.models / "kjv-draft"), val_stream)
    log(f"committed draft: acceptance on validation {json.dumps(before)}")

    arch, settings = PAIR["kjv-draft"]
    settings = {**settings, "epochs": args.epochs, "objective": "KL(p_target || q_draft) per token"}
    started = time.time()
    folder, metrics = train_one("kjv-draft", arch, settings, train_stream, val_stream, args.out, args.seed, args.max_minutes, teacher=teacher)
    for name in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):  # the pair shares them
        shutil.copy(args.models / "kjv-target" / name, folder / name)
    after = acceptance(teacher, load(folder), val_stream)
    log(f"distilled draft ({time.time() - started:.0f}s): acceptance on validation {json.dumps(after)}")
    metrics["corpus"] = json.loads((args.models / "kjv-draft" / "metrics.json").read_text()).get("corpus")
    metrics["distillation"] = {
        "teacher": "kjv-target",
        "acceptance_on_validation": after,
        "acceptance_on_validation_of_the_corpus_trained_draft": before,
    }
    (folder / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    check_tokenizer(folder, tokenizer, "In the beginning God")
    sample(folder, "In the beginning God", tokenizer)


if __name__ == "__main__":
    main()
