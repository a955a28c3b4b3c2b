import SitrepMarkdown

/// Decides whether a point in a text node starts a sentence, by looking at the text before it
/// in the same paragraph or heading.
///
/// Worked on UTF-8 bytes, straight from cmark's literals: every character it looks for is ASCII
/// or a fixed sequence (the closing quotes), and a `String` of each paragraph before a
/// placeholder cost 2.3 K instructions (the whole check 26 M on the 100-report bench, 1.1 M so).
enum SentenceStart {
    /// True when `before` (the node's text up to the point) and the inline nodes before the node
    /// end a sentence or the block starts there.
    static func isAtStart(after before: UnsafeBufferPointer<UInt8>, in node: MarkdownNode) -> Bool {
        let end = endWithoutTrailingWhitespace(before)
        if end > 0 { return endsSentence(UnsafeBufferPointer(rebasing: before[..<end]), hadSpace: end < before.count) }
        var sibling = node.previous
        while let current = sibling {
            switch current.kind {
            case .softBreak, .lineBreak:
                sibling = current.previous
            case .text, .code:
                // nil when the node holds only whitespace (or nothing).
                let ends = current.withLiteralBytes { text -> Bool? in
                    let end = endWithoutTrailingWhitespace(text)
                    return end > 0 ? endsSentence(UnsafeBufferPointer(rebasing: text[..<end]), hadSpace: true) : nil
                } ?? nil
                if let ends { return ends }
                sibling = current.previous
            default:
                return false
            }
        }
        switch node.parent?.kind {
        case .paragraph?, .heading?: return true
        default: return false
        }
    }

    /// The line of the nearest enclosing node whose position cmark knows.
    static func line(of node: MarkdownNode) -> Int {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.startLine > 0 { return candidate.startLine }
            current = candidate.parent
        }
        return 1
    }

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = ["e.g.", "i.e.", "etc.", "approx.", "incl.", "vs.", "No.", "cf.", "St.", "Mr.", "Ms.", "Dr."]

    private static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0

    /// The abbreviations (ASCII, seven bytes at most) as `packed` words: a word is one of them
    /// exactly when its bytes are (no other spelling is canonically equal to them).
    private static let packedAbbreviations: [UInt64] = abbreviations.map { var word = $0; return word.withUTF8(packed) }

    /// Up to seven bytes and their count in one number.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        bytes.reduce(UInt64(bytes.count)) { $0 << 8 | UInt64($1) }
    }

    /// Whether `text` (a sentence's bytes, without trailing whitespace) ends a sentence.
    private static func endsSentence(_ text: UnsafeBufferPointer<UInt8>, hadSpace: Bool) -> Bool {
        guard hadSpace else { return false }
        var wordStart = text.count
        while wordStart > 0, text[wordStart - 1] != UInt8(ascii: " "), text[wordStart - 1] != UInt8(ascii: "\n"),
              text[wordStart - 1] != UInt8(ascii: "(") { wordStart -= 1 }
        if text.count - wordStart <= longestAbbreviation, packedAbbreviations.contains(packed(UnsafeBufferPointer(rebasing: text[wordStart...]))) {
            return false
        }
        // Closing quotes and brackets that may follow a sentence's full stop: " ' ) ] and ” ’ ».
        var end = text.count
        while end > 0 {
            let last = text[end - 1]
            if last == UInt8(ascii: "\"") || last == UInt8(ascii: "'") || last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
                end -= 1
            } else if end >= 3, text[end - 3] == 0xE2, text[end - 2] == 0x80, last == 0x9D || last == 0x99 {
                end -= 3
            } else if end >= 2, text[end - 2] == 0xC2, last == 0xBB {
                end -= 2
            } else {
                break
            }
        }
        guard end > 0 else { return true }
        let last = text[end - 1]
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
    }

    /// The length of `text` without its trailing spaces, tabs and line feeds.
    private static func endWithoutTrailingWhitespace(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = text.count
        while end > 0, text[end - 1] == UInt8(ascii: " ") || text[end - 1] == UInt8(ascii: "\t") || text[end - 1] == UInt8(ascii: "\n") {
            end -= 1
        }
        return end
    }
}
