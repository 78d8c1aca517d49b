import Foundation

extension LibraryDiagnostic {
    /// The text of a library file, or a diagnostic at the line and column of its first byte that is not
    /// UTF-8 (columns count characters, as the JSON parser's do), so a mangled byte is as easy to find
    /// as a syntax error.
    ///
    /// ```swift
    /// try LibraryDiagnostic.utf8Text(Data([0x7B, 0x0A, 0x20, 0xFF]), file: "prompts/a.json")
    /// // throws: prompts/a.json:2:2: error: the file is not UTF-8: byte 0xFF at offset 3 cannot start or continue a character
    /// ```
    public static func utf8Text(_ data: Data, file: String) throws(LibraryDiagnostic) -> String {
        if let text = String(data: data, encoding: .utf8) { return text }
        var decoder = UTF8()
        var bytes = data.makeIterator()
        var position = SourcePosition(line: 1, column: 1)
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&bytes) {
            offset += UTF8.width(scalar)
            if scalar == "\n" { position = SourcePosition(line: position.line + 1, column: 1) } else { position.column += 1 }
        }
        let byte = offset < data.count ? data[data.startIndex + offset] : 0
        throw LibraryDiagnostic(.error, file: file, position: position, message: "the file is not UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) cannot start or continue a character")
    }
}
