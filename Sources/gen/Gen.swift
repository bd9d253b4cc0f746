import ArgumentParser
import GenCore
import GenImport
import GenRuntime

@main
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen",
        abstract: "Generates Swift code and an OpenAPI description from API specs.",
        discussion: "With no arguments, regenerates every spec in Specs/ into Generated/.",
        version: GenVersion.current,
        subcommands: [Generate.self, PrintIR.self, Import.self, Init.self],
        defaultSubcommand: Generate.self
    )
}

struct SpecOptions: ParsableArguments {
    @Option(
        name: .customLong("spec"),
        help: ArgumentHelp("A spec file; repeat for several. Default: every spec in Specs/.", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml"])
    )
    var specs: [String] = []

    @Option(
        name: .customLong("specs"),
        help: ArgumentHelp("The folder of specs used when no --spec is given.", valueName: "dir"),
        completion: .directory
    )
    var specsFolder = "Specs"
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerates the output folder from the specs (the default command)."
    )

    @OptionGroup var specOptions: SpecOptions

    @Option(help: ArgumentHelp("The folder generated code goes to.", valueName: "dir"), completion: .directory)
    var output = "Generated"

    @Option(
        help: ArgumentHelp("A folder of templates that override the bundled ones, file by file.", valueName: "dir"),
        completion: .directory
    )
    var templates: String?

    @Flag(help: "Write nothing; exit 1 naming every stale, missing or extra file.")
    var check = false

    @Flag(help: "List every file written, unchanged or removed.")
    var verbose = false

    @Option(
        name: .customLong("only"),
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Generate only these pieces: models, client, server, cli, openapi, memory. Default: all but memory.",
            valueName: "piece"
        ),
        completion: .list(Generator.allEmitters.map(\.piece))
    )
    var pieces: [String] = []

    @Option(
        help: ArgumentHelp(
            "modules: a folder per piece, each a module (the default); single: one file per piece, all for one module.",
            valueName: "layout"
        )
    )
    var layout: Generator.Layout = .modules

    @Option(
        help: ArgumentHelp(
            "A gen-config.json choosing pieces (default: models, client), templates and access modifier; flags win.",
            valueName: "file"
        ),
        completion: .file(extensions: ["json"])
    )
    var config: String?

    @Option(
        help: ArgumentHelp(
            "The access modifier of every generated declaration: public, package or internal. Default: the "
                + "config's, else public.",
            valueName: "modifier"
        )
    )
    var accessModifier: AccessModifier?

    func run() throws {
        var options = GenerateCommand.Options()
        options.specs = specOptions.specs
        options.specsFolder = specOptions.specsFolder
        options.output = output
        options.templates = templates
        options.check = check
        options.verbose = verbose
        options.layout = layout
        options.config = config
        options.accessModifier = accessModifier
        options.pieces = pieces.isEmpty ? nil : Set(pieces.flatMap { $0.split(separator: ",").map(String.init) })
        let status = GenerateCommand.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

struct PrintIR: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ir",
        abstract: "Prints the checked intermediate representation of the specs as JSON."
    )

    @OptionGroup var specOptions: SpecOptions

    func run() throws {
        var options = GenerateCommand.Options()
        options.specs = specOptions.specs
        options.specsFolder = specOptions.specsFolder
        let status = GenerateCommand.printIR(options)
        if status != 0 { throw ExitCode(status) }
    }
}

extension Generator.Layout: ExpressibleByArgument {}

extension AccessModifier: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Converts API descriptions of other formats into specs.",
        subcommands: [ImportOpenAPI.self]
    )
}

struct ImportOpenAPI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Converts Twilio's OpenAPI 3 descriptions into specs, one per file.",
        discussion: """
            Each FILE becomes DIR/<Name>.yaml, named after the file (twilio_api_v2010.yaml gives \
            ApiV2010). What a spec cannot express is reported as FILE:LINE:COL: warning: … with the \
            JSON pointer of the place, and skipped. A spec is written only when gen can generate \
            from it.
            """
    )

    @Argument(
        help: ArgumentHelp("OpenAPI descriptions (YAML or JSON).", valueName: "file"),
        completion: .file(extensions: ["yaml", "yml", "json"])
    )
    var files: [String]

    @Option(help: ArgumentHelp("The folder the specs go to.", valueName: "dir"), completion: .directory)
    var output = "Specs"

    @Option(
        help: ArgumentHelp("The spec's name, for one file, instead of the one its file name gives.", valueName: "name")
    )
    var name: String?

    func run() throws {
        let status = ImportCommand.run(files: files, output: output, name: name)
        if status != 0 { throw ExitCode(status) }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a starter spec, NAME.yaml, to edit into your own API.",
        discussion: """
            The starter is a small API of one resource with the five operations, each key it uses \
            explained in a comment. It never replaces a file: if NAME.yaml exists, nothing is written \
            and the exit code is 1.
            """
    )

    @Argument(help: ArgumentHelp("The API's name, UpperCamelCase, such as Notebook.", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("The folder the spec goes to.", valueName: "dir"))
    var output = "."

    func run() throws {
        let status = InitCommand.run(name: name, output: output)
        if status != 0 { throw ExitCode(status) }
    }
}
