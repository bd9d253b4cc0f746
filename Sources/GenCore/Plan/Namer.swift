/// Computes every Swift name the generated code uses, in one place.
///
/// Names come from spec names and wire names: `account_sid` → `accountSid`, `SipDomain` →
/// `SipDomainModels`, `DomainName` → `--domain-name`. A name that is a Swift keyword is written
/// with backticks, one that starts with a digit gets a leading underscore, and a few words that
/// cannot be member names even in backticks get a trailing underscore.
public enum Namer {
    /// Reserved words that must be escaped with backticks to be used as identifiers.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup",
        "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while",
        "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
        "_",
    ]

    /// Words that stay ambiguous even in backticks when used as members (`value.Type` is the
    /// metatype, `init` the initializer) or that would shadow what a generated type inherits
    /// (`hashValue` from `Hashable`), so they get a trailing underscore instead.
    static let reservedMembers: Set<String> = ["Type", "Protocol", "init", "self", "Self", "_", "hashValue"]

    /// Members every generated enum declares, which a case must not shadow.
    static let reservedCases: Set<String> = ["rawValue", "allCases", "description"]

    /// Splits a spec or wire name into words: at `_`, `-`, `.`, spaces, and at case changes
    /// (`HTTPMethod` → `HTTP`, `Method`; `voiceUrl` → `voice`, `Url`).
    static func words(_ name: String) -> [String] {
        // The bounds of a range, as Twilio names them: `StartTime<` is before, `StartTime>` after.
        if name.hasSuffix("<") { return words(String(name.dropLast())) + ["Before"] }
        if name.hasSuffix(">") { return words(String(name.dropLast())) + ["After"] }
        var words: [String] = []
        var current = ""
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            guard isLetterOrDigit(character) else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if let previous = current.last, isUppercase(character) {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord =
                    isLowercase(previous) || isDigit(previous)
                    || (isUppercase(previous) && next.map(isLowercase) == true)
                if startsWord {
                    words.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    // Character classes for `words`, answered without Unicode tables for ASCII, which names
    // almost always are.
    private static func isLetterOrDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLetter || character.isNumber }
        return (0x30...0x39).contains(ascii) || (0x41...0x5A).contains(ascii) || (0x61...0x7A).contains(ascii)
    }

    private static func isUppercase(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isUppercase }
        return (0x41...0x5A).contains(ascii)
    }

    private static func isLowercase(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isLowercase }
        return (0x61...0x7A).contains(ascii)
    }

    private static func isDigit(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue else { return character.isNumber }
        return (0x30...0x39).contains(ascii)
    }

    /// `sip_domain` → `SipDomain`, `SipDomain` → `SipDomain`, `HTTP_METHOD` → `HttpMethod`.
    public static func typeName(_ name: String) -> String {
        let result = words(name).map(capitalized).joined()
        return escapedIdentifier(result.isEmpty ? "Value" : result, isMember: false)
    }

    /// The bare lowerCamelCase form, before escaping: `account_sid` → `accountSid`,
    /// `HTTPMethod` → `httpMethod`.
    static func lowerCamel(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "value" }
        return first.lowercased() + parts.dropFirst().map(capitalized).joined()
    }

    /// A property, parameter or method name, escaped so that it compiles.
    public static func memberName(_ name: String) -> String {
        escapedIdentifier(lowerCamel(name), isMember: true)
    }

    /// An enum case for a wire value: `POST` → `post`, `IP_ACL` → `ipAcl`.
    public static func caseName(_ value: String) -> String {
        let name = lowerCamel(value)
        return reservedCases.contains(name) ? name + "_" : escapedIdentifier(name, isMember: true)
    }

    /// A CLI option or command: `DomainName` → `domain-name`, `SipDomains` → `sip-domains`.
    public static func kebabCase(_ name: String) -> String {
        words(name).map { $0.lowercased() }.joined(separator: "-")
    }

    /// The client method that fetches one page of a list operation: `page` for `list`, as
    /// Twilio's own libraries name it, otherwise `<operation>Page`.
    public static func singlePageMethodName(operation: String) -> String {
        operation == "list" ? "page" : memberName(operation + "_page")
    }

    /// The command-line tool's name: the API's name in lower case, such as `sipdomain`.
    public static func cliName(api: String) -> String {
        words(api).joined().lowercased()
    }

    /// A command type of the generated CLI: `SipDomain` → `SipDomainCommand`,
    /// `SipDomains` → `SipDomainsCommand`, `create` → `CreateCommand`.
    public static func commandTypeName(_ name: String) -> String { typeName(name + "_command") }

    /// The environment variable naming the CLI's base URL: `sipdomain` → `SIPDOMAIN_BASE_URL`.
    public static func baseURLVariable(cliName: String) -> String { cliName.uppercased() + "_BASE_URL" }

    /// An operation's CLI command and its aliases, in the words twilio-cli users know: `delete`
    /// is `remove`, with `delete` kept as an alias.
    public static func command(operation: String) -> (name: String, aliases: [String]) {
        let name = kebabCase(operation)
        return name == "delete" ? ("remove", ["delete"]) : (name, [])
    }

    /// A parameter's CLI option: the kebab-case wire name (`DomainName` → `domain-name`), with
    /// `-value` added when a generated command's own option already has that name.
    public static func optionName(_ wireName: String, taken: Set<String>) -> String {
        let name = kebabCase(wireName)
        return ReservedNames.options.contains(name) || taken.contains(name) ? name + "-value" : name
    }

    /// A parameter's property in a generated command: its Swift name, with `_` added when a
    /// command member already has it.
    public static func commandPropertyName(_ swiftName: String) -> String {
        ReservedNames.commandMembers.contains(swiftName) ? swiftName + "_" : swiftName
    }

    /// A Swift name as an argument label at a call site: keywords need no backticks there,
    /// except `inout`, and the compiler warns about needless ones.
    public static func argumentLabel(_ swiftName: String) -> String {
        let bare = swiftName.trimmingCharacters(in: ["`"])
        return bare == "inout" ? swiftName : bare
    }

    /// The client type, such as `SipDomainAPI` (not `SipDomainClient`, the module's name).
    public static func clientTypeName(api: String) -> String { typeName(api) + "API" }

    /// The server's handler protocol, such as `SipDomainHandler`.
    public static func handlerTypeName(api: String) -> String { typeName(api + "_handler") }

    /// A handler method, such as `createSipDomain`: unique across the API's resources.
    public static func handlerMethodName(operation: String, resource: String) -> String {
        memberName(operation + "_" + resource)
    }

    /// An operation's input type on the server, such as `CreateSipDomainInput`.
    public static func inputTypeName(operation: String, resource: String) -> String {
        typeName(operation + "_" + resource + "_input")
    }

    /// `Account` → `AccountSid`.
    public static func sidTypeName(entity: String) -> String { typeName(entity + "_sid") }

    /// `SipDomain` → `SipDomainPage`.
    public static func pageTypeName(resource: String) -> String { typeName(resource + "_page") }

    public static func modules(for apiName: String) -> ModuleNames {
        ModuleNames(
            models: typeName(apiName + "_models"),
            client: typeName(apiName + "_client"),
            server: typeName(apiName + "_server"),
            cli: typeName(apiName) + "CLI",
            openAPI: typeName(apiName) + "OpenAPI",
            memory: typeName(apiName + "_memory")
        )
    }

    /// An operation's `operationId` in the OpenAPI description: `create` of `SipDomain` →
    /// `CreateSipDomain`, as Twilio's description has it.
    public static func operationID(operation: String, resource: String) -> String {
        typeName(operation + "_" + resource)
    }

    /// The error JSON's schema in the OpenAPI description: `APIError`, after the runtime type that
    /// writes it, unless a type of the models module took that name.
    public static func errorSchemaName(avoiding typeNames: Set<String>) -> String {
        var name = "APIError"
        while typeNames.contains(name) { name += "Body" }
        return name
    }

    /// The catch-all case of an open enum: `unknown`, unless a value already took that name.
    public static func unknownCaseName(avoiding cases: [String]) -> String {
        var name = "unknown"
        while cases.contains(name) { name += "Value" }
        return name
    }

    private static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        // An all-caps word longer than two letters (an acronym in a wire name) reads better
        // as a word in a Swift name: `SIP_DOMAIN` → `SipDomain`.
        let rest = word.dropFirst()
        return first.uppercased() + (word.count > 2 && word == word.uppercased() ? rest.lowercased() : String(rest))
    }

    private static func escapedIdentifier(_ name: String, isMember: Bool) -> String {
        var name = name
        if let first = name.first, first.isNumber { name = "_" + name }
        if isMember, reservedMembers.contains(name) { return name + "_" }
        if !isMember, name == "Type" || name == "Protocol" || name == "Self" || name == "Any" { return name + "_" }
        return keywords.contains(name) ? "`\(name)`" : name
    }
}
