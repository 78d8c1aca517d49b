import Foundation

extension SubstituteCheck {
    /// The candidate copies the prompt back — its input text or its instructions — instead of doing the
    /// task, where the accepted answer did it: "echoes the prompt: 97% of the answer is the prompt's own
    /// text (\"…\")". Three conditions, all needed, so an extraction or a light proofread (where staying close
    /// to the input *is* the job) is not an echo: nine tenths of the candidate's units are the prompt's; the
    /// accepted answer brought units of its own (a rewrite, a translation) and the candidate has at most a
    /// third of them; and half of the candidate, 20 characters or more, is one verbatim run of the prompt.
    public static let echo = SubstituteCheck(name: "echo", exclusive: true) { input in
        guard !input.instructions.isEmpty else { return [] }
        let prompt = ContentUnits.of(input.instructions), own = ContentUnits.of(input.candidate)
        guard own.count >= 5, ContentUnits.coverage(of: own, by: prompt) >= 0.9 else { return [] }
        let brought = input.samples.map { sample -> Set<String> in ContentUnits.of(sample).subtracting(prompt) }
        guard brought.allSatisfy({ $0.count >= 3 && Double($0.count) >= 0.15 * Double(ContentUnits.of(input.samples[0]).count) }),
              brought.allSatisfy({ ContentUnits.coverage(of: $0, by: own) <= 1.0 / 3 }) else { return [] }
        let copied = EchoSpan.longestCopy(of: input.candidate, in: input.instructions)
        // A short prescribed phrase (请联系人工客服) is the prompt's own answer, not an echo.
        guard copied.count >= 20, copied.count * 2 >= TextNormalizer.comparable(input.candidate).filter({ !$0.isWhitespace }).count else { return [] }
        let share = Int((100 * ContentUnits.coverage(of: own, by: prompt)).rounded())
        return ["echoes the prompt: \(share)% of the answer is the prompt's own text (\"\(ClauseAlignment.quote(copied))\")"]
    }
}

/// The longest piece of an answer copied verbatim from the prompt (comparable form, spaces dropped).
enum EchoSpan {
    static func longestCopy(of answer: String, in prompt: String) -> String {
        let a = Array(TextNormalizer.comparable(answer).filter { !$0.isWhitespace })
        let b = Array(TextNormalizer.comparable(prompt).filter { !$0.isWhitespace })
        guard !a.isEmpty, !b.isEmpty else { return "" }
        // Longest common substring by one row of dynamic programming: O(|a|·|b|) steps, O(|b|) memory.
        var previous = [Int32](repeating: 0, count: b.count + 1), current = previous
        var best = 0, bestEnd = 0
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0
                if Int(current[j]) > best { best = Int(current[j]); bestEnd = i }
            }
            swap(&previous, &current)
        }
        return String(a[(bestEnd - best)..<bestEnd])
    }
}
