#!/usr/bin/env python3
"""Scores the pairs written by `PromptCompatBench scoring --write-pairs FILE` with Python reference tools
and compares their scores with PromptCompat's (which the file carries). Run by `scripts/bench
scoring-reference` inside its venv (~/.cache/promptcompat/bench-venv: rouge-score, rapidfuzz, sacrebleu).

    bench-reference.py PAIRS.jsonl [--rouge-pairs N]

Prints one JSON object a line, one per tool:
    {"tool": "rapidfuzz", "metric": "levenshtein", "pairs": 10000, "seconds": 0.41,
     "pairs_per_second": 24390.2, "max_abs_diff": 0.0, "worst_id": 17}

- rouge-score: `rouge_scorer.RougeScorer(["rougeL"], tokenizer=CJKTokenizer())`, F-measure of
  score(target=reference, prediction=candidate). Its LCS is a pure-Python O(n·m) table, so it scores only
  the first --rouge-pairs pairs (default 1000). CJKTokenizer is PromptCompat's `Tokenizer.tokens` rule
  written again in Python: NFKC; each CJK character (Han, kana, Hangul syllables: the same code point ranges)
  is one token; a run of ASCII digits, with `.` or `,` kept inside when a digit follows, is one token; a run
  of `_` and letters (str.isalpha) is one lowercased word; everything else separates. Swift's isAlphabetic
  and Python's isalpha differ on a few non-CJK marks and letter numbers, none of which the generated
  Chinese pairs contain.
- rapidfuzz: `Levenshtein.normalized_similarity(reference, candidate)` (code points).
- sacrebleu: `CHRF().sentence_score(candidate, [reference]).score / 100` (chrF: character 6-grams, β = 2,
  whitespace removed).
"""
import argparse
import json
import sys
import time
import unicodedata

from rapidfuzz.distance import Levenshtein
from rouge_score import rouge_scorer
from sacrebleu.metrics import CHRF

CJK_RANGES = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0xF900, 0xFAFF),  # Han
    (0x3040, 0x309F), (0x30A0, 0x30FF),  # kana
    (0xAC00, 0xD7AF),  # Hangul syllables
)


def is_cjk(character):
    code = ord(character)
    return any(low <= code <= high for low, high in CJK_RANGES)


class CJKTokenizer:
    """PromptCompat's Tokenizer.tokens rule (see the module docstring)."""

    def tokenize(self, text):
        text = unicodedata.normalize("NFKC", text)
        tokens, start, kind = [], 0, None

        def flush(end):
            if kind is not None and end > start:
                token = text[start:end]
                tokens.append(token.lower() if kind == "word" else token)

        for i, character in enumerate(text):
            if is_cjk(character):
                flush(i)
                kind = None
                tokens.append(character)
            elif "0" <= character <= "9":
                if kind != "number":
                    flush(i)
                    start, kind = i, "number"
            elif kind == "number" and character in ".," and i + 1 < len(text) and "0" <= text[i + 1] <= "9":
                continue
            elif character == "_" or character.isalpha():
                if kind != "word":
                    flush(i)
                    start, kind = i, "word"
            else:
                flush(i)
                kind = None
        flush(len(text))
        return tokens


def timed(tool, metric, pairs, score):
    start = time.perf_counter()
    scores = [score(pair["reference"], pair["candidate"]) for pair in pairs]
    seconds = time.perf_counter() - start
    differences = [abs(ours[metric] - theirs) for ours, theirs in zip(pairs, scores)]
    worst = max(range(len(differences)), key=differences.__getitem__)
    return {
        "tool": tool, "metric": metric, "pairs": len(pairs), "seconds": seconds,
        "pairs_per_second": len(pairs) / seconds, "max_abs_diff": differences[worst], "worst_id": pairs[worst]["id"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pairs", help="JSON lines from PromptCompatBench scoring --write-pairs")
    parser.add_argument("--rouge-pairs", type=int, default=1000, help="score only the first N pairs with rouge-score")
    args = parser.parse_args()
    with open(args.pairs, encoding="utf-8") as file:
        pairs = [json.loads(line) for line in file if line.strip()]

    rouge = rouge_scorer.RougeScorer(["rougeL"], tokenizer=CJKTokenizer())
    chrf = CHRF()
    runs = [
        ("rouge-score", "rouge-l", pairs[: args.rouge_pairs],
         lambda reference, candidate: rouge.score(reference, candidate)["rougeL"].fmeasure),
        ("rapidfuzz", "levenshtein", pairs, Levenshtein.normalized_similarity),
        ("sacrebleu", "chrF", pairs, lambda reference, candidate: chrf.sentence_score(candidate, [reference]).score / 100),
    ]
    for tool, metric, subset, score in runs:
        print(json.dumps(timed(tool, metric, subset, score)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
