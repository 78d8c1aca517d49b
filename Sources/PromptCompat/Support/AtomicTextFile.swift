import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file written piece by piece and put in place whole: the pieces go to a hidden file beside it,
/// which replaces the file only on ``commit()`` (one `rename`), so a reader never sees half a report and a
/// failed or abandoned write leaves the old file. A report of 10,000 cases is tens of megabytes; written
/// this way it is never one string in memory.
///
/// ```swift
/// let file = try AtomicTextFile(url: reports.appendingPathComponent("report.html"))
/// for line in lines { try file.write(line + "\n") }
/// try file.commit()
/// ```
final class AtomicTextFile {
    let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var committed = false
    /// Bytes gathered before they are written.
    let bufferSize: Int

    init(url: URL, bufferSize: Int = 1 << 20) throws {
        self.url = url
        self.bufferSize = max(1, bufferSize)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).writing-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        handle = try FileHandle(forWritingTo: temporary)
        buffer.reserveCapacity(self.bufferSize)
    }

    deinit {
        if !committed {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// The file at `url` as `produce` writes it, piece by piece, put in place when it returns.
    static func write(to url: URL, _ produce: ((String) throws -> Void) throws -> Void) throws {
        let file = try AtomicTextFile(url: url)
        try produce(file.write)
        try file.commit()
    }

    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= bufferSize { try flush() }
    }

    /// Writes what is left and puts the file in place.
    func commit() throws {
        try flush()
        try handle.close()
        guard rename(temporary.path, url.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
        }
        committed = true
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
