import Foundation
import Testing
@testable import PromptCompat

/// The byte check a response body passes before it is parsed: the same answer as the standard library's
/// own UTF-8 decoder, on the edge cases of the encoding and on random bytes.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test("ASCII, Chinese, an emoji and the empty text are valid")
    func validTexts() {
        for text in ["", "refund", "退款须在7天内申请", "🙂 ok", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"] {
            #expect(UTF8Validation.isValid(Array(text.utf8)), "\(text)")
        }
    }

    @Test(
        "overlong forms, surrogates, code points past U+10FFFF, cut sequences and stray continuation bytes are not",
        arguments: [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],  // overlong "/"
            [0xED, 0xA0, 0x80],  // U+D800
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],  // past U+10FFFF
            [0xE9, 0x80], [0x41, 0xE9], [0xF0, 0x9F, 0x99],  // cut short
            [0x80], [0x41, 0xBF, 0x41], [0xFF], [0xE9, 0x41, 0x80],
        ] as [[UInt8]]
    )
    func invalidBytes(bytes: [UInt8]) {
        #expect(!UTF8Validation.isValid(bytes))
    }

    @Test("on random byte strings it agrees with decoding by the standard library")
    func agreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 9)
            // Mostly bytes that start or continue multi-byte sequences, where the edge cases are.
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next() % 3 == 0 ? generator.next() % 0x80 : 0x80 + generator.next() % 0x80) }
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            var decodes = true
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: break loop
                case .error: decodes = false; break loop
                }
            }
            #expect(UTF8Validation.isValid(bytes) == decodes, "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test("a body in Data is checked as its bytes")
    func data() {
        #expect(UTF8Validation.isValid(Data("早上好".utf8)))
        #expect(!UTF8Validation.isValid(Data([0x22, 0xFF, 0x22])))
    }
}
