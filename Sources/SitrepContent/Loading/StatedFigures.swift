import SitrepDiagnostics

/// Reads stated figures (`figures.yml`, or `figures:` in front matter): nested maps flattened
/// with dots. A map with a `value:` key states one figure with options:
///
///     arrivals.total: {value: 1250000, approximate: true, tolerance: 2%}
public enum StatedFigures {
    static let optionKeys = ["value", "approximate", "tolerance"]

    /// The figures stated in a parsed `figures.yml` (or front matter `figures:` map).
    /// Every problem in the file is reported, not only the first.
    public static func read(_ yaml: YAMLNode) throws(DiagnosticError) -> [StatedFigure] {
        var figures: [StatedFigure] = []
        var problems: [Diagnostic] = []
        collect(yaml, prefix: "", into: &figures, problems: &problems)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return figures
    }

    private static func collect(_ node: YAMLNode, prefix: String, into figures: inout [StatedFigure], problems: inout [Diagnostic]) {
        do { try collectOne(node, prefix: prefix, into: &figures, problems: &problems) } catch { problems += error.diagnostics }
    }

    private static func collectOne(_ node: YAMLNode, prefix: String, into figures: inout [StatedFigure],
                                   problems: inout [Diagnostic]) throws(DiagnosticError) {
        switch node.kind {
        case .mapping(let entries):
            if !prefix.isEmpty, node["value"] != nil {
                figures.append(try withOptions(node, name: prefix))
                return
            }
            // By index, each entry read in place: a `for … in` copied each (its key, location and node).
            for index in entries.indices {
                let key = entries[index].key
                let name = prefix.isEmpty ? key : "\(prefix).\(key)"
                if let hidden = CSVValueText.firstInvisible(in: key) {
                    problems.append(invisible(hidden, in: key, what: "the figure name", at: entries[index].keyLocation))
                    continue
                }
                if key.isEmpty || key.hasPrefix(".") || key.hasSuffix(".") || mayHoldBrace(key) && key.contains("{") {
                    problems.append(Diagnostic(at: entries[index].keyLocation, "'\(key)' is not a usable figure name",
                                               hint: "use names such as `leaflets.disseminated`"))
                    continue
                }
                collect(entries[index].value, prefix: name, into: &figures, problems: &problems)
            }
        case .sequence where prefix.isEmpty:
            throw DiagnosticError(Diagnostic(at: node.location, "figures must be a map of `name: value` lines, not a list",
                                             hint: "e.g. `leaflets.disseminated: 6000`; a list figure is written under its name"))
        case .sequence(let items):
            var names: [String] = []
            for item in items {
                guard let text = item.scalar else {
                    throw DiagnosticError(Diagnostic(at: item.location, "a list figure holds names only, not lists or maps"))
                }
                if let hidden = CSVValueText.firstInvisible(in: text) {
                    throw DiagnosticError(invisible(hidden, in: text, what: "a name in '\(prefix)'", at: item))
                }
                names.append(text)
            }
            figures.append(StatedFigure(name: prefix, value: .list(names), location: node.location))
        case .scalar:
            if prefix.isEmpty {
                throw DiagnosticError(Diagnostic(at: node.location, "figures must be a map of `name: value` lines",
                                                 hint: "e.g. `leaflets.disseminated: 6000`"))
            }
            figures.append(try scalarFigure(node, name: prefix))
        }
    }

    /// False when `key` has no `{` byte, so cannot contain the character: most keys are passed
    /// without the slower search for it.
    private static func mayHoldBrace(_ key: String) -> Bool {
        key.utf8.contains(UInt8(ascii: "{"))
    }

