import SitrepContent
import SitrepDiagnostics

/// Computes the figures `computed:` declares in series.yml for one report, after its table,
/// stated and report figures, exactly (``Rational``), each after the computed figures it names.
///
/// A computed figure is a figure like the others: it is compared with the previous report
/// (`.previous`, `.change`, `.change.relative`), and a formula that only adds and subtracts
/// counts of one kind (`arrivals.total - arrivals.nationality.Ukraine`) is a count of that kind,
/// with its `.cumulative` or `.period`.
///
/// A formula that names a figure of a table or stated figure the report does not have (a table
/// missing from one period) makes the figure unavailable in that report, with the reason, as
/// for other derived figures. A name the report should have but does not (a typo), a value that
/// is not a number and a division by 0 are errors at the name or operator in series.yml.
struct ComputedFigureValues {
    let report: Report
    let series: SeriesConfig
    let figure: ComputedFigureDeclaration

    /// Why a formula gives no value in this report.
    enum Failure: Error {
        /// The report lacks what the formula needs: the figure is recorded as unavailable.
        case unavailable(String)
        case error(Diagnostic)
    }

    /// Adds each computed figure to `set`, or records why it cannot be computed; returns the errors.
    static func add(for report: Report, in series: SeriesConfig, to set: inout FigureSet) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for declaration in series.computed.declarations {
            let evaluation = ComputedFigureValues(report: report, series: series, figure: declaration)
            let value: Rational
            do throws(Failure) {
                value = try evaluation.evaluate(declaration.formula, in: set)
            } catch {
                switch error {
                case .unavailable(let reason): set.markUnavailable(declaration.name, because: reason)
                case .error(let diagnostic): problems.append(diagnostic)
                }
                continue
            }
            let computedFigure = Figure(name: declaration.name, value: .number(value), origin: .computed(declaration.formulaLocation))
            guard let existing = set.add(declaration.name, computedFigure.value, origin: computedFigure.origin,
                                         measure: evaluation.measure(in: set), tracksChange: true) else { continue }
            if let problem = evaluation.clash(with: existing, computed: computedFigure, in: set) { problems.append(problem) }
        }
        return problems
    }

    /// The value of `expression` in this report.
    func evaluate(_ expression: FigureExpression, in set: FigureSet) throws(Failure) -> Rational {
        switch expression.kind {
        case .number(let value):
            return value
        case .figure(let name):
            return try value(of: name, at: expression.location, in: set)
        case .negated(let operand):
            return try exact(Rational(0).subtracting(evaluate(operand, in: set)), at: expression)
        case .rounded(let operand, let decimals):
            return try exact(evaluate(operand, in: set).rounded(decimals: decimals), at: expression)
        case .binary(let operation, let left, let right):
            let a = try evaluate(left, in: set)
            let b = try evaluate(right, in: set)
            switch operation {
            case .add: return try exact(a.adding(b), at: expression)
            case .subtract: return try exact(a.subtracting(b), at: expression)
            case .multiply: return try exact(a.multiplied(by: b), at: expression)
            case .divide:
                guard b.numerator != 0 else {
                    throw .error(Diagnostic(
                        at: expression.location,
                        "the formula of '\(figure.name)' divides by 0 in \(report.folder): \(right.text) is 0",
                        hint: "check \(right.text) in \(report.folder); a formula cannot divide by a figure that is 0"))
                }
                return try exact(a.dividing(by: b), at: expression)
            }
        }
    }

    /// How the computed figure runs over periods: like its terms when it adds and subtracts
    /// counts that all run the same way; nil otherwise.
    func measure(in set: FigureSet) -> Measure? {
        guard figure.formula.isSumOfFigures else { return nil }
        let measures = figure.formula.figures.map { set[$0.name]?.measure }
        guard let first = measures.first ?? nil, measures.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    // MARK: Names

    private func value(of name: String, at location: SourceLocation, in set: FigureSet) throws(Failure) -> Rational {
        if let found = set[name] {
            guard case .number(let number) = found.value else {
                throw .error(Diagnostic(
                    at: location, "'\(name)' is \(found.value.kindName), not a number, in the formula of '\(figure.name)'",
                    hint: "a formula computes with numbers: name a count, a share or a stated number"))
            }
            return number
        }
        if let reason = set.unavailableReason(name) {
            throw .unavailable("its formula needs '\(name)', which cannot be computed for \(report.folder): \(reason)")
        }
        let own = set.ownNames
        let nearest = Suggestions.nearest(to: name, in: own)
        let root = Self.root(of: name)
        let roots = Set(own.map(Self.root))
        if let (base, derivation) = Derivation.split(name), set[String(base)] != nil {
            throw .error(Diagnostic(
                at: location, "'\(name)' is derived from the periods before, and a formula is computed from a report's own figures",
                hint: "compute '\(figure.name)' from '\(base)' and use '\(figure.name)\(derivation.suffix)' where it is printed"))
        }
        // The report has the table or stated figures the name belongs to (or one spelt nearly
        // so): the name is wrong, not the period.
        if roots.contains(root) || Suggestions.nearest(to: root, in: roots) != nil {
            var hint = (nearest.map { "did you mean '\($0)'? " } ?? "") + "`sitrep figures \(series.slug)/\(report.folder)` lists every figure of the report"
            if let file = missingRowFile(for: name) {
                hint += "; if the value has no row in \(file) in this period, add one with 0"
            }
            if let hyphen = name.firstIndex(of: "-"), set[String(name[..<hyphen])] != nil {
                hint = "to subtract, put spaces around the minus sign: \(name[..<hyphen]) - \(name[name.index(after: hyphen)...])"
            }
            throw .error(Diagnostic(
                at: location, "no figure is called '\(name)' in \(report.folder), in the formula of '\(figure.name)'", hint: hint))
        }
        throw .unavailable("its formula needs '\(name)', and \(report.folder) has no table or stated figure '\(root)'")
    }

    /// The file of the table a name of the shape `table.column.value` would be a row of, when
    /// the report has that table and column: the name may be a row missing from this period.
    private func missingRowFile(for name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 2)
        guard parts.count == 3, let table = report.tables.first(where: { $0.name == parts[0] }),
              table.dimensions.contains(String(parts[1])) else { return nil }
        return table.file
    }

    /// What a name belongs to: its table, or its stated figure's first word.
    private static func root(of name: String) -> String {
        String(name.prefix { $0 != "." })
    }

    private func exact(_ value: Rational?, at expression: FigureExpression) throws(Failure) -> Rational {
        guard let value else {
            throw .error(Diagnostic(
                at: expression.location,
                "the formula of '\(figure.name)' gives a number too large to compute exactly in \(report.folder)",
                hint: "check the figures it uses in \(report.folder)"))
        }
        return value
    }

    // MARK: Clashes

    /// A computed figure whose name the report already has: a stated figure is checked against
    /// it, as against a table's figure; any other is an error.
    private func clash(with existing: Figure, computed: Figure, in set: FigureSet) -> Diagnostic? {
        if case .stated = existing.origin,
           let statement = (report.statedFigures + report.frontMatterFigures).first(where: { $0.name == figure.name }) {
            return FigureComputer.disagreement(statement, computed)
        }
        let source: String
        switch existing.origin {
        case .table(let file): source = "from \(file)"
        case .computed(let location): source = "computed at \(location)"
        case .stated(let location): source = "stated at \(location)"
        case .report: source = "of every report"
        }
        return Diagnostic(
            at: figure.nameLocation, "the computed figure '\(figure.name)' has the name of a figure \(source)",
            hint: "rename the computed figure in series.yml, e.g. '\(figure.name)_computed'")
    }
}
