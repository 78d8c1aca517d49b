#!/usr/bin/env python3
"""The peers of `scripts/bench peers`, run on the bench's loopback stub over the same cases as the runner.
Run by `PromptCompatBench peers` inside the bench venv (~/.cache/promptcompat/bench-venv: inspect-ai,
openai), which starts the stub and writes PEERS.jsonl (one case a line: id, messages, target).

    bench-peers.py inspect PEERS.jsonl --base-url URL [--max-connections 16]
    bench-peers.py openai  PEERS.jsonl --base-url URL [--concurrency 16]

Prints one JSON object on its last line.

- inspect: `inspect eval scripts/bench-inspect-task.py -T dataset=PEERS.jsonl --model
  openai-api/bench/bench-model --max-connections N --temperature 0 --max-tokens 256 --display none
  --log-dir TMP` as a child process, with BENCH_BASE_URL=URL and BENCH_API_KEY set (inspect's
  OpenAI-compatible provider: `openai-api/<service>/<model>` reads <SERVICE>_BASE_URL and
  <SERVICE>_API_KEY). Per sample inspect builds the messages, calls the model through the openai SDK
  (AsyncOpenAI over httpx, with its retry and rate-limit machinery), records the sample's events
  (model call, state), scores it with `includes()` (a substring test) and writes the sample to its log
  (`.eval` file). samples/s = samples ÷ the samples' own span (the first sample's start to the last
  one's end, from the log); the whole command's wall time (interpreter start, imports, task loading,
  writing the log) is printed too.
- openai: a plain AsyncOpenAI loop (max_retries 0), N requests in flight, each the case's messages with
  temperature 0 and max_tokens 256, the reply checked for the target; requests/s over the loop alone.
"""
import argparse
import asyncio
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def read_cases(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_inspect(args):
    cases = read_cases(args.dataset)
    inspect = os.path.join(os.path.dirname(sys.executable), "inspect")
    env = dict(os.environ, BENCH_BASE_URL=args.base_url, BENCH_API_KEY="bench", INSPECT_LOG_LEVEL="warning")
    with tempfile.TemporaryDirectory(prefix="promptcompat-bench-inspect-") as logs:
        command = [
            # relative to the working directory: inspect globs the task path under it
            inspect, "eval", "bench-inspect-task.py",
            "-T", f"dataset={os.path.abspath(args.dataset)}",
            "--model", "openai-api/bench/bench-model",
            "--max-connections", str(args.max_connections),
            "--temperature", "0", "--max-tokens", "256",
            "--display", "none", "--log-dir", logs,
        ]
        cpu_before = children_cpu()
        start = time.monotonic()
        finished = subprocess.run(command, env=env, cwd=HERE, capture_output=True, text=True)
        wall = time.monotonic() - start
        cpu = children_cpu() - cpu_before
        if finished.returncode != 0:
            sys.stderr.write(finished.stdout + finished.stderr)
            sys.exit(f"inspect eval exited with {finished.returncode}")
        from inspect_ai.log import list_eval_logs, read_eval_log

        logs_found = list_eval_logs(logs)
        if not logs_found:
            sys.exit("inspect eval wrote no log")
        log = read_eval_log(logs_found[0])
        log_bytes = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(logs) for name in names)
    # The header's started_at/completed_at have whole seconds only: the samples' own times say when the
    # first sample started and the last one ended.
    from datetime import datetime, timedelta

    def when(stamp):
        return stamp if isinstance(stamp, datetime) else datetime.fromisoformat(stamp)

    timed = [(when(sample.started_at), sample.total_time) for sample in log.samples if sample.started_at and sample.total_time is not None]
    starts = [start for start, _ in timed]
    ends = [start + timedelta(seconds=total) for start, total in timed]
    eval_seconds = (max(ends) - min(starts)).total_seconds()
    samples = log.results.completed_samples if log.results else 0
    accuracy = None
    if log.results and log.results.scores:
        metric = log.results.scores[0].metrics.get("accuracy")
        accuracy = metric.value if metric else None
    import inspect_ai

    print(json.dumps({
        "tool": f"inspect_ai {inspect_ai.__version__}", "status": log.status, "samples": samples,
        "cases": len(cases), "eval_seconds": eval_seconds, "samples_per_second": samples / eval_seconds,
        "wall_seconds": wall, "cpu_seconds": cpu, "accuracy": accuracy, "log_bytes": log_bytes,
    }))


async def openai_loop(args):
    import openai
    from openai import AsyncOpenAI

    cases = read_cases(args.dataset)
    client = AsyncOpenAI(base_url=args.base_url, api_key="bench", max_retries=0)
    queue = iter(cases)
    matched = 0

    async def worker():
        nonlocal matched
        for case in queue:
            reply = await client.chat.completions.create(
                model="bench-model", messages=case["messages"], temperature=0, max_tokens=256
            )
            if case["target"] in (reply.choices[0].message.content or ""):
                matched += 1

    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = usage.ru_utime + usage.ru_stime
    start = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(args.concurrency)))
    seconds = time.monotonic() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    await client.close()
    print(json.dumps({
        "tool": f"openai {openai.__version__} AsyncOpenAI loop", "samples": len(cases), "matched": matched,
        "eval_seconds": seconds, "samples_per_second": len(cases) / seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime - cpu_before,
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("peer", choices=["inspect", "openai"])
    parser.add_argument("dataset")
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--max-connections", type=int, default=16)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    if args.peer == "inspect":
        run_inspect(args)
    else:
        asyncio.run(openai_loop(args))


if __name__ == "__main__":
    main()
