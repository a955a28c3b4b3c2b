import SitrepContent
import SitrepDiagnostics

extension FuzzEntryPoints {
    /// YAML parsing (anchors and aliases included) and reading the document as figures.yml.
    /// An anchor or alias must be refused before any expansion, so a billion-laughs input ends
    /// fast (the fuzzer's timeout catches one that does not); a stated number must be one that
    /// ``NumberText`` reads the same way.
    public static func yaml(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let yaml = try YAMLNode.parse(text, file: "figures.yml")
            for figure in try StatedFigures.read(yaml) {
                require(!figure.name.isEmpty, "a figure without a name")
                require(CSVValueText.firstInvisible(in: figure.name) == nil, "an invisible character in '\(figure.name)'")
            }
        } catch {
            checkLocated(error)
        }
    }
}
