import SitrepDiagnostics

extension LayoutTemplate.Name {
    /// Reads the name of a variable or section tag: a dotted name, `.`, or transforms around
    /// one (`empty(report.notes)`, `first()`).
    static func parse(_ tag: LayoutTemplate.Tag, file: String, text: String) throws(DiagnosticError) -> Self {
        let written = tag.content
        func refuse() -> DiagnosticError {
            DiagnosticError(LayoutTemplate.problem(
                in: file, text: text, at: tag.location, "'\(tag.content)' is not a name",
                hint: "a name is letters, digits, - and _, parts joined by dots (report.title), or a transform of one (empty(report.notes))"))
        }
        var transforms: [String] = []
        var inner = Substring(written)
        while let parenthesis = inner.firstIndex(of: "(") {
            guard inner.last == ")" else { throw refuse() }
            let transform = inner[..<parenthesis]
            guard isWord(transform) else { throw refuse() }
            transforms.append(String(transform))
            inner = inner[inner.index(after: parenthesis)..<inner.index(before: inner.endIndex)]
        }
        guard !inner.contains(")") else { throw refuse() }
        let location = tag.location
        if inner.isEmpty, !transforms.isEmpty {
            return Self(written: written, path: [], transforms: transforms, isPosition: true, location: location)
        }
        if inner == "." {
            return Self(written: written, path: [], transforms: transforms, isPosition: false, location: location)
        }
        let path = inner.split(separator: ".", omittingEmptySubsequences: false)
        guard path.allSatisfy(isWord) else { throw refuse() }
        return Self(written: written, path: path.map(String.init), transforms: transforms, isPosition: false, location: location)
    }

    /// Letters, digits, `-`, `_` and `?`: no spaces, dots or brackets.
    private static func isWord(_ part: Substring) -> Bool {
        !part.isEmpty && part.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "?": true
            default: !scalar.isASCII && scalar.properties.isAlphabetic
            }
        }
    }
}
