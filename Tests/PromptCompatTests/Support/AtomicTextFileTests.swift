import Foundation
import Testing
@testable import PromptCompat

@Suite("AtomicTextFile: written in pieces, put in place whole")
struct AtomicTextFileTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("pieces larger and smaller than the buffer arrive in order, and the file replaces the old one on commit")
    func piecesInOrder() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("report.html")
        try Data("old".utf8).write(to: url)
        let pieces = (0..<200).map { "第\($0)行 line \($0)\n" + String(repeating: "字", count: $0 % 17) }
        let file = try AtomicTextFile(url: url, bufferSize: 64)
        for piece in pieces { try file.write(piece) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old", "the old file stays until commit")
        try file.commit()
        #expect(try String(contentsOf: url, encoding: .utf8) == pieces.joined())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    }

    @Test("a file abandoned before commit leaves the old file and no temporary file")
    func abandoned() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("report.json")
        try Data("{}".utf8).write(to: url)
        do {
            let file = try AtomicTextFile(url: url, bufferSize: 4)
            try file.write("{\"half\": ")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "{}")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }
}
