import SitrepDiagnostics

extension LayoutTemplate {
    /// A piece of a template, before lines holding a lone tag are removed.
    enum Token {
        /// Text holding no line end, or ending with one.
        case text(String)
        case tag(Tag)
    }

    struct Tag {
        enum Kind {
            case variable, raw, section, inverted, close, partial, comment, delimiters, pragma

            /// Whether the tag, alone on its line, removes the line.
            var canStandAlone: Bool { self != .variable && self != .raw }
        }

        var kind: Kind
        /// The text between the delimiters and the sigil, spaces trimmed.
        var content: String
        /// Where the content starts (the tag's start when it is empty).
        var location: Location
    }

    /// Cuts a template into text and tags, following delimiter changes.
    struct Scanner {
        private let scalars: [Unicode.Scalar]
        private let file: String
        private let text: String
        private var open: [Unicode.Scalar] = Array("{{".unicodeScalars)
        private var close: [Unicode.Scalar] = Array("}}".unicodeScalars)
        private var line = 1
        private var lineStart = 0

        init(_ text: String, file: String) {
            self.scalars = Array(text.unicodeScalars)
            self.file = file
            self.text = text
        }

        mutating func tokens() throws(DiagnosticError) -> [Token] {
            var tokens: [Token] = []
            var position = 0
            var textStart = 0
            func flushText(upTo end: Int) {
                if end > textStart { tokens.append(.text(string(textStart..<end))) }
            }
            while position < scalars.count {
                if scalars[position] == "\n" {
                    position += 1
                    flushText(upTo: position)
                    textStart = position
                    line += 1
                    lineStart = position
                } else if matches(open, at: position) {
                    flushText(upTo: position)
                    let (tag, end) = try scanTag(at: position)
                    if let tag { tokens.append(.tag(tag)) }
                    position = end
                    textStart = end
                } else {
                    position += 1
                }
            }
            flushText(upTo: scalars.count)
            return tokens
        }

        /// The tag starting at `start` (nil for a delimiter change, which is applied), and where
        /// the text after it starts.
        private mutating func scanTag(at start: Int) throws(DiagnosticError) -> (Tag?, Int) {
            let tagLocation = location(of: start)
            var position = start + open.count
            let sigil = position < scalars.count ? scalars[position] : nil
            var kind = Tag.Kind.variable
            var closer = close
            switch sigil {
            case "{": kind = .raw; closer = ["}"] + close
            case "&": kind = .raw
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "!": kind = .comment
            case "=": kind = .delimiters; closer = ["="] + close
            case "%": kind = .pragma
            case "<", "$":
                throw DiagnosticError(problem(at: tagLocation, "template inheritance ({{< name}} and {{$ block}}) is not supported",
                                              hint: "include a partial with {{> name}} instead"))
            default: break
            }
            if kind != .variable { position += 1 }
            guard let end = find(closer, from: position, acrossLines: kind == .comment) else {
                throw DiagnosticError(problem(
                    at: tagLocation, "a tag is not closed: '\(string(of: open))' has no '\(string(of: closer))' after it on its line",
                    hint: "close the tag with \(string(of: closer)), or remove the \(string(of: open))"))
            }
            var contentStart = position
            while contentStart < end, scalars[contentStart].properties.isWhitespace { contentStart += 1 }
            var contentEnd = end
            while contentEnd > contentStart, scalars[contentEnd - 1].properties.isWhitespace { contentEnd -= 1 }
            let tag = Tag(kind: kind, content: string(contentStart..<contentEnd),
                          location: contentStart < end ? location(of: contentStart) : tagLocation)
            for index in start..<end where scalars[index] == "\n" {
                line += 1
                lineStart = index + 1
            }
            let after = end + closer.count
            switch kind {
            case .delimiters:
                try changeDelimiters(tag)
            case .pragma:
                try checkPragma(tag)
            case .partial where tag.content.hasPrefix("*"):
                throw DiagnosticError(problem(at: tag.location, "a partial named by data ({{>*name}}) is not supported",
                                              hint: "name the partial in the layout: {{> footer}}"))
            default:
                break
            }
            return (tag, after)
        }

        /// `{{=<% %>=}}`: two delimiters, apart, neither holding `=` or a space.
        private mutating func changeDelimiters(_ tag: Tag) throws(DiagnosticError) {
            let parts = tag.content.split(whereSeparator: { $0.isWhitespace })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw DiagnosticError(problem(at: tag.location, "'\(tag.content)' does not set two delimiters",
                                              hint: "write the new opening and closing delimiters apart, e.g. {{=<% %>=}}"))
            }
            open = Array(parts[0].unicodeScalars)
            close = Array(parts[1].unicodeScalars)
        }

        /// swift-mustache's `{{% CONTENT_TYPE: HTML}}` is accepted (every layout is HTML); any
        /// other setting is refused.
        private func checkPragma(_ tag: Tag) throws(DiagnosticError) {
            let words = tag.content.split(separator: ":", maxSplits: 1).map { $0.trimmingSpaces }
            guard words.count == 2, words[0] == "CONTENT_TYPE", words[1] == "HTML" || words[1] == "SITREP_HTML" else {
                throw DiagnosticError(problem(at: tag.location, "'{{% \(tag.content)}}' is not supported",
                                              hint: "layouts are HTML and text from data is always escaped: remove the tag"))
            }
        }

        private func matches(_ delimiter: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + delimiter.count <= scalars.count else { return false }
            for (offset, scalar) in delimiter.enumerated() where scalars[position + offset] != scalar { return false }
            return true
        }

        private func find(_ delimiter: [Unicode.Scalar], from start: Int, acrossLines: Bool) -> Int? {
            var position = start
            while position < scalars.count {
                if matches(delimiter, at: position) { return position }
                if !acrossLines, scalars[position] == "\n" { return nil }
                position += 1
            }
            return nil
        }

        private func location(of position: Int) -> Location {
            Location(line: line, column: string(lineStart..<position).count + 1)
        }

        private func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        private func string(of scalars: [Unicode.Scalar]) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }

        private func problem(at location: Location, _ message: String, hint: String) -> Diagnostic {
            LayoutTemplate.problem(in: file, text: text, at: location, message, hint: hint)
        }
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
