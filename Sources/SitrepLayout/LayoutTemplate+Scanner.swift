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

    /// Cuts a template into text and tags, following delimiter changes. Works on UTF-8 bytes:
    /// line ends, sigils and spaces are ASCII, and a delimiter matches as its bytes.
    struct Scanner {
        private let bytes: [UInt8]
        private let file: String
        private let text: String
        private var open: [UInt8] = Array("{{".utf8)
        private var close: [UInt8] = Array("}}".utf8)
        private var line = 1
        private var lineStart = 0

        init(_ text: String, file: String) {
            self.bytes = Array(text.utf8)
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
            while position < bytes.count {
                if bytes[position] == newline {
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
            flushText(upTo: bytes.count)
            return tokens
        }

        /// The tag starting at `start` (nil for a delimiter change, which is applied), and where
        /// the text after it starts.
        private mutating func scanTag(at start: Int) throws(DiagnosticError) -> (Tag?, Int) {
            let tagLocation = location(of: start)
            var position = start + open.count
            let sigil = position < bytes.count ? Unicode.Scalar(bytes[position]) : nil
            var kind = Tag.Kind.variable
            var closer = close
            switch sigil {
            case "{": kind = .raw; closer = [UInt8(ascii: "}")] + close
            case "&": kind = .raw
            case "#": kind = .section
            case "^": kind = .inverted
            case "/": kind = .close
            case ">": kind = .partial
            case "!": kind = .comment
            case "=": kind = .delimiters; closer = [UInt8(ascii: "=")] + close
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
            while contentStart < end, Self.isSpace(bytes[contentStart]) { contentStart += 1 }
            var contentEnd = end
            while contentEnd > contentStart, Self.isSpace(bytes[contentEnd - 1]) { contentEnd -= 1 }
            let tag = Tag(kind: kind, content: string(contentStart..<contentEnd),
                          location: contentStart < end ? location(of: contentStart) : tagLocation)
            for index in start..<end where bytes[index] == newline {
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
            guard parts.count == 2, !parts.contains(where: { $0.contains(Character("=")) }) else {
                throw DiagnosticError(problem(at: tag.location, "'\(tag.content)' does not set two delimiters",
                                              hint: "write the new opening and closing delimiters apart, e.g. {{=<% %>=}}"))
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
        }

        /// swift-mustache's `{{% CONTENT_TYPE: HTML}}` is accepted (every layout is HTML); any
        /// other setting is refused.
        private func checkPragma(_ tag: Tag) throws(DiagnosticError) {
            let words = tag.content.split(separator: Character(":"), maxSplits: 1).map { $0.trimmingSpaces }
            guard words.count == 2, words[0] == "CONTENT_TYPE", words[1] == "HTML" || words[1] == "SITREP_HTML" else {
                throw DiagnosticError(problem(at: tag.location, "'{{% \(tag.content)}}' is not supported",
                                              hint: "layouts are HTML and text from data is always escaped: remove the tag"))
            }
        }

        private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
            guard position + delimiter.count <= bytes.count else { return false }
            for (offset, byte) in delimiter.enumerated() where bytes[position + offset] != byte { return false }
            return true
        }

        private func find(_ delimiter: [UInt8], from start: Int, acrossLines: Bool) -> Int? {
            var position = start
            while position < bytes.count {
                if matches(delimiter, at: position) { return position }
                if !acrossLines, bytes[position] == newline { return nil }
                position += 1
            }
            return nil
        }

        /// The line, and the column in characters (ASCII bytes are one each).
        private func location(of position: Int) -> Location {
            let prefix = bytes[lineStart..<position]
            let column = prefix.allSatisfy { $0 < 0x80 } ? prefix.count : string(lineStart..<position).count
            return Location(line: line, column: column + 1)
        }

        private func string(_ range: Range<Int>) -> String {
            String(decoding: bytes[range], as: UTF8.self)
        }

        private func string(of delimiter: [UInt8]) -> String {
            String(decoding: delimiter, as: UTF8.self)
        }

        private let newline = UInt8(ascii: "\n")

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
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
