import Foundation
import PromptCompat
import Testing

/// `Embedding`: reading both body shapes, mean pooling, cosine and the 0…1 mapping.
@Suite("Embedding")
struct EmbeddingTests {
    @Test("a flat vector is read as is, with no pooling recorded")
    func flatVector() throws {
        let embedding = try #require(Embedding(json: try JSONValue(parsing: "[0.5, -1, 2e-3]")))
        #expect(embedding.vector == [0.5, -1, 0.002])
        #expect(embedding.pooledTokens == nil)
    }

    @Test("per-token vectors are averaged element by element")
    func tokenVectorsAreMeanPooled() throws {
        // Columns: (1+3)/2 = 2, (-2+0)/2 = -1.
        let embedding = try #require(Embedding(json: try JSONValue(parsing: "[[1, -2], [3, 0]]")))
        #expect(embedding.vector == [2, -1])
        #expect(embedding.pooledTokens == 2)
    }

    @Test("shapes that are not one vector or equal-length token vectors are rejected", arguments: [
        "[]", "[[]]", "[[1, 2], [3]]", "[1, [2]]", "[\"a\"]", "{\"a\": 1}", "3",
    ])
    func rejectedShapes(json: String) throws {
        #expect(Embedding(json: try JSONValue(parsing: json)) == nil)
    }

    @Test("cosine: same direction 1, orthogonal 0, opposite -1, 45° √½")
    func cosine() throws {
        // Expected values from the geometry; floating point may miss them in the last bit.
        let cases: [([Double], [Double], Double)] = [
            ([1, 2, 3], [2, 4, 6], 1), ([1, 0], [0, 5], 0), ([1, 1], [-1, -1], -1), ([1, 0], [1, 1], 0.5.squareRoot()),
        ]
        for (a, b, expected) in cases {
            let cosine = try #require(Embedding.cosine(a, b))
            #expect(abs(cosine - expected) < 1e-12, "\(a) · \(b) = \(cosine)")
        }
    }

    @Test("cosine is undefined for different dimensions or a zero vector")
    func cosineUndefined() {
        #expect(Embedding.cosine([1, 2], [1, 2, 3]) == nil)
        #expect(Embedding.cosine([0, 0], [1, 2]) == nil)
        #expect(Embedding.cosine([], []) == nil)
    }

    @Test("similarity maps cosine to 0…1 as max(0, cosine)")
    func similarityMapping() {
        #expect(Embedding(vector: [1, 0]).similarity(to: Embedding(vector: [3, 0])) == 1)
        #expect(Embedding(vector: [1, 0]).similarity(to: Embedding(vector: [0, 1])) == 0)
        #expect(Embedding(vector: [1, 0]).similarity(to: Embedding(vector: [-1, 0])) == 0)
        // cos = (1·1 + 0·1) / (1 · √2) = √½ ≈ 0.7071
        let half = Embedding(vector: [1, 0]).similarity(to: Embedding(vector: [1, 1])) ?? -1
        #expect(abs(half - 0.5.squareRoot()) < 1e-12)
    }
}