    private static func withOptions(_ node: YAMLNode, name: String) throws(DiagnosticError) -> StatedFigure {
        try node.checkKeys(optionKeys, in: "the figure '\(name)'")
        var figure = try scalarFigure(node["value"]!, name: name)
        let approximate = try node["approximate"]?.text("approximate")
        guard approximate == nil || approximate == "true" || approximate == "false" else {
            throw DiagnosticError(Diagnostic(at: node["approximate"]!.location, "approximate must be true or false"))
        }
        if let toleranceNode = node["tolerance"] {
            let text = try toleranceNode.text("tolerance")
            if text.hasSuffix("%"), let percent = Rational(decimal: text.dropLast()), let fraction = percent.dividing(by: Rational(100)) {
                figure.tolerance = .relative(fraction)
            } else if let absolute = Rational(decimal: text) {
                figure.tolerance = .absolute(absolute)
            } else {
                throw DiagnosticError(Diagnostic(at: toleranceNode.location, "tolerance must be a number or a percentage, not '\(text)'",
                                                 hint: "e.g. `tolerance: 2%` or `tolerance: 500`"))
            }
        } else if approximate == "true" {
            figure.tolerance = .relative(Rational(1, 100)!)
        }
        guard figure.tolerance == nil || figure.value.number != nil else {
            throw DiagnosticError(Diagnostic(at: node.location, "only a number can be approximate"))
        }
        return figure
    }

    /// A plain scalar is a number when ``NumberText`` reads one (`22.5`, or `74.7%` for 0.747), a
    /// date when it is `YYYY-MM-DD`, text otherwise; a quoted scalar is always text. A number
    /// written in a way a CSV table would refuse (`6,000`, `1.234`, `1e3`) is refused here too.
    private static func scalarFigure(_ node: YAMLNode, name: String) throws(DiagnosticError) -> StatedFigure {
        guard case .scalar(let text, let quoted) = node.kind else {
            throw DiagnosticError(Diagnostic(at: node.location, "the value of '\(name)' must be a single value"))
        }
        if let hidden = CSVValueText.firstInvisible(in: text) {
            throw DiagnosticError(invisible(hidden, in: text, what: "the value of '\(name)'", at: node))
        }
        var figure = StatedFigure(name: name, value: .text(text), location: node.location)
        if quoted { return figure }
        let percent = text.hasSuffix("%")
        let reading = NumberText.read(percent ? text.dropLast() : Substring(text))
        switch reading {
        case .number(let number, let decimals):
            if percent {
                guard let share = number.dividing(by: Rational(100)) else { break }
                figure.value = .number(share)
                figure.decimals = decimals + 2
                figure.percent = true
            } else {
                figure.value = .number(number)
                figure.decimals = decimals
            }
        case .notANumber, .empty:
            if let day = Day(iso: text) {
                figure.value = .date(day)
            } else if node.isNull {
                throw DiagnosticError(Diagnostic(at: node.location, "the figure '\(name)' has no value",
                                                 hint: "write a value after the colon, or remove the line"))
            }
        default:
            throw DiagnosticError(StatedNumberProblem.diagnostic(for: reading, text: text, name: name, at: node.location))
        }
        return figure
    }

    /// A character nobody can see in a figure's text (``CSVValueText/firstInvisible(in:)``),
    /// located at the character in a plain value, at the value in a quoted one (where escapes
    /// and line breaks make the written column differ).
    private static func invisible(_ hidden: (scalar: Unicode.Scalar, utf8Offset: Int), in text: String, what: String,
                                  at node: YAMLNode) -> Diagnostic {
        guard case .scalar(_, quoted: false) = node.kind else {
            return invisible(hidden, in: "", what: what, at: node.location)
        }
        return invisible(hidden, in: text, what: what, at: node.location)
    }

    /// A character nobody can see in a figure's name or text, located at the character when
    /// the text before it is on one line.
    private static func invisible(_ hidden: (scalar: Unicode.Scalar, utf8Offset: Int), in text: String, what: String,
                                  at location: SourceLocation) -> Diagnostic {
        var location = location
        let before = text.utf8.prefix(hidden.utf8Offset)
        if let column = location.column, !before.contains(UInt8(ascii: "\n")) {
            location.column = column + CSVValueText.characters(in: text, before: hidden.utf8Offset)
        }
        return Diagnostic(at: location, "\(what) holds an invisible character, \(CSVValueText.describe(hidden.scalar))",
                          hint: "delete the character (it often comes with text copied from a web page or a PDF)")
    }
}
