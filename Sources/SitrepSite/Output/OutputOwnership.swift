import Foundation
import SitrepDiagnostics

/// Whether an existing output folder is sitrep's to replace. Every build writes `.sitrep-output`
/// at the top of the site: a header line, then the path of every file that build wrote, one per
/// line, sorted. A build replaces a folder only if it is empty, or if it holds that file and
/// nothing but the files it lists, the publishing files sitrep keeps (`keptNames`) and sitrep's
/// own staging folders. Anything else is the user's, and the build stops before touching it.
enum OutputOwnership {
    /// The name of the list at the top of the site.
    static let markerName = ".sitrep-output"
    /// The first line of the list: what the file is, for whoever opens it.
    static let markerHeader = "sitrep-output 1: the files sitrep wrote in this folder; sitrep replaces the folder only while it holds nothing else"
    /// Top-level names a publishing setup keeps in the output folder (GitHub Pages' `CNAME` and
    /// `.nojekyll`, a git checkout's `.git`): carried into every new site as they are, never
    /// listed as sitrep's, never deleted. The site itself cannot use these names.
    static let keptNames: Set<String> = ["CNAME", ".nojekyll", ".git"]
    /// The start of the name of the staging folder a build makes inside a mounted output folder,
    /// followed by the build's process id.
    static let stagingPrefix = ".sitrep-staging-"

    /// True for the name of a staging folder inside the output folder: the prefix, then digits.
    static func isStagingName(_ name: String) -> Bool {
        name.hasPrefix(stagingPrefix) && name.count > stagingPrefix.count
            && name.dropFirst(stagingPrefix.count).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// True for a top-level name that is not part of the site: the list, a kept file, a staging folder.
    static func isSitesNeighbour(_ name: String) -> Bool {
        name == markerName || keptNames.contains(name) || isStagingName(name)
    }

    /// The list's text for a site of these files.
    static func markerText(listing paths: [String]) -> [UInt8] {
        Array((([markerHeader] + paths.sorted()).joined(separator: "\n") + "\n").utf8)
    }

    /// The files listed in `folder`'s list; nil when there is no list, or it is not one.
    static func listedFiles(in folder: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + markerName) else { return nil }
        var lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first.map(String.init) == markerHeader else { return nil }
        lines.removeFirst()
        return Set(lines.map(String.init))
    }

    /// Throws unless a build may replace `target`: it does not exist, holds nothing but kept
    /// files, or holds sitrep's list and nothing it does not list. The error names the path, the
    /// first few files that are not sitrep's and their count.
    static func check(_ target: OutputTarget) throws(DiagnosticError) {
        guard target.exists else { return }
        let top = ((try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []).filter { !isSitesNeighbour($0) }
        guard let listed = listedFiles(in: target.path) else {
            guard top.isEmpty else {
                throw refusal(target, "is not empty and was not made by sitrep (it has no \(markerName) list)",
                              strangers: top.sorted().map { OutputFiles.isRealFolder(target.path + "/" + $0) ? $0 + "/" : $0 },
                              hint: "sitrep replaces the whole output folder: move these out, or choose an empty or new folder with --output"
                                  + " (an output/ made by a sitrep older than this list can be deleted and built again)")
            }
            return
        }
        var folders: Set<String> = []
        for path in listed {
            var parent = Substring(path)
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                folders.insert(String(parent))
            }
        }
        let found = OutputFiles.entries(under: target.path)
        let strangers = found.files.filter { !listed.contains($0) } + found.folders.filter { !folders.contains($0) }.map { $0 + "/" }
        guard strangers.isEmpty else {
            throw refusal(target, "holds files sitrep did not write, which a build would delete",
                          strangers: strangers.sorted(),
                          hint: "move them out of the folder, or choose another folder with --output"
                              + " (sitrep keeps only \(keptNames.sorted().joined(separator: ", ")) in it)")
        }
    }

    /// The refusal of `target`, naming the first few `strangers` and how many there are.
    private static func refusal(_ target: OutputTarget, _ problem: String, strangers: [String], hint: String) -> DiagnosticError {
        let shown = strangers.prefix(5).joined(separator: ", ")
        let more = strangers.count > 5 ? " and \(strangers.count - 5) more" : ""
        return DiagnosticError(Diagnostic(at: SourceLocation(file: target.given),
                                          "the output folder \(target.path) \(problem): \(shown)\(more)",
                                          hint: hint))
    }
}
