import Foundation
import Testing
@testable import PromptCompat

/// A provider's `rateLimit` in the suite config.
@Suite("Suite config: providers.<name>.rateLimit")
struct SuiteConfigRateLimitTests {
    static func config(_ rateLimit: String) -> String {
        """
        {
          "baseline": "qwen",
          "providers": { "qwen": { "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1", "model": "qwen-plus", "rateLimit": \(rateLimit) } }
        }
        """
    }

    @Test("requests and tokens per minute are read; either may be left out")
    func read() throws {
        let both = try SuiteConfig.decode(Self.config(#"{"requestsPerMinute": 60, "tokensPerMinute": 100000}"#), file: "promptcompat.json")
        #expect(both.provider(named: "qwen")?.rateLimit == RateLimit(requestsPerMinute: 60, tokensPerMinute: 100_000))
        let one = try SuiteConfig.decode(Self.config(#"{"requestsPerMinute": 30}"#), file: "promptcompat.json")
        #expect(one.provider(named: "qwen")?.rateLimit == RateLimit(requestsPerMinute: 30))
    }

    @Test("zero, a fraction or an unknown key is an error at its path")
    func mistakes() throws {
        for (json, path) in [
            (#"{"requestsPerMinute": 0}"#, "$.providers.qwen.rateLimit.requestsPerMinute"),
            (#"{"tokensPerMinute": 1.5}"#, "$.providers.qwen.rateLimit.tokensPerMinute"),
            (#"{"rpm": 60}"#, "$.providers.qwen.rateLimit.rpm"),
        ] {
            let error = try #require(throws: LibraryDiagnostic.self) { try SuiteConfig.decode(Self.config(json), file: "promptcompat.json") }
            #expect(error.jsonPath == path, "\(json): \(error.description)")
        }
    }
}
