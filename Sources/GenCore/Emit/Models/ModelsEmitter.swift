/// Emits the models module: one file per resource, list page and enum, and one for the SID types.
///
/// Models import only Foundation and GenRuntime, never networking.
public struct ModelsEmitter: Emitter {
    public let piece = "models"
    public let moduleSuffix = "Models"

    public init() {}

    public func emit(_ plan: APIPlan, templates: TemplateSet, options: EmitOptions) throws(DiagnosticError)
        -> [GeneratedFile]
    {
        let header = FileHeader(specFile: plan.api.specFile).text
        let folder = plan.modules.models
        func structFile(_ view: StructView) throws(DiagnosticError) -> GeneratedFile {
            try file("\(folder)/\(view.typeName).swift", "Models/struct", view, with: templates, options: options)
        }
        var files: [GeneratedFile] = []
        for resource in plan.resources {
            let view = StructView(
                header: header,
                typeName: resource.typeName,
                description: [resource.resource.description],
                properties: resource.properties.map(StructView.Member.init)
            )
            files.append(try structFile(view))
            if let page = resource.page {
                let items = StructView.Member(
                    name: page.itemsName,
                    wireName: page.page.itemsKey,
                    swiftType: "[\(resource.typeName)]",
                    type: nil,
                    nullable: false,
                    description: "The \(resource.typeName) resources on this page.",
                    pii: nil
                )
                let view = StructView(
                    header: header,
                    typeName: page.typeName,
                    description: ["One page of \(resource.typeName) resources, as Twilio's list endpoints return it."],
                    properties: [items] + page.fields.map(StructView.Member.init)
                )
                files.append(try structFile(view))
            }
        }
        for object in plan.objects {
            let view = StructView(
                header: header,
                typeName: object.typeName,
                description: [object.description],
                properties: object.properties.map(StructView.Member.init)
            )
            files.append(try structFile(view))
        }
        for enumeration in plan.enums {
            files.append(
                try file(
                    "\(folder)/\(enumeration.typeName).swift",
                    "Models/enum",
                    EnumView(header: header, enumeration),
                    with: templates,
                    options: options
                )
            )
        }
        // A module needs a source file: an API that declares no type yet (a description without
        // operations) still gets the file of SID types, empty.
        if !plan.sids.isEmpty || files.isEmpty {
            files.append(
                try file(
                    "\(folder)/Sids.swift",
                    "Models/sids",
                    SidsView(header: header, plan.sids),
                    with: templates,
                    options: options
                )
            )
        }
        return files
    }
}

/// What `Models/struct.mustache` renders: a `Codable` struct for a resource or a list page.
struct StructView {
    struct Member {
        let docLines: [String]
        let name: String
        let declaredType: String
        let nullable: Bool
        /// Whether it is the last member, which the initializer's parameter list ends with.
        var isLast = false
        /// The wire name as a string literal, and whether it differs from `name` (a coding key's value).
        let wireLiteral: String
        let renamed: Bool
        /// The container's methods that decode and encode it, and the arguments decoding takes.
        let decodeMethod: String
        let decodeArguments: String
        let encodeMethod: String
        /// The value `writeJSON(to:)` writes, such as `self.sid.rawValue`.
        let writtenValue: String
        let usesDate: Bool

        init(
            name: String,
            wireName: String,
            swiftType: String,
            type: TypePlan?,
            nullable: Bool,
            description: String?,
            pii: PII?
        ) {
            self.name = name
            self.nullable = nullable
            wireLiteral = SwiftLiteral.string(wireName)
            renamed = name != wireName
            declaredType = nullable ? swiftType + "?" : swiftType
            let note = pii.map { pii in
                "Personal data (\(pii.handling) handling"
                    + (pii.retentionDays.map { ", deleted after \($0) days" } ?? "") + ")."
            }
            docLines = DocComment.lines([description, note])
            usesDate = type?.needsFoundation ?? false
            let decode =
                type?.decodeMethod(optional: nullable) ?? (
                    name: "decode" + (nullable ? "IfPresent" : ""), takesType: true
                )
            decodeMethod = decode.name
            decodeArguments = SwiftLayout.arguments(
                (decode.takesType ? ["\(swiftType).self"] : []) + ["forKey: .\(name)"]
            )
            encodeMethod = type?.encodeMethod ?? "encode"
            writtenValue = type?.jsonArgument("self.\(name)", optional: nullable) ?? "self.\(name)"
        }

        init(_ property: PropertyPlan) {
            self.init(
                name: property.name,
                wireName: property.wireName,
                swiftType: property.type.swiftName,
                type: property.type,
                nullable: property.nullable,
                description: property.property.description,
                pii: property.property.pii
            )
        }
    }

    let header: String
    var imports: [String]
    var access = ""
    let docLines: [String]
    let typeName: String
    let properties: [Member]
    /// False for a struct of no members (an action's resource), whose coding Swift synthesizes.
    let hasProperties: Bool

    init(header: String, typeName: String, description: [String?], properties: [Member]) {
        self.header = header
        self.typeName = typeName
        hasProperties = !properties.isEmpty
        var properties = properties
        if !properties.isEmpty { properties[properties.count - 1].isLast = true }
        self.properties = properties
        docLines = DocComment.lines(description)
        let usesDates = properties.contains(where: \.usesDate)
        // GenRuntime always: every struct is `JSONWritable`.
        imports = (usesDates ? ["Foundation"] : []) + ["GenRuntime"]
    }
}

/// What `Models/enum.mustache` renders: an open enum with a catch-all case.
struct EnumView {
    struct Case {
        let name: String
        /// The wire value as a Swift string literal, quotes included.
        let literal: String
    }

    let header: String
    var imports: [String] = []
    var access = ""
    let docLines: [String]
    let typeName: String
    let cases: [Case]
    let unknownCase: String

    init(header: String, _ enumeration: EnumPlan) {
        self.header = header
        docLines = DocComment.lines([enumeration.enumeration.description])
        typeName = enumeration.typeName
        cases = enumeration.cases.map { Case(name: $0.name, literal: SwiftLiteral.string($0.value)) }
        unknownCase = enumeration.unknownCaseName
    }
}

/// What `Models/sids.mustache` renders: one type per SID prefix.
struct SidsView {
    struct Sid {
        let docLines: [String]
        let typeName: String
        let prefix: String
    }

    let header: String
    var imports = ["GenRuntime"]
    var access = ""
    let sids: [Sid]

    init(header: String, _ sids: [SidPlan]) {
        self.header = header
        self.sids = sids.map { plan in
            let sid = plan.sid
            return Sid(
                docLines: DocComment.lines([
                    "The SID of \(article(sid.entity)) \(sid.entity): `\(sid.prefix)` followed by 32 hexadecimal digits."
                ]),
                typeName: plan.typeName,
                prefix: sid.prefix
            )
        }
    }
}

/// `a` or `an`, for `word` in a sentence gen writes.
func article(_ word: String) -> String {
    guard let first = word.lowercased().first else { return "a" }
    return "aeiou".contains(first) ? "an" : "a"
}
