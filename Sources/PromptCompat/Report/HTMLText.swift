import Foundation

/// Text made safe for HTML: every character that could open a tag, end an attribute or start an
/// entity is replaced by its entity, so model output, prompt text and JSON always render as text.
///
/// ```swift
/// HTMLText.escape("<script>alert('1')</script> & \"x\"")
/// // "&lt;script&gt;alert(&#39;1&#39;)&lt;/script&gt; &amp; &quot;x&quot;"
/// ```
public enum HTMLText {
    /// The replaced characters and their entities.
    static let entities: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;",
    ]

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities; safe in element content and in a
    /// quoted attribute value.
    ///
    /// Works on Unicode scalars, not characters: a `<` followed by a combining mark is one `Character`
    /// that is not equal to `"<"`, but the browser still reads its first byte as `<`.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { entities[$0] != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let entity = entities[scalar] { out.append(contentsOf: entity.unicodeScalars) } else { out.append(scalar) }
        }
        return String(out)
    }
}
