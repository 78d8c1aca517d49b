import Foundation
import PromptCompat
import Testing

/// `SHA256` against published vectors: the FIPS 180-4 examples (also in NIST's "SHA-256 examples" and
/// RFC 6234 §8.5) and, for the padding boundaries, digests computed with Python's `hashlib.sha256`.
@Suite("SHA256")
struct SHA256Tests {
    @Test("the empty message hashes to the FIPS 180-4 value")
    func emptyMessage() {
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("\"abc\" (one block) hashes to the FIPS 180-4 value")
    func abc() {
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the 448-bit message (two blocks after padding) hashes to the FIPS 180-4 value")
    func fourHundredFortyEightBits() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(message.utf8.count * 8 == 448)
        #expect(SHA256.hex(Data(message.utf8)) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("one million \"a\" hashes to the FIPS 180-4 value")
    func oneMillionA() {
        let message = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// 55 bytes is the longest message whose padding fits one block; 56 needs a second block; 64 fills one
    /// block exactly. Expected digests: `hashlib.sha256(b"a" * n).hexdigest()`.
    @Test("messages around the padding boundaries hash like hashlib.sha256", arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(SHA256.hex(Data(repeating: UInt8(ascii: "a"), count: length)) == expected)
    }

    @Test("a String is hashed as its UTF-8 bytes (Chinese text included)")
    func stringIsUTF8() {
        // hashlib.sha256("退款将在7个工作日内原路退回。".encode()).hexdigest()
        #expect(SHA256.hex("退款将在7个工作日内原路退回。") == "55dc2a943de27c0a8c9c2b7a749474dd41580355dcaea69d96cdd415f8db56f0")
        #expect(SHA256.digest(Data("abc".utf8)).count == 32)
    }
}
