/// A plain `sitrep build` command line, read without swift-argument-parser: the no-op build
/// and `build --check` that CI runs on every push. The parser's first use costs about 16 M
/// instructions (its options found by reflection, each first-time protocol-conformance lookup
/// scanning all of the binary's 8,059 conformance records), 44 % of a no-op build at N = 1,000
/// (callgrind). Every other command line, including each other spelling of these options, goes
/// to the parser, which keeps its help, its errors and their exit status.
struct PlainBuildCommandLine {
    var project = "."
    var output: String?
    var check = false
    var pdf = false

    /// Reads `arguments` (without the program's name) when they are `build` followed only by
    /// `--project PATH`, `--output PATH` or `-o PATH`, `--check` and `--pdf`, each at most once,
    /// with no value empty or starting with `-`; nil for anything else.
    init?(_ arguments: ArraySlice<String>) {
        guard arguments.first == "build" else { return nil }
        var rest = arguments.dropFirst()
        var project: String?
        while let name = rest.popFirst() {
            switch name {
            case "--check" where !check: check = true
            case "--pdf" where !pdf: pdf = true
            case "--project" where project == nil, "--output" where output == nil, "-o" where output == nil:
                guard let value = rest.popFirst(), let first = value.utf8.first, first != UInt8(ascii: "-") else { return nil }
                if name == "--project" { project = value } else { output = value }
            default: return nil
            }
        }
        self.project = project ?? "."
    }
}
