#!/usr/bin/env python3
"""Validate eval/labeled-pairs.jsonl and print its counts table (Python 3 stdlib only).

Usage: python3 eval/check.py [path]   (exit 1 when a check fails)
"""
import json
import sys
from collections import Counter
from pathlib import Path

ACCEPTABLE = {"paraphrase": 30, "style": 20, "json-equivalent": 10, "identical-or-trivial": 8,
              # issue 14's look-alikes: each must pass
              "clause-kept": 5, "harmless-addition": 5, "list-reordered": 5, "within-limit": 5, "format-kept": 5,
              "label-same": 5, "faithful-rewrite": 5, "repetition-ok": 5, "tool-call-same": 5, "number-words": 5,
              "set-reorder": 5, "list-no-period": 5, "script-ok": 5}
RETUNE = {"truncation": 12, "wrong-language": 12, "dropped-facts": 15, "json-in-prose": 10,
          "json-changed": 10, "refusal": 12, "format-change": 12, "off-task": 8,
          # issue 14's kinds
          "dropped-clause": 5, "added-content": 5, "list-item-missing": 5, "limit-ignored": 5,
          "fixed-format-changed": 5, "label-flip": 5, "echo": 5, "loop": 5, "no-tool-call": 5}
MINIMUM = {**ACCEPTABLE, **RETUNE}
FIELDS = ["id", "split", "category", "language", "task", "baseline", "target", "label", "why"]
LANGUAGES = {"zh", "en", "mixed"}
JSON_CATEGORIES = {"json-equivalent", "json-in-prose", "json-changed"}


def load(path):
    errors, pairs = [], []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines()):
        where = f"line {number + 1}"
        try:
            pair = json.loads(line)
        except json.JSONDecodeError as error:
            errors.append(f"{where}: not JSON: {error}")
            continue
        for field in FIELDS:
            if not isinstance(pair.get(field), str) or (field != "target" and not pair[field]):
                errors.append(f"{where}: field {field!r} missing or not a non-empty string")
        extra = set(pair) - set(FIELDS) - {"expect", "messages"}
        messages = pair.get("messages")
        if messages is not None and (not isinstance(messages, list) or not all(
                isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str) for m in messages)):
            errors.append(f"{where}: messages must be a list of {{role, content}} objects")
        if extra:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        category, label = pair.get("category"), pair.get("label")
        if category not in MINIMUM:
            errors.append(f"{where}: unknown category {category!r}")
        elif label != ("acceptable" if category in ACCEPTABLE else "re-tune"):
            errors.append(f"{where}: label {label!r} does not match category {category!r}")
        if pair.get("language") not in LANGUAGES:
            errors.append(f"{where}: language {pair.get('language')!r}")
        expected_split = "test" if number % 3 == 2 else "dev"
        if pair.get("split") != expected_split:
            errors.append(f"{where}: split should be {expected_split}")
        if "expect" in pair and pair["expect"] != {"json": True}:
            errors.append(f"{where}: expect may only be {{\"json\": true}}")
        if category in JSON_CATEGORIES and "expect" not in pair:
            errors.append(f"{where}: {category} pair without expect.json")
        pairs.append(pair)
    ids = Counter(p.get("id") for p in pairs)
    errors += [f"duplicate id {i}" for i, n in ids.items() if n > 1]
    return pairs, errors


def table(pairs):
    rows = ["| category | label | total | zh | en | mixed | dev | test | hard |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for category in MINIMUM:
        group = [p for p in pairs if p["category"] == category]
        count = lambda key, value: sum(1 for p in group if p[key] == value)
        hard = sum(1 for p in group if "-hard-" in p["id"])
        label = "acceptable" if category in ACCEPTABLE else "re-tune"
        rows.append(f"| {category} | {label} | {len(group)} | {count('language', 'zh')} | "
                    f"{count('language', 'en')} | {count('language', 'mixed')} | "
                    f"{count('split', 'dev')} | {count('split', 'test')} | {hard} |")
    for label in ["acceptable", "re-tune"]:
        group = [p for p in pairs if p["label"] == label]
        c = Counter((p["language"]) for p in group)
        s = Counter(p["split"] for p in group)
        hard = sum(1 for p in group if "-hard-" in p["id"])
        rows.append(f"| **all {label}** | | {len(group)} | {c['zh']} | {c['en']} | {c['mixed']} | "
                    f"{s['dev']} | {s['test']} | {hard} |")
    c, s = Counter(p["language"] for p in pairs), Counter(p["split"] for p in pairs)
    hard = sum(1 for p in pairs if "-hard-" in p["id"])
    rows.append(f"| **total** | | {len(pairs)} | {c['zh']} | {c['en']} | {c['mixed']} | "
                f"{s['dev']} | {s['test']} | {hard} |")
    return "\n".join(rows)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else Path(__file__).with_name("labeled-pairs.jsonl")
    pairs, errors = load(path)
    counts = Counter(p.get("category") for p in pairs)
    for category, minimum in MINIMUM.items():
        if counts[category] < minimum:
            errors.append(f"{category}: {counts[category]} pairs, need at least {minimum}")
        tests = sum(1 for p in pairs if p.get("category") == category and p.get("split") == "test")
        if tests == 0:
            errors.append(f"{category}: no pair in the test split")
    if len(pairs) < 300:
        errors.append(f"{len(pairs)} pairs, need at least 300")
    zh = sum(1 for p in pairs if p.get("language") == "zh")
    if pairs and zh / len(pairs) < 0.5:
        errors.append(f"zh share {zh / len(pairs):.1%}, need at least 50%")
    texts = [p.get(side, "") for p in pairs for side in ("baseline", "target")]
    long_pairs = sum(1 for p in pairs if max(len(p.get("baseline", "")), len(p.get("target", ""))) >= 400)
    print(table(pairs))
    print(f"\nzh share: {zh}/{len(pairs)} = {zh / max(len(pairs), 1):.1%}; "
          f"pairs with a side >= 400 chars: {long_pairs}; "
          f"text lengths {min(len(t) for t in texts)}..{max(len(t) for t in texts)} chars")
    for error in errors:
        print("error:", error)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
