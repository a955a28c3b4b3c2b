/// The rules that make two values which look the same to a reader the same text: characters
/// nobody can see are refused (``firstInvisible(in:)``), and spaces that only look different
/// are made plain (``normalisedKey(_:)``). Canonically equivalent spellings (`é` written as one
/// character or as `e` and a combining accent) need nothing: Swift compares and hashes strings
/// by canonical equivalence, so they are one key already.
public enum CSVValueText {
    /// The first character in `text` that a reader cannot see and that would make two values
    /// that look the same differ, with its offset in `text`'s UTF-8; nil when there is none.
    ///
    /// Refused: control characters other than tabs and line breaks (C0, DEL and C1), the zero
    /// width space (U+200B), word joiner (U+2060) and byte order mark (U+FEFF), and the zero
    /// width (non-)joiners (U+200C, U+200D) next to an ASCII character or at either end: Persian,
    /// Indic scripts and emoji need them between their own characters, Latin text never does.
    public static func firstInvisible(in text: String) -> (scalar: Unicode.Scalar, utf8Offset: Int)? {
        guard text.withBorrowedUTF8({ $0.contains(where: mayBeInvisible) }) else { return nil }
        let scalars = Array(text.unicodeScalars)
        var offset = 0
        for (index, scalar) in scalars.enumerated() {
            if isInvisible(scalar, in: scalars, at: index) { return (scalar, offset) }
            offset += UTF8.width(scalar)
        }
        return nil
    }

    /// The number of characters in the first `utf8Offset` bytes of `text`, for a column.
    public static func characters(in text: String, before utf8Offset: Int) -> Int {
        String(decoding: text.utf8.prefix(utf8Offset), as: UTF8.self).count
    }

    /// `U+200B (zero width space)`: how a message names a character it must not show.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let name = names[scalar] { return "\(code) (\(name))" }
        return scalar.properties.generalCategory == .control ? "\(code) (a control character)" : code
    }

    /// A dimension value as a key: spaces and tabs around it dropped (quoted values too), and
    /// no-break spaces (U+00A0, U+2007, U+202F) made plain spaces. Returns `text` itself when
    /// there is nothing to change, which is almost always.
    public static func normalisedKey(_ text: String) -> String {
        if text.withBorrowedUTF8(isNormalisedKey) { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(noBreakSpaces.contains(scalar) ? " " : scalar)
        }
        var slice = Substring(result)
        while let edge = slice.first, edge == " " || edge == "\t" { slice.removeFirst() }
        while let edge = slice.last, edge == " " || edge == "\t" { slice.removeLast() }
        return String(slice)
    }

    /// Whether ``normalisedKey(_:)`` leaves the text of these UTF-8 bytes as it is: no space or
    /// tab at either end, and no byte that starts a no-break space (0xC2, 0xE2).
    static func isNormalisedKey(_ utf8: some BidirectionalCollection<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return true }
        let blankEdge = first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
        return !blankEdge && !utf8.contains(where: { $0 == 0xC2 || $0 == 0xE2 })
    }

    private static let noBreakSpaces: Set<Unicode.Scalar> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

    private static let names: [Unicode.Scalar: String] = [
        "\u{200B}": "zero width space", "\u{200C}": "zero width non-joiner", "\u{200D}": "zero width joiner",
        "\u{2060}": "word joiner", "\u{FEFF}": "byte order mark", "\u{1B}": "escape", "\u{1A}": "Ctrl-Z",
        "\u{7F}": "delete", "\u{0}": "NUL",
    ]

    /// A byte that starts or is a character ``firstInvisible(in:)`` may refuse: any control
    /// byte but tab, LF and CR, and the lead bytes of U+0080–U+00BF and U+2000–U+2FFF and U+FEFF.
    static func mayBeInvisible(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
            || byte == 0xEF
    }

    private static func isInvisible(_ scalar: Unicode.Scalar, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        switch scalar {
        case "\t", "\n", "\r": return false
        case "\u{200B}", "\u{2060}", "\u{FEFF}": return true
        case "\u{200C}", "\u{200D}":
            guard index > 0, index + 1 < scalars.count else { return true }
            return scalars[index - 1].isASCII || scalars[index + 1].isASCII
        default: return scalar.properties.generalCategory == .control
        }
    }
}
