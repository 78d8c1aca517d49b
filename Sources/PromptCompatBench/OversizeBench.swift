import Foundation
import PromptCompat
import PromptCompatServer

/// `oversize`: what runaway answers cost in memory and in evidence. Each answer streams from a loopback
/// server without a `Content-Length` until the client hangs up:
/// - `cases` non-stream answers of 50 MiB at once, each refused at the client's 8 MiB cap: the peak
///   resident memory they add, beside the floor (every body held up to the cap at once);
/// - `cases × 4` streams that send 6 MiB of content chunks and then break before `[DONE]`: the peak they
///   add and the largest evidence one failure keeps (the cap is 4096 bytes and a note).
struct OversizeBench {
    var cases = 10
    var transport = HTTPTransportChoice.automatic

    func run() async throws {
        let cap = OpenAICompatibleClient.defaultMaxResponseBytes
        let base = maxResidentMegabytes()
        let refused = try await failures(count: cases, streaming: false) { writer in
            let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
            for _ in 0..<50 where writer.write(chunk) {}
        }
        let afterRefused = maxResidentMegabytes()
        let chunk = Data(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + String(repeating: "回答", count: 1000) + "\"}}]}\n\n").utf8)
        let cut = try await failures(count: cases * 4, streaming: true) { writer in
            for _ in 0..<(6 << 20) / chunk.count where writer.write(chunk) {}
        }
        let afterCut = maxResidentMegabytes()
        let causes = Set((refused + cut).map(\.causeName)).sorted().joined(separator: ", ")
        print("transport: \(transport.rawValue)")
        print("\(refused.count) refused bodies, \(cut.count) cut streams; causes: \(causes); baseline RSS \(base) MB")
        table([
            ("\(cases) × 50 MiB answers at once: peak added", "\(afterRefused - base) MB"),
            ("  floor: \(cases) bodies held up to the \(cap >> 20) MiB cap", "\(cases * cap >> 20) MB"),
            ("\(cases * 4) streams cut after 6 MiB: peak added", "\(max(0, afterCut - afterRefused)) MB (on top of the above)"),
            ("largest evidence of one failure", "\((refused + cut).map { $0.evidence?.utf8.count ?? 0 }.max() ?? 0) bytes  (cap \(ProviderFailure.evidenceLimit) + a note)"),
        ])
    }

    /// `count` requests at once to a server producing `body`; the failures they end in.
    private func failures(count: Int, streaming: Bool, body: @escaping @Sendable (ResponseWriter) -> Void) async throws -> [ProviderFailure] {
        let server = try LoopbackServer { _ in .produced(headers: ["Content-Type": streaming ? "text/event-stream" : "application/json"], body: body) }
        defer { server.stop() }
        let config = ProviderConfig(name: "oversize", profile: "openai-compatible", baseURL: server.baseURL, model: "m")
        let client = OpenAICompatibleClient(config: config, timeout: 60, streaming: streaming, environment: [:], connectionsPerHost: count, transport: transport)
        let request = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")], parameters: JSONObject())
        return await withTaskGroup(of: ProviderFailure?.self) { group in
            for _ in 0..<count {
                group.addTask {
                    do throws(ProviderFailure) { _ = try await client.complete(request); return nil } catch { return error }
                }
            }
            return await group.reduce(into: []) { if let failure = $1 { $0.append(failure) } }
        }
    }
}
