import SitrepDiagnostics

/// Reads `figures.yml`: single figures stated by the officer, nested maps flattened with dots.
enum StatedFigures {
    static func read(_ yaml: YAMLNode, file: String) throws(DiagnosticError) -> [StatedFigure] {
        var figures: [StatedFigure] = []
        try collect(yaml, prefix: "", into: &figures)
        return figures
    }

    private static func collect(_ node: YAMLNode, prefix: String, into figures: inout [StatedFigure]) throws(DiagnosticError) {
        switch node.kind {
        case .mapping(let entries):
            for entry in entries {
                let name = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
                if entry.key.isEmpty || entry.key.hasPrefix(".") || entry.key.hasSuffix(".") {
                    throw DiagnosticError(Diagnostic(at: entry.keyLocation, "'\(entry.key)' is not a usable figure name",
                                                     hint: "use names such as `leaflets.disseminated`"))
                }
                try collect(entry.value, prefix: name, into: &figures)
            }
        case .sequence(let items):
            var names: [String] = []
            for item in items {
                guard let text = item.scalar else {
                    throw DiagnosticError(Diagnostic(at: item.location, "a list figure holds names only, not lists or maps"))
                }
                names.append(text)
            }
            figures.append(StatedFigure(name: prefix, value: .list(names), location: node.location))
        case .scalar(let text, let quoted):
            if prefix.isEmpty {
                throw DiagnosticError(Diagnostic(at: node.location, "figures.yml must be a map of `name: value` lines",
                                                 hint: "e.g. `leaflets.disseminated: 6000`"))
            }
            figures.append(StatedFigure(name: prefix, value: try value(of: text, quoted: quoted, node: node, name: prefix),
                                        location: node.location))
        }
    }

    /// A plain scalar is a number when it looks like one, a date when it is `YYYY-MM-DD`, text otherwise;
    /// a quoted scalar is always text.
    private static func value(of text: String, quoted: Bool, node: YAMLNode, name: String) throws(DiagnosticError) -> FigureValue {
        if quoted { return .text(text) }
        if let number = Rational(decimal: text) { return .number(number) }
        if let day = Day(iso: text) { return .date(day) }
        let digitsAndSeparators = text.allSatisfy { $0.isNumber || $0 == "," || $0 == " " || $0 == "." || $0 == "\u{A0}" }
        if digitsAndSeparators, text.contains(where: \.isNumber) {
            throw DiagnosticError(Diagnostic(
                at: node.location, "the figure '\(name)' is written '\(text)', which is not a plain number",
                hint: "write numbers without thousands separators (6000, not 6,000 or 6 000); quote the value if it is text"))
        }
        if node.isNull {
            throw DiagnosticError(Diagnostic(at: node.location, "the figure '\(name)' has no value",
                                             hint: "write a value after the colon, or remove the line"))
        }
        return .text(text)
    }
}
