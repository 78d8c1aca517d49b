// The loopback server moved to the `PromptCompatServer` library (the CLI's `proxy` command serves with
// it too). This target stays so the tests keep writing `import PromptCompatTestSupport`.
@_exported import PromptCompatServer
