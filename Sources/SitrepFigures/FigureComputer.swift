import SitrepContent
import SitrepDiagnostics

/// Computes every figure of a report from its tables, its stated figures and its dates.
public enum FigureComputer {
    /// All figures of `report`. A stated figure whose name is also computed must agree with the
    /// computed value; any disagreement is an error that prints both.
    public static func figures(for report: Report, in series: SeriesConfig) throws(DiagnosticError) -> FigureSet {
        var set = FigureSet()
        var problems: [Diagnostic] = []
        for table in report.tables {
            do { try TableFigures.add(table, to: &set) } catch { problems += error.diagnostics }
        }
        set.add("period.start", .date(report.period.start), origin: .report)
        set.add("period.end", .date(report.period.end), origin: .report)
        set.add("period.as_of", .date(report.period.asOf ?? report.period.end), origin: .report)
        if let onset = series.onset { set.add("series.onset", .date(onset), origin: .report) }
        set.add("series.title", .text(series.title), origin: .report)
        if let office = series.office { set.add("series.office", .text(office), origin: .report) }
        set.add("report.title", .text(report.title), origin: .report)

        for stated in report.statedFigures {
            guard let existing = set.add(stated.name, stated.value, origin: .stated(stated.location)) else { continue }
            if existing.value != stated.value {
                problems.append(Diagnostic(
                    at: stated.location,
                    "'\(stated.name)' is stated as \(stated.value.plainDescription) but computed as \(existing.value.plainDescription)"
                        + (existingSource(existing).map { " from \($0)" } ?? ""),
                    hint: "correct the data, or remove the stated figure and let sitrep compute it"))
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return set
    }

    private static func existingSource(_ figure: Figure) -> String? {
        switch figure.origin {
        case .table(let file): return file
        case .stated(let location): return location.description
        case .report: return nil
        }
    }
}
