import SitrepDiagnostics

/// Which templates include which (`{{> name}}`, and `{{< name}}` for a parent), found by
/// scanning each template's tags, so that a partial that does not exist, or one that includes
/// itself, directly or through others, is an error when the layouts are loaded rather than an
/// empty string or an endless recursion when a page is rendered.
///
/// The scan follows Mustache's set-delimiter tags (`{{=<% %>=}}`), which swift-mustache keeps
/// until the end of the enclosing section. Dynamic partials
/// (`{{>*name}}`), whose name comes from the page's data, are refused: what they include cannot
/// be known before rendering. Run it on templates that Mustache has parsed: the tags are then
/// well formed.
struct PartialGraph {
    /// One partial tag: the name it includes and where it is.
    struct Reference {
        var name: String
        var location: SourceLocation
        var sourceLine: String?
    }

    /// By template name, the partials it includes, in the order of its tags.
    private(set) var references: [String: [Reference]] = [:]
    /// Dynamic partial tags found while scanning.
    private(set) var problems: [Diagnostic] = []

    /// Scans the template `name`, whose text `text` is in `file`. `parsed`, when the template
    /// engine can say, is the set of partials its parser found (a dynamic one as `*name`): those
    /// decide what the template includes, and the scan only gives their places, so that a tag the
    /// scan reads differently from the parser cannot hide a cycle.
    mutating func add(_ name: String, text: String, file: String, parsed: Set<String>? = nil) {
        let characters = Array(text)
        var (open, close): ([Character], [Character]) = (["{", "{"], ["}", "}"])
        var found: [Reference] = []
        var enclosing: [(open: [Character], close: [Character])] = []
        var dynamic: Set<String> = []
        var index = 0
        var line = 1
        var lineStart = 0
        func advance(to target: Int) {
            while index < target {
                if characters[index] == "\n" || characters[index] == "\r\n" { line += 1; lineStart = index + 1 }
                index += 1
            }
        }
        func starts(_ delimiter: [Character], at position: Int) -> Bool {
            characters[position] == delimiter[0] && position + delimiter.count <= characters.count
                && characters[position..<position + delimiter.count].elementsEqual(delimiter)
        }
        while index < characters.count {
            guard starts(open, at: index) else { advance(to: index + 1); continue }
            // swift-mustache reads a start delimiter followed by a line break as text.
            if index + open.count < characters.count, characters[index + open.count].isNewline {
                advance(to: index + open.count)
                continue
            }
            let location = SourceLocation(file: file, line: line, column: index - lineStart + 1)
            let sourceLine = String(characters[lineStart...].prefix { $0 != "\n" && $0 != "\r\n" })
            var end = index + open.count
            while end < characters.count, !starts(close, at: end) { end += 1 }
            let tag = characters[min(index + open.count, end)..<end]
            advance(to: min(end + close.count, characters.count))
            // As swift-mustache parses: delimiters set inside a section last until its end.
            switch tag.first {
            case "#", "^", "$":
                enclosing.append((open, close))
            case "/":
                if let outer = enclosing.popLast() { (open, close) = outer }
            case "=":
                // `{{=<% %>=}}`: the start is the first word, the end runs to the next `=` or space.
                let words = tag.dropFirst().split { $0.isWhitespace }
                let end = words.count >= 2 ? Array(words[1].prefix { $0 != "=" }) : []
                if !end.isEmpty { (open, close) = (Array(words[0]), end) }
            case ">", "<":
                if tag.first == "<" { enclosing.append((open, close)) }
                let target = String(tag.dropFirst()).trimmingWhitespace()
                if target.hasPrefix("*") {
                    dynamic.insert(target)
                    problems.append(Diagnostic(
                        at: location, "a dynamic partial ({{\(tag.first!)*...}}) takes its name from the page's data",
                        hint: "name the partial itself, e.g. {{> footer}}", sourceLine: sourceLine))
                } else {
                    found.append(Reference(name: target, location: location, sourceLine: sourceLine))
                }
            default:
                break
            }
        }
        if let parsed {
            found.removeAll { !parsed.contains($0.name) }
            let scanned = Set(found.map(\.name)).union(dynamic)
            for missed in parsed.subtracting(scanned).sorted() {
                if missed.hasPrefix("*") {
                    problems.append(Diagnostic(at: SourceLocation(file: file),
                                               "a dynamic partial ({{>\(missed)}}) takes its name from the page's data",
                                               hint: "name the partial itself, e.g. {{> footer}}"))
                } else {
                    found.append(Reference(name: missed, location: SourceLocation(file: file), sourceLine: nil))
                }
            }
        }
        references[name] = found
    }

    /// Every problem: dynamic partials, partials that do not exist among `known`, and cycles.
    func diagnostics(known: Set<String>) -> [Diagnostic] {
        var result = problems
        for name in references.keys.sorted() {
            for reference in references[name] ?? [] where !known.contains(reference.name) {
                let nearest = Suggestions.nearest(to: reference.name, in: known)
                result.append(Diagnostic(
                    at: reference.location, "there is no partial called '\(reference.name)'",
                    hint: nearest.map { "did you mean '\($0)'?" }
                        ?? "partials are found by file name under templates/: create templates/partials/\(reference.name).mustache",
                    sourceLine: reference.sourceLine))
            }
        }
        return result + cycles().map(describe)
    }

    /// Each cycle once, as the references that make it, starting at the template whose name
    /// comes first.
    func cycles() -> [[Reference]] {
        var finished: Set<String> = []
        var found: [[Reference]] = []
        var seen: Set<[String]> = []
        /// Depth-first: `path` holds the references followed from the start to `name`; a reference
        /// back to a template on the path closes a cycle.
        func visit(_ name: String, path: [(from: String, reference: Reference)]) {
            for reference in references[name] ?? [] {
                if let start = path.firstIndex(where: { $0.from == reference.name }) {
                    record(Array(path[start...]) + [(name, reference)])
                } else if reference.name == name {
                    record([(name, reference)])
                } else if !finished.contains(reference.name), references[reference.name] != nil {
                    visit(reference.name, path: path + [(name, reference)])
                }
            }
            finished.insert(name)
        }
        func record(_ cycle: [(from: String, reference: Reference)]) {
            let first = cycle.indices.min { cycle[$0].from < cycle[$1].from }!
            let rotated = Array(cycle[first...] + cycle[..<first])
            if seen.insert(rotated.map(\.from)).inserted { found.append(rotated.map(\.reference)) }
        }
        for name in references.keys.sorted() where !finished.contains(name) { visit(name, path: []) }
        return found
    }

    /// `templates/a.mustache:3:1: error: the partial 'a' includes itself through 'b' (templates/b.mustache:2:5)`.
    private func describe(_ cycle: [Reference]) -> Diagnostic {
        let start = cycle.last!.name
        var steps: [String] = []
        for position in 1..<cycle.count { steps.append("'\(cycle[position - 1].name)' (\(cycle[position].location.description))") }
        let message = steps.isEmpty ? "the partial '\(start)' includes itself"
            : "the partial '\(start)' includes itself through \(steps.joined(separator: ", then "))"
        return Diagnostic(at: cycle[0].location, message,
                          hint: "a partial cannot include itself, directly or through others: remove one of these {{> }} tags",
                          sourceLine: cycle[0].sourceLine)
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
