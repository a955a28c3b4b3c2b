import SitrepDiagnostics

extension LayoutTemplate.Name {
    /// Reads the name of a variable or section tag: a dotted name, `.`, or transforms around
    /// one (`empty(report.notes)`, `first()`). Works on UTF-8 bytes: the syntax is ASCII.
    static func parse(_ tag: LayoutTemplate.Tag, file: String, text: String) throws(DiagnosticError) -> Self {
        let written = tag.content
        func refuse() -> DiagnosticError {
            DiagnosticError(LayoutTemplate.problem(
                in: file, text: text, at: tag.location, "'\(tag.content)' is not a name",
                hint: "a name is letters, digits, - and _, parts joined by dots (report.title), or a transform of one (empty(report.notes))"))
        }
        let bytes = Array(written.utf8)
        var inner = bytes[...]
        var transforms: [String] = []
        while let parenthesis = inner.firstIndex(of: UInt8(ascii: "(")) {
            guard inner.last == UInt8(ascii: ")") else { throw refuse() }
            let transform = inner[..<parenthesis]
            guard isWord(transform) else { throw refuse() }
            transforms.append(String(decoding: transform, as: UTF8.self))
            inner = inner[(parenthesis + 1)..<(inner.endIndex - 1)]
        }
        guard !inner.contains(UInt8(ascii: ")")) else { throw refuse() }
        let location = tag.location
        if inner.isEmpty, !transforms.isEmpty {
            return Self(written: written, path: [], transforms: transforms, isPosition: true, location: location)
        }
        if inner.elementsEqual([UInt8(ascii: ".")]) {
            return Self(written: written, path: [], transforms: transforms, isPosition: false, location: location)
        }
        let path = inner.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard path.allSatisfy(isWord) else { throw refuse() }
        return Self(written: written, path: path.map { String(decoding: $0, as: UTF8.self) }, transforms: transforms,
                    isPosition: false, location: location)
    }

    /// Letters, digits, `-`, `_` and `?`: no spaces, dots or brackets.
    private static func isWord(_ part: ArraySlice<UInt8>) -> Bool {
        guard !part.isEmpty else { return false }
        if part.allSatisfy({ $0 < 0x80 }) {
            return part.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"): true
                default: false
                }
            }
        }
        return String(decoding: part, as: UTF8.self).unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", "?": true
            default: !scalar.isASCII && scalar.properties.isAlphabetic
            }
        }
    }
}
