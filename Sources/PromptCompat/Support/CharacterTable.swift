import Foundation

/// A fixed table from characters to values that answers a one-scalar character by its scalar's value:
/// looking a `Character` up in a dictionary hashes it through Unicode normalization, which number reading
/// did for every character of a text. Same answers as the dictionary (`==` on characters is canonical
/// equivalence: a CJK compatibility ideograph such as U+F9B2 equals 零, so those blocks, and any character of
/// several scalars, are still asked of the dictionary).
///
/// ```swift
/// let numerals = CharacterTable(["一": 1, "十": 10])
/// numerals["十"]   // 10
/// numerals["好"]   // nil
/// ```
struct CharacterTable: Sendable, ExpressibleByDictionaryLiteral {
    let table: [Character: Int]
    private let byScalar: [UInt32: Int]

    init(_ table: [Character: Int]) {
        self.table = table
        byScalar = Dictionary(uniqueKeysWithValues: table.compactMap { character, value in
            character.unicodeScalars.count == 1 ? (character.unicodeScalars.first!.value, value) : nil
        })
    }

    init(dictionaryLiteral elements: (Character, Int)...) { self.init(Dictionary(uniqueKeysWithValues: elements)) }

    var keys: Dictionary<Character, Int>.Keys { table.keys }

    subscript(_ character: Character) -> Int? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
              !(0xF900...0xFAFF).contains(first.value), !(0x2F800...0x2FA1F).contains(first.value) else { return table[character] }
        return byScalar[first.value]
    }
}
