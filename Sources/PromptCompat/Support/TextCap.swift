import Foundation

/// Cuts text that goes into evidence and reports to a byte budget, at a character boundary, and says
/// how much was left out, so a runaway answer cannot fill a disk or a pull-request comment.
///
/// ```swift
/// TextCap.cut(String(repeating: "好", count: 5000), toBytes: 4096)   // 1365 × "好" + "… 10905 bytes more"
/// ```
public enum TextCap {
    /// `text` whole when it fits in `limit` UTF-8 bytes; else its longest start that fits, then
    /// `… N bytes more` with N counted against `totalBytes` (the size of the whole, when `text` is
    /// already only its start).
    ///
    /// A text this made already (its start within `limit`, then the note) comes back unchanged, so
    /// evidence cut once and then redacted or copied is not cut again.
    public static func cut(_ text: String, toBytes limit: Int, totalBytes: Int? = nil) -> String {
        let total = totalBytes ?? text.utf8.count
        guard total > limit, totalBytes != nil || !isCut(text, toBytes: limit) else { return text }
        var kept = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf8.count
            guard kept + width <= limit else { break }
            kept += width
            end = text.index(after: index)
        }
        return String(text[..<end]) + "… \(total - kept) bytes more"
    }

    /// Whether `text` is a start within `limit` bytes followed by the note ``cut(_:toBytes:totalBytes:)`` adds.
    static func isCut(_ text: String, toBytes limit: Int) -> Bool {
        guard text.hasSuffix(" bytes more"), let mark = text.range(of: "… ", options: .backwards) else { return false }
        let count = text[mark.upperBound...].dropLast(" bytes more".count)
        return !count.isEmpty && count.allSatisfy(\.isASCII) && Int(count) != nil && text[..<mark.lowerBound].utf8.count <= limit
    }
}
