import SitrepDiagnostics
import SitrepMarkdown

/// The addresses a narrative's links and images may point to: relative ones (`../2022-05/`,
/// `#notes`), and `http:`, `https:` and `mailto:`. cmark's safe mode already drops `javascript:`,
/// `vbscript:`, `file:` and `data:`; any other scheme (`ftp:`, `tel:`, an app's own) written by the
/// author is an error too, and one that a figure's value brings is removed with a warning, so
/// that no page links anywhere but to the web or to an e-mail address.
enum LinkDestination {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The scheme of `url` as a browser reads it, in lowercase (tabs and line breaks removed,
    /// leading spaces and control characters ignored), or nil for a relative address.
    static func scheme(of url: String) -> String? {
        let scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.value <= 0x20 }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let letter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let other = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard letter || !scheme.isEmpty && other else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// The error for the link or image `node` when the address its author wrote (before any
    /// placeholder is filled in) has a scheme that is not allowed. `markedText` is the text cmark
    /// parsed, whose first line is line `lineOffset + 1` of `file`.
    static func authoredProblem(_ node: MarkdownNode, markedText: @autoclosure () -> String, file: String, lineOffset: Int) -> Diagnostic? {
        guard let url = node.url, let scheme = scheme(of: url), !allowedSchemes.contains(scheme) else { return nil }
        return Diagnostic(
            at: location(of: node, markedText: markedText(), file: file, lineOffset: lineOffset),
            "a link to a '\(scheme):' address: links may go to http:, https: or mailto: addresses, or to a relative path",
            hint: "link to a web page (https://…) or an e-mail address (mailto:…); for a file, put it in templates/assets/ "
                + "and link to it relatively (../../assets/NAME from a report)")
    }

    /// Once placeholders are filled in: when a figure's value made the address one with a scheme
    /// that is not allowed, the address is removed (as cmark's safe mode removes `javascript:`)
    /// and a warning says where.
    static func removeFilledInScheme(_ node: MarkdownNode, markedText: @autoclosure () -> String, file: String, lineOffset: Int) -> Diagnostic? {
        guard let url = node.url, let scheme = scheme(of: url), !allowedSchemes.contains(scheme) else { return nil }
        node.url = ""
        return Diagnostic(
            .warning, at: location(of: node, markedText: markedText(), file: file, lineOffset: lineOffset),
            "a figure's value made this link's address a '\(scheme):' one; the link was published without an address",
            hint: "links may go to http:, https: or mailto: addresses, or to a relative path: correct the value in the data")
    }

    /// Where `node` starts in `file`: its line, and its column unless a placeholder on the same
    /// line before it makes cmark's columns differ from the file's.
    private static func location(of node: MarkdownNode, markedText: String, file: String, lineOffset: Int) -> SourceLocation {
        let line = node.startLine
        let lines = markedText.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, line <= lines.count else { return SourceLocation(file: file) }
        // cmark counts bytes, the file's columns are characters.
        let prefix = lines[line - 1].utf8.prefix(max(node.startColumn - 1, 0))
        guard let before = String(prefix), !before.unicodeScalars.contains("\u{E000}") else {
            return SourceLocation(file: file, line: lineOffset + line)
        }
        return SourceLocation(file: file, line: lineOffset + line, column: before.count + 1)
    }
}
