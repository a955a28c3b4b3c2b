import SitrepContent
import SitrepDiagnostics

/// Readers for the options that `sitrep-table` and `sitrep-chart` blocks share, each failing at
/// the value with the same message in both.
extension YAMLNode {
    /// `top:`, a whole number above 0.
    func topCount() throws(DiagnosticError) -> Int {
        let text = try text("top")
        guard let value = Int(text), value > 0 else {
            throw DiagnosticError(Diagnostic(at: location, "top must be a whole number above 0, not '\(text)'"))
        }
        return value
    }

    /// A `true`/`false` option such as `share:`.
    func flag(_ what: String) throws(DiagnosticError) -> Bool {
        let text = try text(what)
        guard text == "true" || text == "false" else {
            throw DiagnosticError(Diagnostic(at: location, "\(what) must be true or false, not '\(text)'"))
        }
        return text == "true"
    }
}
