import SitrepDiagnostics

/// A figure that `series.yml` declares as a formula over other figures:
///
///     computed:
///       arrivals.non_ukrainian: arrivals.total - arrivals.nationality.Ukraine
public struct ComputedFigureDeclaration: Sendable {
    /// The figure's name: `arrivals.non_ukrainian`.
    public var name: String
    /// Where the name is written, for a name that clashes with another figure's.
    public var nameLocation: SourceLocation
    public var formula: FigureExpression
    /// Where the formula starts.
    public var formulaLocation: SourceLocation
}

/// The computed figures of a series, in an order that computes each after the computed figures
/// its formula names (otherwise in the order written). A formula that names itself, or figures
/// that name each other in a circle, is an error at load.
public struct ComputedFigures: Sendable {
    /// The declarations, in computing order.
    public private(set) var declarations: [ComputedFigureDeclaration] = []

    public init() {}

    /// Reads `computed:`: a map of figure names to formulas. Every problem is reported together.
    init(yaml: YAMLNode?, file: String) throws(DiagnosticError) {
        guard let yaml else { return }
        var written: [ComputedFigureDeclaration] = []
        var problems: [Diagnostic] = []
        for entry in try yaml.mapping("computed") {
            do throws(DiagnosticError) {
                try Self.checkName(entry.key, at: entry.keyLocation)
                guard case .scalar(let text, _) = entry.value.kind else {
                    throw DiagnosticError(Diagnostic(
                        at: entry.value.location, "the formula of '\(entry.key)' must be one line of text, not a list or a map",
                        hint: "write `\(entry.key): arrivals.total - arrivals.nationality.Ukraine`"))
                }
                let formula = try FigureExpression.parse(text, at: entry.value.textLocation, what: "the formula of '\(entry.key)'")
                written.append(ComputedFigureDeclaration(name: entry.key, nameLocation: entry.keyLocation, formula: formula,
                                                         formulaLocation: entry.value.textLocation))
            } catch {
                problems += error.diagnostics
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        declarations = try Self.ordered(written)
    }

    /// A computed figure's name is dotted words, and does not end like a figure sitrep derives
    /// from another (`.previous`, `.change`, `.cumulative`, `.period`): `x.previous` would name
    /// both the computed figure and the previous value of `x`.
    private static func checkName(_ name: String, at location: SourceLocation) throws(DiagnosticError) {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        if parts.contains(where: { String($0).trimmingSpaces().isEmpty }) {
            throw DiagnosticError(Diagnostic(
                at: location, "the computed figure '\(name)' has an empty part between dots",
                hint: "name it with words joined by dots, e.g. arrivals.non_ukrainian"))
        }
        let derivedWords = Set([FigureWord.previous, .change, .cumulative, .period].map(\.rawValue))
        if let last = parts.last, derivedWords.contains(String(last)) || name.hasSuffix(".\(FigureWord.change).\(FigureWord.relative)") {
            throw DiagnosticError(Diagnostic(
                at: location, "the computed figure '\(name)' ends with '.\(last)', like a figure sitrep derives from another",
                hint: "rename it, e.g. '\(parts.dropLast().joined(separator: "."))_\(last)'; sitrep gives every computed figure "
                    + "its .previous, .change and .change.relative itself"))
        }
    }

    /// The declarations with each after the computed figures it names, the order written kept
    /// otherwise; a circle of names is an error at the first figure in it that names the next.
    private static func ordered(_ written: [ComputedFigureDeclaration]) throws(DiagnosticError) -> [ComputedFigureDeclaration] {
        let position = Dictionary(written.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let needs = written.map { declaration in
            declaration.formula.figures.compactMap { position[$0.name] }
        }
        var placed = Array(repeating: false, count: written.count)
        var order: [ComputedFigureDeclaration] = []
        while order.count < written.count {
            guard let ready = written.indices.first(where: { !placed[$0] && needs[$0].allSatisfy { placed[$0] } }) else {
                throw cycleError(in: written, needs: needs, placed: placed)
            }
            placed[ready] = true
            order.append(written[ready])
        }
        return order
    }

    /// The error for the first circle among the figures not placed: each of them names another.
    private static func cycleError(in written: [ComputedFigureDeclaration], needs: [[Int]], placed: [Bool]) -> DiagnosticError {
        // Follow the first unplaced figure each names until a figure comes round again.
        var path: [Int] = [placed.firstIndex(of: false)!]
        while true {
            let current = path.last!
            let following = needs[current].first { !placed[$0] }!
            if let start = path.firstIndex(of: following) {
                let circle = Array(path[start...])
                let first = written[circle[0]]
                let nextName = written[circle.count > 1 ? circle[1] : circle[0]].name
                let reference = first.formula.figures.first { $0.name == nextName }!
                let names = (circle + [circle[0]]).map { written[$0].name }.joined(separator: " → ")
                let message = circle.count == 1
                    ? "the computed figure '\(first.name)' is computed from itself"
                    : "the computed figures \(circle.map { "'\(written[$0].name)'" }.joined(separator: ", ")) are computed from each other: \(names)"
                return DiagnosticError(Diagnostic(
                    at: reference.location, message,
                    hint: "compute one of them from table or stated figures only"))
            }
            path.append(following)
        }
    }
}
