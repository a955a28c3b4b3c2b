import ArgumentParser
import Foundation
import SitrepDiagnostics

/// `sitrep`: turns a project's data files and narrative into a static site of situation reports.
@main
struct Sitrep: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitrep",
        abstract: "Build situation reports from data files and Markdown narrative.",
        discussion: """
            Exit status: 0 on success, 1 when the content has errors (each printed as \
            file:line:column), 2 when the command line is wrong.
            """,
        subcommands: [Build.self, Check.self, Figures.self, New.self, Serve.self]
    )

    /// Runs the command, mapping failures to sitrep's exit codes: 1 for content errors,
    /// 2 for usage errors.
    static func main() {
        do {
            if let plain = PlainBuildCommandLine(CommandLine.arguments.dropFirst()) {
                try Build.run(project: plain.project, output: plain.output, check: plain.check, pdf: plain.pdf)
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Options every command takes.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder (holding sitrep.yml and content/).", valueName: "path"))
    var project: String = "."
}
