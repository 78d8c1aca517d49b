/// The `--help` texts, one per command, with real examples.
enum Help {
    static let version = "promptcompat 0.1.0"

    /// Every command word, in the order the main help lists them (for "did you mean").
    static let commands = ["run", "retune", "lint", "snapshots", "providers", "proxy", "import", "report", "help", "version"]

    static let main = """
    promptcompat — does your prompt library survive a move to another LLM provider?

    USAGE: promptcompat <command> [options]

    COMMANDS:
      run         Run the library against one or more targets; write readiness reports
      retune      Re-tune one prompt for a target: what fails, an override to edit, check it, accept its answers
      lint        Check the library against each target's provider rules and estimate a run's cost (no calls)
      snapshots   List accepted snapshots; find (and remove) obsolete ones
      providers   List the suite's providers and whether their API key variables are set
      proxy       Serve a real local model as if it were a provider (its errors, limits, filters)
      import      Turn a gateway log of OpenAI requests into prompt files and baseline snapshots
      report      Merge the results of sharded runs (a CI matrix) into one report
      help        Show help for a command
      version     Show the version

    COMMON OPTIONS (before or after the command word):
      --prompts DIR     The prompt library (default: prompts)
      --snapshots DIR   Accepted outputs (default: snapshots)
      --reports DIR     Where reports go (default: reports)
      --quiet           No progress lines (run)
      --help, -h        Show help
      --version, -V     Show the version

    e.g. 'promptcompat --prompts other/prompts run --target qwen' is 'promptcompat run --prompts other/prompts --target qwen'.

    EXIT CODES: 0 everything ready · 1 something to re-tune, blocked or incomplete · 2 usage or configuration error

    See 'promptcompat help <command>' for more.
    """

    static let run = """
    USAGE: promptcompat run --target NAME [--target NAME …] [--record MODE] [--filter TEXT] [--shard I/N] [--cache DIR | --no-cache] [--refresh | --offline] [--resume] [--quiet] [--prompts DIR] [--snapshots DIR] [--reports DIR]

    Runs every case of the library against each target and compares each output with the accepted snapshot
    (the target's own, else the baseline's).

    WRITES, per target, into reports/<target>/ (with --filter: reports/<target>/filtered/; with --shard I/N:
    reports/<target>/shard-I-of-N/):
      summary.md      headline, counts, the prompts to re-tune with one reason each (≤ 60,000 characters:
                      fits a pull-request comment)
      report.md       the full report: every prompt and case with its reasons and diff
      report.json     the same for tools
      report.html     the same as one self-contained page to open in a browser
      junit.xml       one test case per case, for a CI's test view
      results.jsonl   one line per case, written as each case finishes (what --resume and report --merge read)
    and also:
      reports/compare/compare.md, compare.json    with two or more targets: which one to move to
                                                  (with --filter: reports/filtered/compare/)
      .promptcompat/history.jsonl                 beside the prompts folder: one line per target of a whole run
                                                  (not --filter, --shard or an interrupted run)
      .promptcompat/cache/                        the answers kept (see --cache)
      snapshots/<target>/<prompt>/<case>/         the snapshots --record writes

    OPTIONS:
      --target NAME     A provider from the suite config (repeatable). Default: the baseline.
      --record MODE     never | missing | failed | all. Default: $PROMPTCOMPAT_RECORD, else missing;
                        under CI (CI=true) nothing is written unless PROMPTCOMPAT_RECORD_IN_CI=1.
      --filter TEXT     Only cases whose "prompt-id/case" contains TEXT (e.g. support/ or refund-reply/late).
      --shard I/N       Only the I-th of N slices of the selected cases (1-based; a stable hash of each case's
                        name decides), reported into reports/<target>/shard-I-of-N/; merge with 'report --merge'.
      --cache DIR       Answers are kept in DIR (default .promptcompat/cache next to the prompts folder), keyed
                        by the request as sent: a re-run only calls for requests that changed.
      --no-cache        Call the provider for every case; keep nothing.
      --refresh         Call the provider for every case and replace the kept answers.
      --offline         Never call a provider: a request without a kept answer fails as not-cached (a CI job
                        that restored the cache folder).
      --quiet           No progress lines.
      --resume          Keep the cases the target's results.jsonl already finished (any verdict but error) and
                        run only the rest, into one complete report.

    Ctrl-C (SIGINT) or SIGTERM stops starting cases; the cases in flight get PROMPTCOMPAT_INTERRUPT_GRACE
    seconds (default 5) to finish, a second signal cancels them. The report of what finished is written and
    the run exits 130 (SIGINT) or 143 (SIGTERM): re-run with --resume to continue.

    EXAMPLES:
      promptcompat run --target local-gemma
      promptcompat run --target local-smollm --record missing      # record the baseline's snapshots
      promptcompat run --target qwen --filter extraction/           # needs DASHSCOPE_API_KEY
      promptcompat run --target local-gemma --record failed --filter support/refund-reply   # accept new outputs
      promptcompat run --target qwen --offline                      # from the cache a CI job restored
    """

