/// The manifest read for `SeriesReuse`: its lines grouped per series, compared as bytes.
extension BuildManifest {
    /// The entry lines grouped for `SeriesReuse`: the binary, the site's own inputs (everything
    /// but `content/`), and per series the byte ranges of its input lines (`content/<slug>/…`)
    /// and output lines (`<slug>/…`). Entries are in path order, so each group is one run of
    /// lines; a series whose lines are not is left out, and so is never reused.
    func groups() -> (binary: ArraySlice<UInt8>, site: [UInt8], series: [String: (inputs: Range<Int>, outputs: Range<Int>)]) {
        let firstEnd = files.firstIndex(of: UInt8(ascii: "\n")) ?? files.count
        var site: [UInt8] = []
        var series: [String: (inputs: Range<Int>, outputs: Range<Int>)] = [:]
        var scattered: Set<String> = []
        let content = Array("content/".utf8)
        var start = firstEnd + 1
        while start < files.count {
            let end = files[start...].firstIndex(of: UInt8(ascii: "\n")) ?? files.count
            defer { start = end + 1 }
            let line = files[start..<end]
            guard line.count > 2, let space = line.dropFirst(2).firstIndex(of: UInt8(ascii: " ")) else { continue }
            let kind = line[start]
            var key = files[(space + 1)..<end]
            let isOutput = kind == Kind.outputFile || kind == Kind.outputFolder
            if !isOutput {
                guard key.starts(with: content) else {
                    if !key.elementsEqual("content".utf8) { site += files[start...min(end, files.count - 1)] }
                    continue
                }
                key = key.dropFirst(content.count)
            } else if key.elementsEqual(".".utf8) {
                continue
            }
            let slug = String(decoding: key.prefix { $0 != UInt8(ascii: "/") }, as: UTF8.self)
            var ranges = series[slug] ?? (start..<start, start..<start)
            let lineEnd = min(end + 1, files.count)
            // Adds this line to a run, which must end where the line starts.
            func extend(_ run: inout Range<Int>) {
                if run.isEmpty {
                    run = start..<lineEnd
                } else if run.upperBound == start {
                    run = run.lowerBound..<lineEnd
                } else {
                    scattered.insert(slug)
                }
            }
            if isOutput { extend(&ranges.outputs) } else { extend(&ranges.inputs) }
            series[slug] = ranges
        }
        for slug in scattered { series[slug] = nil }
        return (files[..<firstEnd], site, series)
    }

    /// The series whose files under `content/<series>/` are the same in this manifest as in
    /// `previous`, each with its groups in both; nil when the site itself changed (the binary,
    /// sitrep.yml, the templates), so that nothing is the same. What a build (`SeriesReuse`) and
    /// the preview (`PreviewSite`) may keep.
    func seriesUnchanged(since previous: BuildManifest)
        -> [(slug: String, before: (inputs: Range<Int>, outputs: Range<Int>), now: (inputs: Range<Int>, outputs: Range<Int>))]? {
        let old = previous.groups()
        let new = groups()
        guard old.binary.elementsEqual(new.binary), old.site == new.site else { return nil }
        return old.series.compactMap { slug, before in
            guard let now = new.series[slug], previous[before.inputs].elementsEqual(self[now.inputs]) else { return nil }
            return (slug, before, now)
        }
    }

    /// The bytes of `range` of the entry lines, to compare groups of two manifests.
    subscript(range: Range<Int>) -> ArraySlice<UInt8> { files[range] }

    /// The paths of the output files listed in `range`.
    func outputFiles(in range: Range<Int>) -> [String] {
        files[range].split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard line.first == Kind.outputFile, let space = line.dropFirst(2).firstIndex(of: UInt8(ascii: " ")) else { return nil }
            return String(decoding: line[(space + 1)...], as: UTF8.self)
        }
    }
}
