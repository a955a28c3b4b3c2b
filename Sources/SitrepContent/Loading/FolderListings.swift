/// What a scan of the project found in its folders just before a build (the build manifest's
/// input entries): ``ContentFiles`` takes a folder's names and a file's size from it instead of
/// asking the file system a second time, about a dozen system calls a report (listing each
/// period folder, `stat` of each file read). What a scan did not see is asked as before.
///
/// Only names, kinds and sizes are taken, never where a path leads: every folder is still
/// resolved, and every file opened without following a link, when it is read (see
/// ``ContentFiles``). A folder changed after the scan is read as the scan found it, as the
/// manifest records it: its new modification time makes the next build render again.
///
/// Paths are relative to the project (`content/belarus/2022-06`), without `.` or `..` parts.
public protocol FolderListings: Sendable {
    /// The names in the folder `relative`, hidden ones included, in any order; nil when the
    /// scan did not list it.
    func names(in relative: String) -> [String]?
    /// Whether the scan found a folder at `relative` (a link to one is not: it is not followed).
    func isFolder(_ relative: String) -> Bool
    /// The size in bytes the scan found for the file at `relative` (for a link, its own size);
    /// nil when it found none there.
    func size(ofFile relative: String) -> Int?
}
