/// The labels that mark a row of a table as a totals row (`Total`, `Grand total`, `Итого`): a
/// stated sum of other rows, kept apart from the data (``Table/statedTotals``) and checked
/// against the rows it adds up.
///
/// The default words of every language sitrep knows are recognised in every series, whatever its
/// locale: data files often come from a source in another language than the report. `series.yml`
/// adds words (`totals: [Sum of all]`), for the series or for one table.
public struct TotalsWords: Sendable, Equatable {
    /// The default words, lowercase, by language.
    public static let defaults: [(language: String, words: [String])] = [
        ("en", ["total", "totals", "grand total", "subtotal", "sub-total", "overall total"]),
        ("fr", ["total", "totaux", "total général", "total general", "sous-total"]),
        ("es", ["total", "totales", "total general", "subtotal"]),
        ("pt", ["total", "total geral", "subtotal"]),
        ("de", ["gesamt", "insgesamt", "summe", "gesamtsumme"]),
        ("ru", ["итого", "всего", "итог", "общий итог"]),
        ("uk", ["усього", "всього", "разом", "загалом", "підсумок"]),
        ("ar", ["المجموع", "الإجمالي", "الاجمالي", "المجموع الكلي"]),
    ]

    /// The words in use, lowercase.
    private let words: Set<String>
    /// The longest word in UTF-8 bytes: a longer key is not looked up.
    private let longest: Int
    /// Which bytes a word can start with (ASCII letters in both cases): most keys are turned
    /// away by their first byte, without being lowercased.
    private let firstBytes: [Bool]

    /// The default words and `extra` ones (from `series.yml`), compared without case and without
    /// the spaces or a colon around them.
    public init(adding extra: [String] = []) {
        var words = Set(Self.defaults.flatMap(\.words))
        for word in extra { words.insert(Self.comparable(word)) }
        self.words = words
        longest = words.map(\.utf8.count).max() ?? 0
        var firstBytes = Array(repeating: false, count: 256)
        for word in words {
            guard let first = word.utf8.first else { continue }
            firstBytes[Int(first)] = true
            if first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { firstBytes[Int(first - 0x20)] = true }
            // A capital outside ASCII may start with another byte than its small letter (Σ, σ).
            if first >= 0x80 { for byte in 0x80...0xFF { firstBytes[byte] = true } }
        }
        self.firstBytes = firstBytes
    }

    /// The default words only.
    public static let standard = TotalsWords()

    /// True when `key` is a totals word: `Total`, `TOTAL`, `Total:`, `Итого`.
    public func contains(_ key: String) -> Bool {
        guard key.utf8.count <= longest + 4, let first = key.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
              firstBytes[Int(first)] else { return false }
        return words.contains(Self.comparable(key))
    }

    private static func comparable(_ text: String) -> String {
        if let ascii = text.utf8.withContiguousStorageIfAvailable(asciiComparable), let ascii { return ascii }
        var label = text.trimmingSpaces()
        if label.last == ":" { label.removeLast() }
        return String(label).trimmingSpaces().lowercased()
    }

    /// ``comparable(_:)`` of ASCII text, on its bytes; nil for other text. In ASCII a character
    /// is a byte (CR LF aside, neither a blank nor a colon), so trimming bytes trims the same
    /// characters: trimming by `Character` cost 2,700 instructions a key.
    private static func asciiComparable(_ utf8: UnsafeBufferPointer<UInt8>) -> String? {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = 0
        var end = utf8.count
        while start < end && isBlank(utf8[start]) { start += 1 }
        while end > start && isBlank(utf8[end - 1]) { end -= 1 }
        if end > start && utf8[end - 1] == UInt8(ascii: ":") { end -= 1 }
        while end > start && isBlank(utf8[end - 1]) { end -= 1 }
        return String(unsafeUninitializedCapacity: end - start) { lowered in
            for offset in start..<end {
                let byte = utf8[offset]
                lowered[offset - start] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
            }
            return end - start
        }
    }
}
