import SitrepMarkdown

/// Decides whether a point in a text node starts a sentence, by looking at the text before it
/// in the same paragraph or heading.
enum SentenceStart {
    /// True when `before` (the node's text up to the point) and the inline nodes before the node
    /// end a sentence or the block starts there.
    static func isAtStart(after before: Substring, in node: MarkdownNode) -> Bool {
        let trimmed = before.trimmingTrailingWhitespace()
        if !trimmed.isEmpty { return endsSentence(trimmed, hadSpace: trimmed.endIndex < before.endIndex) }
        var sibling = node.previous
        while let current = sibling {
            switch current.kind {
            case .softBreak, .lineBreak:
                sibling = current.previous
            case .text, .code:
                let text = Substring(current.literal ?? "").trimmingTrailingWhitespace()
                if text.isEmpty { sibling = current.previous; continue }
                return endsSentence(text, hadSpace: true)
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

    private static let longestAbbreviation = abbreviations.map(\.unicodeScalars.count).max() ?? 0

    /// Closing quotes and brackets that may follow a sentence's full stop.
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»"]

    /// Whether `text` ends a sentence. Worked on Unicode scalars rather than characters: this
    /// runs for every placeholder, and every character it looks at is a single scalar.
    private static func endsSentence(_ text: Substring, hadSpace: Bool) -> Bool {
        guard hadSpace else { return false }
        let scalars = text.unicodeScalars
        let wordStart = scalars.lastIndex(where: { $0 == " " || $0 == "\n" || $0 == "(" }).map { scalars.index(after: $0) } ?? scalars.startIndex
        if scalars.distance(from: wordStart, to: scalars.endIndex) <= longestAbbreviation,
           abbreviations.contains(String(scalars[wordStart...])) { return false }
        var end = scalars.endIndex
        while end > scalars.startIndex, closers.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        guard end > scalars.startIndex else { return true }
        let last = scalars[scalars.index(before: end)]
        return last == "." || last == "!" || last == "?"
    }
}

extension Substring {
    fileprivate func trimmingTrailingWhitespace() -> Substring {
        let scalars = unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex {
            let last = scalars[scalars.index(before: end)]
            guard last == " " || last == "\t" || last == "\n" else { break }
            end = scalars.index(before: end)
        }
        return self[..<end]
    }
}
