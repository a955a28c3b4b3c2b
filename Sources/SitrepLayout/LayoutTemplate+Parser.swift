import SitrepDiagnostics

extension LayoutTemplate {
    /// A token once lines are settled: a tag on a line of its own has lost the line's spaces
    /// and line end; every other line starts with `lineStart`.
    enum Piece {
        case text(String)
        case lineStart
        case tag(Tag, indentation: String)
    }

    /// The Mustache specification's standalone rule: a line holding only spaces and one
    /// section, inverted section, closing, partial, comment, delimiter or pragma tag is removed,
    /// keeping the tag; a partial keeps the spaces before it as its indentation.
    static func removingStandaloneLines(_ tokens: [Token]) -> [Piece] {
        var pieces: [Piece] = []
        var line: [Token] = []
        func settle() {
            defer { line.removeAll(keepingCapacity: true) }
            guard !line.isEmpty else { return }
            var tags: [Tag] = []
            var blank = true
            var indentation = ""
            for token in line {
                switch token {
                case .tag(let tag): tags.append(tag)
                case .text(let text):
                    if !isBlank(text) { blank = false }
                    if tags.isEmpty { indentation = text }
                }
            }
            if blank, tags.count == 1, tags[0].kind.canStandAlone {
                pieces.append(.tag(tags[0], indentation: indentation))
                return
            }
            pieces.append(.lineStart)
            for token in line {
                switch token {
                case .text(let text): pieces.append(.text(text))
                case .tag(let tag): pieces.append(.tag(tag, indentation: ""))
                }
            }
        }
        for token in tokens {
            line.append(token)
            if case .text(let text) = token, text.utf8.last == UInt8(ascii: "\n") { settle() }
        }
        settle()
        return pieces
    }

    /// Spaces and tabs, then maybe a line end.
    private static func isBlank(_ text: String) -> Bool {
        var body = text.utf8[...]
        if body.last == UInt8(ascii: "\n") { body = body.dropLast() }
        if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
        return body.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Nests sections, checking that each is closed by its own name.
    static func tree(of pieces: [Piece], file: String, text: String) throws(DiagnosticError) -> [Node] {
        struct Open {
            var name: Name
            var inverted: Bool
            var nodes: [Node] = []
        }
        func problem(_ location: Location, _ message: String, hint: String) -> DiagnosticError {
            DiagnosticError(LayoutTemplate.problem(in: file, text: text, at: location, message, hint: hint))
        }
        var top: [Node] = []
        var open: [Open] = []
        func add(_ node: Node) {
            if open.isEmpty { top.append(node) } else { open[open.count - 1].nodes.append(node) }
        }
        for piece in pieces {
            switch piece {
            case .text(let text): add(.text(text))
            case .lineStart: add(.lineStart)
            case .tag(let tag, let indentation):
                switch tag.kind {
                case .comment, .delimiters, .pragma:
                    break
                case .variable, .raw:
                    add(.variable(try Name.parse(tag, file: file, text: text), raw: tag.kind == .raw))
                case .section, .inverted:
                    open.append(Open(name: try Name.parse(tag, file: file, text: text), inverted: tag.kind == .inverted))
                case .partial:
                    guard !tag.content.isEmpty, !tag.content.contains(where: \.isWhitespace) else {
                        throw problem(tag.location, "'{{> \(tag.content)}}' does not name one partial",
                                      hint: "write the partial's file name without .mustache, e.g. {{> footer}}")
                    }
                    add(.partial(tag.content, indentation: indentation, at: tag.location))
                case .close:
                    guard let section = open.popLast() else {
                        throw problem(tag.location, "'{{/\(tag.content)}}' closes a section that was not opened",
                                      hint: "remove it, or open the section with {{#\(tag.content)}}")
                    }
                    guard section.name.written == tag.content else {
                        throw problem(tag.location,
                                      "'{{/\(tag.content)}}' closes the section '\(section.name.written)' opened at line \(section.name.location.line)",
                                      hint: "close the innermost section first: {{/\(section.name.written)}}")
                    }
                    add(.section(section.name, inverted: section.inverted, section.nodes))
                }
            }
        }
        if let section = open.last {
            let sigil = section.inverted ? "^" : "#"
            throw problem(section.name.location, "the section '{{\(sigil)\(section.name.written)}}' is not closed",
                          hint: "add {{/\(section.name.written)}} where the section ends")
        }
        return top
    }
}
