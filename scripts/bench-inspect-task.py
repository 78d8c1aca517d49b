"""The inspect_ai task of `scripts/bench peers`: the bench library's cases as inspect samples.

    inspect eval scripts/bench-inspect-task.py -T dataset=PEERS.jsonl \
        --model openai-api/bench/bench-model --max-connections 16    # BENCH_BASE_URL, BENCH_API_KEY set

PEERS.jsonl is written by `PromptCompatBench peers`: one case a line, {"id", "messages", "target"}, the
messages being the exact ones promptcompat sends for that case (system and user, variables filled).
Each sample's input is those messages; the solver is `generate()` (one chat completion through inspect's
OpenAI-compatible provider); the scorer is `includes()` (is the target, the order number in the stub's
answer, a substring of the reply?) — a substring test, so scoring is not what limits inspect's rate.
"""
import json

from inspect_ai import Task, task
from inspect_ai.dataset import MemoryDataset, Sample
from inspect_ai.model import ChatMessageSystem, ChatMessageUser
from inspect_ai.scorer import includes
from inspect_ai.solver import generate

ROLES = {"system": ChatMessageSystem, "user": ChatMessageUser}


@task
def promptcompat_bench(dataset: str):
    samples = []
    with open(dataset, encoding="utf-8") as lines:
        for line in lines:
            case = json.loads(line)
            messages = [ROLES[m["role"]](content=m["content"]) for m in case["messages"]]
            samples.append(Sample(id=case["id"], input=messages, target=case["target"]))
    return Task(dataset=MemoryDataset(samples), solver=generate(), scorer=includes())
