/// URLs and e-mail addresses: the two patterns tried on a text without a digit.
extension FactScanner.Text {
    /// `https?://[^\s<>"'，。、；：！？）)】」]+[^\s<>"'，。、；：！？）)】」.,;:!?]`: after the scheme, the run of
    /// URL characters, given back up to its last character that may end a URL (not `.,;:!?`).
    func url(from start: Int) -> FactScanner.RawMatch? {
        for s in start..<count where self[s] == 0x68 {  // h
            guard var p = matchExact(Self.http, at: s) else { continue }
            if self[p] == 0x73 { p += 1 }  // s? — without it, "://" would have to start at the s
            guard let body = matchExact(Self.schemeSeparator, at: p) else { continue }
            let runEnd = endOfRun(from: body, where: Self.isURLCharacter)
            var last = runEnd - 1
            while last > body, !Self.isURLEnd(self[last]) { last -= 1 }
            if last > body { return FactScanner.RawMatch(range: s..<(last + 1), groups: []) }
        }
        return nil
    }

    static let http = Array("http".unicodeScalars.map(\.value))
    static let schemeSeparator = Array("://".unicodeScalars.map(\.value))
    static let notInURL = FactScanner.ScalarSet("<>\"'，。、；：！？）)】」")
    static let notAtURLEnd = FactScanner.ScalarSet(".,;:!?")

    static func isURLCharacter(_ c: UInt32) -> Bool {
        c != FactScanner.Text.end && !Characters.isSpace(c) && !notInURL.contains(c)
    }

    static func isURLEnd(_ c: UInt32) -> Bool { isURLCharacter(c) && !notAtURLEnd.contains(c) }

    /// `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`. `@` is not a local-part character,
    /// so every start in the local part before an `@` reaches that `@` and fares alike: the leftmost wins.
    func email(from start: Int) -> FactScanner.RawMatch? {
        for at in start..<count where self[at] == 0x40 && at - 1 >= start && Self.isLocalPart(self[at - 1]) {
            guard let end = emailDomainEnd(from: at + 1) else { continue }
            var first = at - 1
            while first > start, Self.isLocalPart(self[first - 1]) { first -= 1 }
            return FactScanner.RawMatch(range: first..<end, groups: [])
        }
        return nil
    }

    /// The domain's labels are taken whole (a shorter label leaves a label character where a dot must be);
    /// backtracking gives labels back from the last one until a dot is followed by two letters, the
    /// letters then running on as far as they go (`a@b.com-x` is `a@b.com`).
    func emailDomainEnd(from start: Int) -> Int? {
        var labelEnds = [endOfRun(from: start, where: Self.isDomainCharacter)]
        guard labelEnds[0] > start else { return nil }
        while self[labelEnds[labelEnds.count - 1]] == 0x2E, Self.isDomainCharacter(self[labelEnds[labelEnds.count - 1] + 1]) {
            labelEnds.append(endOfRun(from: labelEnds[labelEnds.count - 1] + 1, where: Self.isDomainCharacter))
        }
        for dot in labelEnds.reversed() where self[dot] == 0x2E {
            let letters = endOfRun(from: dot + 1, where: Characters.isASCIILetter)
            if letters - (dot + 1) >= 2 { return letters }
        }
        return nil
    }

    static func isLocalPart(_ c: UInt32) -> Bool {
        Characters.isASCIILetter(c) || Characters.isASCIIDigit(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }

    static func isDomainCharacter(_ c: UInt32) -> Bool {
        Characters.isASCIILetter(c) || Characters.isASCIIDigit(c) || c == 0x2D
    }
}
