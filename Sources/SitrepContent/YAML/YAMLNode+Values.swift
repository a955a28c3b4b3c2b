import SitrepDiagnostics

/// Typed readers for configuration values, each failing with a diagnostic at the value.
extension YAMLNode {
    /// The scalar as text.
    public func text(_ what: String) throws(DiagnosticError) -> String {
        guard let text = scalar else {
            throw DiagnosticError(Diagnostic(at: location, "\(what) must be a single value, not a list or a map"))
        }
        return text
    }

    /// The scalar as a `YYYY-MM-DD` date.
    public func day(_ what: String) throws(DiagnosticError) -> Day {
        let text = try text(what)
        guard let day = Day(iso: text) else {
            throw DiagnosticError(Diagnostic(
                at: location, "\(what) '\(text)' is not a date", hint: "write dates as YYYY-MM-DD, e.g. 2022-06-09"))
        }
        return day
    }

    /// The node as a mapping, or an error naming what was expected.
    public func mapping(_ what: String) throws(DiagnosticError) -> [(key: String, keyLocation: SourceLocation, value: YAMLNode)] {
        if isNull { return [] }
        guard let entries else {
            throw DiagnosticError(Diagnostic(at: location, "\(what) must be a map of `key: value` lines"))
        }
        return entries
    }

    /// Rejects keys other than `allowed`, suggesting the nearest allowed one.
    public func checkKeys(_ allowed: [String], in what: String) throws(DiagnosticError) {
        for entry in try mapping(what) where !allowed.contains(entry.key) {
            let nearest = Suggestions.nearest(to: entry.key, in: allowed)
            throw DiagnosticError(Diagnostic(
                at: entry.keyLocation, "unknown key '\(entry.key)' in \(what)",
                hint: nearest.map { "did you mean '\($0)'?" } ?? "allowed keys: \(allowed.joined(separator: ", "))"))
        }
    }
}