    static let report = """
    USAGE: promptcompat report --merge DIR… [--out DIR] [--prompts DIR] [--reports DIR]

    Reads the results.jsonl of each DIR (or, when a DIR has none, every results.jsonl below it, e.g. a folder
    of downloaded CI artifacts) and writes one report of all their cases: summary.md, report.md, report.json,
    report.html and junit.xml.
    Refuses results of more than one target, a case given twice, and a missing shard (DIRs named
    shard-i-of-n, as run --shard writes them), naming the files. Appends the run history like run does.

    OPTIONS:
      --merge DIR…      Report folders or results.jsonl files (one or more; repeatable).
      --out DIR         Where the merged report goes. Default: reports/<target>/merged.

    EXIT CODES: 0 every prompt ready · 1 something to re-tune, blocked or incomplete · 2 usage error or results that do not merge

    EXAMPLES:
      promptcompat report --merge reports/qwen/shard-1-of-2 reports/qwen/shard-2-of-2
      promptcompat report --merge artifacts/ --out reports/qwen/merged     # every results.jsonl below artifacts/
    """

    static let retune = """
    USAGE: promptcompat retune PROMPT --target NAME [--check] [--suggest] [--prompts DIR] [--snapshots DIR] [--reports DIR]

    The re-tune loop for one prompt on one target. Runs the prompt's cases against the target (nothing is
    recorded) and prints each failing case with its reasons, hint and diff. If the prompt is to re-tune or
    blocked and its file has no override for the target yet, adds one — "note" (a TODO) and a copy of the
    prompt's messages — leaving the rest of the file as it was, and prints the file:line to edit.

    OPTIONS:
      --target NAME   The provider to re-tune for (required; not the baseline).
      --check         Run with the override; when every case passes, accept the answers as the target's own
                      snapshots for this prompt (as --record failed records them; never under CI unless
                      PROMPTCOMPAT_RECORD_IN_CI=1); else print what still fails.
      --suggest       Also ask the suite's judge model (grading.judge) for a rewrite of the messages, given the
                      failures. Printed as SUGGESTION (model-written, not applied); never written anywhere.

    EXIT CODES: 0 every case passes · 1 something still fails or could not be judged · 2 usage or configuration error

    EXAMPLES:
      promptcompat retune support/refund-reply --target local-gemma           # what fails; adds an override
      promptcompat retune support/refund-reply --target local-gemma --check   # after editing it
      promptcompat retune support/refund-reply --target qwen --suggest        # needs grading.judge
    """

    static let snapshots = """
    USAGE: promptcompat snapshots [--remove-obsolete [--force]] [--prompts DIR] [--snapshots DIR]

    Lists how many accepted snapshots each provider has, and the obsolete ones: snapshots whose provider,
    prompt or case the library no longer has. They are removed only with --remove-obsolete, after the list
    is printed, and not at all (exit 2) when the library has no cases or more than half the snapshots
    would go — a prompts folder that did not load makes every snapshot look obsolete — unless --force.
    """

    static let providers = """
    USAGE: promptcompat providers [--catalog] [--prompts DIR]

    Lists the providers of the suite config: profile, base URL, model, whether the environment variable
    holding each one's API key is set (the key itself is never printed), and the rules that matter when
    migrating (temperature and top_p ranges, output cap, unsupported parameters, message rules, price).

    OPTIONS:
      --catalog   Every built-in provider profile instead of the suite's providers.
    """

