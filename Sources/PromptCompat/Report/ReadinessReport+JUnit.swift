import Foundation

extension ReadinessReport {
    /// `junit.xml`: the report as JUnit XML, for CI systems that show test results (GitHub Actions
    /// reporters, GitLab `artifacts:reports:junit`, Jenkins). One `<testsuite>` per target, one
    /// `<testcase classname="<prompt id>" name="<case>" time="<latency>">` per case.
    ///
    /// | verdict | element |
    /// |---|---|
    /// | `pass` | none |
    /// | `drift`, `failed` | `<failure type="drift">` / `type="failed"` |
    /// | `blocked` | `<failure type="blocked">` |
    /// | `error`, `missing-snapshot` | `<error type="error">` / `type="missing-snapshot"` |
    /// | `recorded` | `<skipped>` |
    ///
    /// `message` is the first reason; the element's text is ``FailureMessage/text(for:)``: every reason,
    /// the hint and the diff.
    ///
    /// ```swift
    /// try Data(report.junitXML().utf8).write(to: reports.appendingPathComponent("junit.xml"))
    /// ```
    public func junitXML() -> String { Self.junitXML([self]) }

    /// Several targets' reports in one `<testsuites>` document, one `<testsuite>` each.
    public static func junitXML(_ reports: [ReadinessReport]) -> String {
        let totals = reports.map(\.junitCounts).reduce(JUnitCounts()) { $0 + $1 }
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"promptcompat\"\(totals.attributes)>",
        ]
        for report in reports { lines += report.junitSuite() }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func junitSuite() -> [String] {
        var lines = ["  <testsuite name=\"\(Self.xmlAttribute(target))\"\(junitCounts.attributes) timestamp=\"\(Self.xmlAttribute(generatedAt))\">"]
        lines.append("    <properties>")
        lines.append("      <property name=\"baseline\" value=\"\(Self.xmlAttribute(baseline))\"/>")
        lines.append("      <property name=\"readiness\" value=\"\(JSONValue.format((readiness * 10000).rounded() / 10000))\"/>")
        if let scopeNote { lines.append("      <property name=\"scope\" value=\"\(Self.xmlAttribute(scopeNote))\"/>") }
        lines.append("    </properties>")
        for result in cases { lines += Self.junitCase(result) }
        lines.append("  </testsuite>")
        return lines
    }

    private static func junitCase(_ result: CaseResult) -> [String] {
        let open = "    <testcase classname=\"\(xmlAttribute(result.promptID))\" name=\"\(xmlAttribute(result.caseName))\" time=\"\(seconds(result.completion?.latency ?? 0))\""
        guard let element = JUnitCounts.element[result.verdict] else { return [open + "/>"] }
        let message = "message=\"\(xmlAttribute(result.reasons.first ?? result.verdict.rawValue))\""
        if element == "skipped" { return [open + ">", "      <skipped \(message)/>", "    </testcase>"] }
        let body = xmlText(FailureMessage.text(for: result))
        return [open + ">", "      <\(element) \(message) type=\"\(result.verdict.rawValue)\">\(body)</\(element)>", "    </testcase>"]
    }

    private var junitCounts: JUnitCounts {
        var counts = JUnitCounts()
        for result in cases {
            counts.tests += 1
            counts.time += result.completion?.latency ?? 0
            switch JUnitCounts.element[result.verdict] {
            case "failure": counts.failures += 1
            case "error": counts.errors += 1
            case "skipped": counts.skipped += 1
            default: break
            }
        }
        return counts
    }

    static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Text for an attribute value in double quotes: markup characters, quotes and line breaks as
    /// character references (a parser would turn a raw line break into a space).
    static func xmlAttribute(_ text: String) -> String { xmlEscaped(text, XMLEscapes.attribute) }

    /// Text for element content: markup characters as references, line breaks kept.
    static func xmlText(_ text: String) -> String { xmlEscaped(text, XMLEscapes.content) }

    /// Characters XML 1.0 cannot carry at all, even as references (C0 controls other than tab, line feed
    /// and carriage return; U+FFFE, U+FFFF), are written as visible `\u001B`-style text.
    private static func xmlEscaped(_ text: String, _ table: [Unicode.Scalar: String]) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replacement = table[scalar] {
                out += replacement
            } else if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// What each character becomes in XML, as data.
private enum XMLEscapes {
    static let content: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;", "\n": "\n", "\t": "\t"]
    static let attribute: [Unicode.Scalar: String] = content.merging([
        "\"": "&quot;", "'": "&apos;", "\n": "&#10;", "\t": "&#9;",
    ]) { $1 }
}

/// The counts a `<testsuite>` or `<testsuites>` element carries.
private struct JUnitCounts {
    var tests = 0
    var failures = 0
    var errors = 0
    var skipped = 0
    var time = 0.0

    /// The JUnit element of each verdict that is not a pass.
    static let element: [CaseVerdict: String] = [
        .drift: "failure", .failed: "failure", .blocked: "failure",
        .error: "error", .missingSnapshot: "error", .recorded: "skipped",
    ]

    static func + (a: JUnitCounts, b: JUnitCounts) -> JUnitCounts {
        JUnitCounts(tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors,
                    skipped: a.skipped + b.skipped, time: a.time + b.time)
    }

    var attributes: String {
        " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(ReadinessReport.seconds(time))\""
    }
}
