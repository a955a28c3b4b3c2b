import Foundation
import XCTest

/// A build killed with SIGKILL at any moment must leave `output/` as it was before the build, or
/// (if it got as far as the swap) exactly as the finished build would: never a mixture.
final class KilledBuildTests: XCTestCase {
    func testKilledBuildsLeaveEitherTheOldOrTheNewOutput() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        let output = project.appendingPathComponent("output")
        XCTAssertEqual(try SitrepProcess.run(["build"], in: project).status, 0)
        let old = try SitrepProcess.snapshot(of: output)
        let keep = try SitrepProcess.temporaryFolder("old")
        defer { SitrepProcess.remove(keep) }
        let oldCopy = keep.appendingPathComponent("output")
        try FileManager.default.copyItem(at: output, to: oldCopy)

        // The finished result of the changed content, built elsewhere, is the only other
        // acceptable state.
        try SitrepProcess.edit("content/belarus/2022-06/arrivals.csv", in: project, replacing: "Belarus,902", with: "Belarus,912")
        // Inside a temporary folder of its own: the build writes its manifest beside the output.
        let elsewhere = try SitrepProcess.temporaryFolder("expected")
        defer { SitrepProcess.remove(elsewhere) }
        let expected = elsewhere.appendingPathComponent("output")
        XCTAssertEqual(try SitrepProcess.run(["build", "--output", expected.path], in: project).status, 0)
        let new = try SitrepProcess.snapshot(of: expected)
        XCTAssertNotEqual(old.keys.count, 0)

        var outcomes: [String: Int] = [:]
        // Delays spread over a debug build of the example (about 0.1 to 0.3 s).
        for delay in [0.0, 0.005, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3, 0.4] {
            let current = try SitrepProcess.snapshot(of: output)
            let process = Process()
            process.executableURL = try SitrepProcess.executable()
            process.arguments = ["build"]
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let after = try SitrepProcess.snapshot(of: output)
            if after == current {
                outcomes["untouched", default: 0] += 1
            } else {
                SitrepProcess.assertSameTree(new, after, "killed after \(delay) s:")
                outcomes["complete", default: 0] += 1
            }
            if after == new {
                // Put the old output back, so that the next kill can land before the swap too.
                try FileManager.default.removeItem(at: output)
                try FileManager.default.copyItem(at: oldCopy, to: output)
            }
        }
        XCTAssertGreaterThan(outcomes["untouched", default: 0], 0, "no kill landed before the swap: \(outcomes)")

        // Staging folders left by the killed builds are cleaned by the next build, which succeeds.
        XCTAssertEqual(try SitrepProcess.run(["build"], in: project).status, 0)
        SitrepProcess.assertSameTree(new, try SitrepProcess.snapshot(of: output), "after a clean build:")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains("staging") }
        XCTAssertEqual(leftovers, [], "staging folders were left behind")
    }
}