    static let lint = """
    USAGE: promptcompat lint [--target NAME …] [--profile ID …] [--prompts DIR]

    Checks every case of the library against a target's provider profile without calling anything:
    parameters out of range, parameters the provider does not support (response_format, tools, seed, n, …),
    max_tokens above the output cap, message orders it changes or rejects, prompts too long for the model's
    context, models the profile does not know. Each request is built and adapted exactly as a run would.
    One line per finding, file:line:column and a fix hint; then per target the counts and the estimated cost
    of one full run in CNY (every case once, at the profile's prices).

    A change the run would make is a warning (an error for a "strict" target); a request the provider would
    reject, a prompt that relies on tools the provider lacks, or one that cannot fit the context is an error.

    OPTIONS:
      --target NAME     A provider from the suite config (repeatable). Default: every provider but the baseline.
      --profile ID      A built-in profile you have not configured yet, with its default model (repeatable;
                        'promptcompat providers --catalog' lists them).

    EXIT CODES: 0 no error-level finding · 1 at least one error · 2 usage or configuration error

    EXAMPLES:
      promptcompat lint                                # every target of the suite config
      promptcompat lint --target qwen --target glm     # no API key needed: nothing is called
      promptcompat lint --profile hunyuan              # would the library fit Tencent Hunyuan?
    """

    static let proxy = """
    USAGE: promptcompat proxy --profile ID [--upstream URL] [--port N] [--key-env NAME] [--sensitive WORD …]
                              [--max-concurrency N] [--upstream-model NAME]

    A quirk proxy: a loopback server (127.0.0.1) in front of a real OpenAI-compatible model that behaves like
    the provider profile ID, so a migration can be rehearsed offline. It answers with that provider's own
    error bodies (HTTP-200 errors included, as Qianfan and MiniMax send them): a temperature or top_p outside
    the profile's range, an unsupported parameter, or messages that break its order rules are rejected; a
    sensitive word in any input message is blocked as input, one in the model's answer is withheld as output
    (finish_reason content_filter / sensitive, or the provider's error); max_tokens is capped at the output cap;
    streams get ': keep-alive' comments where the provider sends them (deepseek); a request beyond the
    concurrency limit is answered "rate limited" with Retry-After: 1. Runs until Ctrl-C (SIGINT) or SIGTERM,
    printing one line per request: method, path, status and outcome.

    OPTIONS:
      --profile ID          A built-in profile ('promptcompat providers --catalog'), e.g. zhipu, dashscope, qianfan.
      --upstream URL        The real model's base URL. Default: http://127.0.0.1:8701/v1 (scripts/local-model).
      --port N              Where to listen. Default: 8711; 0 picks a free port.
      --key-env NAME        Require the key held in the environment variable NAME (Authorization: Bearer, or
                            api-key for azure-openai); without it any request is accepted.
      --sensitive WORD      A word the content filter blocks, case-insensitive (repeatable).
      --max-concurrency N   Requests in flight at once; one more is rate-limited. Default: unlimited.
      --upstream-model NAME Send this model name upstream instead of the requested one.

    EXAMPLES:
      promptcompat proxy --profile zhipu --port 8711 --upstream-model smollm2-135m-instruct
      promptcompat proxy --profile dashscope --port 8712 --sensitive 退款 --max-concurrency 1
      ZHIPU_PROXY_KEY=sk-local promptcompat proxy --profile zhipu --key-env ZHIPU_PROXY_KEY
    """

    static let help = """
    USAGE: promptcompat help [COMMAND]

    Without COMMAND, lists the commands and the options every command takes; with one, shows its help (the
    same as 'promptcompat COMMAND --help').

    COMMANDS: \(commands.joined(separator: ", "))

    EXAMPLES:
      promptcompat help run
      promptcompat help help
    """

    static let versionCommand = """
    USAGE: promptcompat version    (or: promptcompat --version, promptcompat -V)

    Prints the version, e.g. "\(version)", and exits 0.
    """

    /// The help of `command`, or nil when there is no such command.
    static func text(for command: String) -> String? {
        [
            "run": run, "lint": lint, "snapshots": snapshots, "providers": providers, "proxy": proxy, "retune": retune,
            "report": report, "import": importCommand, "help": help, "version": versionCommand,
        ][command]
    }
}
