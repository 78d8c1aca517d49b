/// The style sheet of `report.html`, inlined: system fonts only (with the common Chinese faces named so
/// CJK text gets Simplified Chinese glyphs), no web fonts, no `url(…)`, no `@import`.
enum HTMLReportStyle {
    static let css = """
    :root {
      --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --page: #ffffff;
      --ready: #1a7f37; --ready-bg: #dafbe1; --retune: #9a6700; --retune-bg: #fff8c5;
      --blocked: #cf222e; --blocked-bg: #ffebe9; --incomplete: #59636e; --incomplete-bg: #eff2f5;
      --accent: #0969da;
      --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB",
        "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
      --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", "Noto Sans CJK SC", monospace;
    }
    * { box-sizing: border-box; }
    [hidden] { display: none !important; }
    body { margin: 0; background: var(--soft); color: var(--ink); font: 14px/1.5 var(--sans); }
    header.top { background: #24292f; color: #fff; padding: 22px 32px 20px; }
    header.top .eyebrow { font-size: 12px; letter-spacing: .06em; text-transform: uppercase; color: #9ca3af; }
    header.top h1 { margin: 4px 0 2px; font-size: 24px; font-weight: 600; }
    header.top .arrow { color: #9ca3af; padding: 0 6px; }
    header.top .meta { margin: 0; color: #c9d1d9; font-size: 13px; }
    main { max-width: 1240px; margin: 0 auto; padding: 20px 32px 40px; }
    h2 { font-size: 18px; margin: 28px 0 10px; }
    code, pre { font-family: var(--mono); font-size: 12.5px; }
    .cards { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; }
    .card { background: var(--page); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
    .card h3 { margin: 0 0 6px; font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
    .card .big { font-size: 30px; font-weight: 650; line-height: 1.15; }
    .card .sub { color: var(--muted); font-size: 13px; }
    .card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
    .card dt { color: var(--muted); }
    .card dd { margin: 0; font-variant-numeric: tabular-nums; }
    .card table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    .card table th, .card table td { text-align: left; padding: 2px 8px 2px 0; font-weight: normal; }
    .card table th { color: var(--muted); }
    .bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--incomplete-bg); margin: 10px 0 8px; }
    .bar span { display: block; }
    .fill-ready, .fill-pass { background: var(--ready); } .fill-re-tune, .fill-drift { background: #d4a72c; }
    .fill-failed { background: #e16f24; } .fill-blocked { background: var(--blocked); }
    .fill-incomplete, .fill-error, .fill-missing-snapshot { background: #8c959f; } .fill-recorded { background: var(--accent); }
    .counts { display: grid; grid-template-columns: repeat(2, max-content); gap: 3px 32px; margin: 0; padding: 0; list-style: none; }
    .counts li { white-space: nowrap; } .counts b { font-variant-numeric: tabular-nums; }
    .dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 5px; vertical-align: 0; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
    .s-ready, .v-pass { color: var(--ready); background: var(--ready-bg); }
    .s-assertions-only { color: var(--ready); background: var(--incomplete-bg); }
    .s-re-tune, .v-drift { color: var(--retune); background: var(--retune-bg); }
    .v-failed { color: #bc4c00; background: #fff1e5; }
    .s-blocked, .v-blocked { color: var(--blocked); background: var(--blocked-bg); }
    .s-incomplete, .v-error, .v-missing-snapshot { color: var(--incomplete); background: var(--incomplete-bg); }
    .v-recorded { color: var(--accent); background: #ddf4ff; }
    html:not(.js) .controls { display: none; }
    .controls { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; }
    .controls input, .controls select, .controls button { font: inherit; padding: 5px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--page); color: var(--ink); }
    .controls input { flex: 0 1 340px; }
    .controls button { cursor: pointer; }
    .controls .count { color: var(--muted); margin-left: auto; }
    table.prompts { width: 100%; border-collapse: separate; border-spacing: 0; background: var(--page); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
    table.prompts th, table.prompts td { text-align: left; vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--line); }
    table.prompts tbody tr:last-child td { border-bottom: 0; }
    table.prompts th { background: var(--soft); font-size: 12px; color: var(--muted); padding: 0; }
    table.prompts th button { all: unset; display: block; padding: 8px 12px; cursor: pointer; font-weight: 600; }
    table.prompts th button::after { content: " \\2195"; color: #afb8c1; }
    table.prompts th[aria-sort="ascending"] button::after { content: " \\2191"; color: var(--ink); }
    table.prompts th[aria-sort="descending"] button::after { content: " \\2193"; color: var(--ink); }
    table.prompts td.id { white-space: nowrap; }
    table.prompts td.why { max-width: 420px; }
    table.prompts td.hint { color: var(--muted); max-width: 360px; }
    table.prompts tbody tr:hover { background: #f6f8fa; }
    a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
    .more { color: var(--muted); font-size: 12px; }
    ul.plain { margin: 4px 0; padding-left: 18px; }
    .prompt-cases { background: var(--page); border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; }
    .prompt-cases > header { padding: 10px 14px; border-bottom: 1px solid var(--line); }
    .prompt-cases > header h3 { margin: 0; font-size: 15px; display: flex; gap: 10px; align-items: center; }
    .prompt-cases > header h3 code { font-size: 14px; }
    table.prompts td.id code { font-size: 13px; }
    .prompt-cases > header p { margin: 4px 0 0; color: var(--muted); }
    .prompt-cases > header .hint { color: var(--ink); background: #ddf4ff; border-radius: 6px; padding: 6px 10px; margin-top: 8px; }
    details.case { border-top: 1px solid var(--line); }
    details.case:first-of-type { border-top: 0; }
    details.case > summary { cursor: pointer; padding: 8px 14px; display: flex; gap: 10px; align-items: center; list-style: none; }
    details.case > summary::-webkit-details-marker { display: none; }
    details.case > summary::before { content: "\\25B8"; color: var(--muted); width: 10px; }
    details.case[open] > summary::before { content: "\\25BE"; }
    details.case > summary .score { margin-left: auto; color: var(--muted); font-variant-numeric: tabular-nums; font-size: 12.5px; }
    .case-body { padding: 2px 14px 14px 34px; }
    .reasons li { margin: 2px 0; }
    .tag { display: inline-block; font-size: 11px; font-weight: 600; color: var(--muted); background: var(--incomplete-bg); border-radius: 4px; padding: 0 6px; margin-right: 6px; }
    .facts { color: var(--muted); font-size: 12.5px; margin: 6px 0; }
    .facts span + span::before { content: "\\00B7"; padding: 0 8px; }
    .sxs { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; margin: 10px 0 6px; }
    .sxs.single { grid-template-columns: 1fr; }
    .sxs figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; min-width: 0; }
    .sxs figcaption { font-size: 12px; color: var(--muted); background: var(--soft); padding: 4px 10px; border-bottom: 1px solid var(--line); }
    .sxs pre, pre.raw { margin: 0; padding: 8px 10px; white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--sans); font-size: 13.5px; line-height: 1.6; max-height: 420px; overflow: auto; }
    pre.raw { font-family: var(--mono); font-size: 12.5px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; }
    del { background: #ffcecb; color: #82071e; text-decoration: line-through; text-decoration-color: rgba(130, 7, 30, .45); border-radius: 2px; }
    ins { background: #aceebb; color: #116329; text-decoration: none; border-radius: 2px; }
    .failure { border-left: 3px solid var(--blocked); background: var(--blocked-bg); padding: 6px 10px; border-radius: 4px; margin: 8px 0; }
    .none { color: var(--muted); font-style: italic; }
    .raw-group { display: flex; flex-wrap: wrap; gap: 2px 18px; margin-top: 4px; }
    details.raw[open] { flex-basis: 100%; }
    details.raw > summary { cursor: pointer; color: var(--accent); font-size: 12.5px; }
    details.raw > pre { margin-top: 6px; }
    ul.adaptations { list-style: none; margin: 4px 0; padding: 0; color: var(--muted); font-size: 12.5px; }
    footer { color: var(--muted); font-size: 12px; margin-top: 28px; }
    @media (max-width: 900px) { .cards { grid-template-columns: 1fr 1fr; } .sxs { grid-template-columns: 1fr; } main { padding: 16px; } }
    @media print { details.case { break-inside: avoid; } .controls { display: none; } }
    """
}
