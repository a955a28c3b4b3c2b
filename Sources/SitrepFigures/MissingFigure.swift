import SitrepDiagnostics

extension FigureSet {
    /// What to tell an officer who named `name` where a figure of this report is printed (a
    /// placeholder, a chart), when the report has no such figure: why it cannot be computed (a
    /// change across a gap), or that no figure has the name, with the nearest name. One wording
    /// for every place a figure is named; a formula's says more (``ComputedFigureValues``).
    public func missingFigure(_ name: String) -> (message: String, hint: String) {
        if let reason = unavailableReason(name) {
            return ("'\(name)' cannot be computed for this report: \(reason)",
                    "add the missing period, or state the figure in figures.yml if it is known from another source")
        }
        let nearest = Suggestions.nearest(to: name, in: names)
        return ("no figure is called '\(name)'",
                nearest.map { "did you mean '\($0)'? (`sitrep figures` lists every name)" }
                    ?? "`sitrep figures SERIES/PERIOD` lists every figure name")
    }
}
