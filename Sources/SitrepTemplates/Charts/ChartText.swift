/// Text measured and fitted without a font. A chart is drawn at build time, where no font is
/// loaded (and the reader's system font is unknown), so the width of a label is estimated from
/// a table of character widths in ems, taken from Arial/Helvetica and rounded up so that
/// estimates err on the wide side:
///
/// | characters | em |
/// |---|---|
/// | `i j l . , : ; ' ! \|` | 0.28 |
/// | space, `f r t I ( ) [ ] -` | 0.36 |
/// | digits, other lower-case Latin letters, other ASCII | 0.58 |
/// | `m w` | 0.86 |
/// | other upper-case Latin letters | 0.70 |
/// | `M W % @` | 0.90 |
/// | other letters (Latin with accents, Cyrillic, Greek, Arabic…) | 0.66 |
/// | wide scripts (CJK, Hangul, full-width forms) | 1.00 |
/// | combining marks, joiners | 0 |
enum ChartText {
    /// The estimated width of `text` set at `fontSize` (in the chart's units).
    static func width(_ text: some StringProtocol, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += em(scalar) }
        return ems * fontSize
    }

    private static func em(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", ".", ",", ":", ";", "'", "!", "|": return 0.28
        case " ", "f", "r", "t", "I", "(", ")", "[", "]", "-": return 0.36
        case "m", "w": return 0.86
        case "M", "W", "%", "@": return 0.90
        case "A"..."Z": return 0.70
        case "\u{0}"..."\u{7F}": return 0.58
        case "\u{300}"..."\u{36F}", "\u{200B}"..."\u{200F}", "\u{FE00}"..."\u{FE0F}": return 0
        case "\u{1100}"..."\u{11FF}", "\u{2E80}"..."\u{A4CF}", "\u{AC00}"..."\u{D7AF}", "\u{F900}"..."\u{FAFF}",
             "\u{FF00}"..."\u{FF60}", "\u{20000}"..."\u{3FFFF}": return 1.0
        default: return 0.66
        }
    }

    /// `text` broken at spaces into at most `maxLines` lines of at most `width` each. A word
    /// longer than a line, or text that needs more lines, is cut and ends with "…"; `cut` says so,
    /// so that the caller can give the full text as a tooltip.
    static func lines(_ text: String, width: Double, fontSize: Double, maxLines: Int) -> (lines: [String], cut: Bool) {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if Self.width(candidate, fontSize: fontSize) <= width || current.isEmpty {
                current = candidate
                continue
            }
            lines.append(current)
            current = String(word)
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        var cut = lines.count > maxLines
        if cut { lines = Array(lines.prefix(maxLines)) }
        for index in lines.indices where Self.width(lines[index], fontSize: fontSize) > width || (cut && index == lines.count - 1) {
            lines[index] = truncated(lines[index], width: width, fontSize: fontSize)
            cut = true
        }
        return (lines, cut)
    }

    /// `text` cut to fit `width` with "…" at its end, at a whole character.
    static func truncated(_ text: String, width: Double, fontSize: Double) -> String {
        let ellipsis = Self.width("…", fontSize: fontSize)
        var kept = ""
        var used = 0.0
        for character in text {
            let next = Self.width(String(character), fontSize: fontSize)
            if used + next + ellipsis > width { break }
            kept.append(character)
            used += next
        }
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }
}
