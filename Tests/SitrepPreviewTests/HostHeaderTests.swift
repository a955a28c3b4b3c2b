import XCTest

@testable import SitrepPreview

/// A preview on loopback answers only requests that name this machine, so that a web page whose
/// name was made to resolve to 127.0.0.1 (DNS rebinding) cannot read it.
final class HostHeaderTests: XCTestCase {
    func testOnlyNamesOfThisMachineAreAnswered() {
        for host in ["localhost:8000", "LOCALHOST", "127.0.0.1:8000", "127.1.2.3", "[::1]:8000"] {
            XCTAssertTrue(ListeningAddress.namesThisMachine(host), host)
        }
        for host in ["attacker.example:8000", "127.0.0.1.attacker.example", "localhost.attacker.example", "[::2]:8000", "", nil] {
            XCTAssertFalse(ListeningAddress.namesThisMachine(host), host ?? "no Host header")
        }
    }

    func testOnlyALoopbackServerChecks() {
        XCTAssertTrue(ListeningAddress(host: "127.0.0.1", port: 0)!.isLoopback)
        XCTAssertTrue(ListeningAddress(host: "localhost", port: 0)!.isLoopback)
        XCTAssertTrue(ListeningAddress(host: "::1", port: 0)!.isLoopback)
        XCTAssertFalse(ListeningAddress(host: "0.0.0.0", port: 0)!.isLoopback)
    }
}
