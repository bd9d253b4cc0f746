/// Emits the models module: one file per resource, list page and enum, and one for the SID types.
///
/// Models import only Foundation and GenRuntime, never networking.
public struct ModelsEmitter: Emitter {
    public let piece = "models"
    public let moduleSuffix = "Models"

    public init() {}

    public func emit(_ api: APIDefinition, templates: TemplateSet) throws(DiagnosticError) -> [GeneratedFile] {
        let header = FileHeader(specFile: api.specFile).text
        let folder = api.modules.models
        var files: [GeneratedFile] = []
        for resource in api.resources {
            let view = StructView(
                header: header,
                typeName: resource.swiftName,
                description: [resource.description],
                properties: resource.properties.map(StructView.Member.init)
            )
            files.append(
                GeneratedFile(
                    path: "\(folder)/\(resource.swiftName).swift",
                    contents: try render("Models/struct", view, with: templates)
                )
            )
            if let page = resource.page {
                let items = StructView.Member(
                    name: page.itemsSwiftName,
                    wireName: page.itemsKey,
                    swiftType: "[\(resource.swiftName)]",
                    kind: nil,
                    nullable: false,
                    description: "The \(resource.swiftName) resources on this page.",
                    pii: nil
                )
                let view = StructView(
                    header: header,
                    typeName: page.swiftName,
                    description: ["One page of \(resource.swiftName) resources, as Twilio's list endpoints return it."],
                    properties: [items] + page.fields.map(StructView.Member.init)
                )
                files.append(
                    GeneratedFile(
                        path: "\(folder)/\(page.swiftName).swift",
                        contents: try render("Models/struct", view, with: templates)
                    )
                )
            }
        }
        for enumeration in api.enums {
            files.append(
                GeneratedFile(
                    path: "\(folder)/\(enumeration.swiftName).swift",
                    contents: try render("Models/enum", EnumView(header: header, enumeration), with: templates)
                )
            )
        }
        if !api.sids.isEmpty {
            files.append(
                GeneratedFile(
                    path: "\(folder)/Sids.swift",
                    contents: try render("Models/sids", SidsView(header: header, api.sids), with: templates)
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
        /// `accountSid = "account_sid"`, or just `sid` when the names agree.
        let codingKey: String
        /// `accountSid: AccountSid? = nil`, a parameter of the memberwise initializer.
        let initParameter: String
        /// The statement that decodes this member in `init(from:)`, wrapped when it is long.
        let decodeStatement: String
        /// The statement that encodes this member in `encode(to:)`.
        let encodeStatement: String
        /// The statement that writes this member in `writeJSON(to:)`.
        let writeStatement: String
        let usesDate: Bool

        init(
            name: String,
            wireName: String,
            swiftType: String,
            kind: FieldType.Kind?,
            nullable: Bool,
            description: String?,
            pii: PII?
        ) {
            self.name = name
            codingKey = name == wireName ? name : "\(name) = \(SwiftLiteral.string(wireName))"
            declaredType = nullable ? swiftType + "?" : swiftType
            initParameter = "\(name): \(declaredType)" + (nullable ? " = nil" : "")
            let note = pii.map { pii in
                "Personal data (\(pii.handling) handling"
                    + (pii.retentionDays.map { ", deleted after \($0) days" } ?? "") + ")."
            }
            docLines = DocComment.lines([description, note], indent: 4)
            let key = "forKey: .\(name)"
            usesDate = kind == .dateTimeRFC2822
            let decode = usesDate ? "decodeRFC2822Date" : "decode"
            let arguments = (usesDate ? [] : ["\(swiftType).self"]) + [key]
            decodeStatement = SwiftCall.statement(
                "self.\(name) = try container.\(decode)\(nullable ? "IfPresent" : "")",
                arguments: arguments,
                indent: 8
            )
            encodeStatement = "try container.\(usesDate ? "encodeRFC2822Date" : "encode")(self.\(name), \(key))"
            let wire = SwiftLiteral.string(wireName)
            let value =
                switch kind {
                case .sid?, .enumeration?: "self.\(name)\(nullable ? "?" : "").rawValue"
                case .dateTimeRFC2822?: "rfc2822: self.\(name)"
                default: "self.\(name)"
                }
            writeStatement = "writer.field(\(wire), \(value))"
        }

        init(_ property: Property) {
            self.init(
                name: property.swiftName,
                wireName: property.wireName,
                swiftType: property.type.swiftType,
                kind: property.type.kind,
                nullable: property.nullable,
                description: property.description,
                pii: property.pii
            )
        }
    }

    let header: String
    let imports: [String]
    let docLines: [String]
    let typeName: String
    let properties: [Member]
    /// The memberwise initializer's parameters, one a line, commas between them.
    let initParameters: [String]

    init(header: String, typeName: String, description: [String?], properties: [Member]) {
        self.header = header
        self.typeName = typeName
        self.properties = properties
        docLines = DocComment.lines(description, indent: 0)
        let usesDates = properties.contains(where: \.usesDate)
        // GenRuntime always: every struct is `JSONWritable`.
        imports = (usesDates ? ["Foundation"] : []) + ["GenRuntime"]
        initParameters = properties.enumerated().map { index, member in
            member.initParameter + (index == properties.count - 1 ? "" : ",")
        }
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
    let docLines: [String]
    let typeName: String
    let cases: [Case]
    let unknownCase: String

    init(header: String, _ enumeration: EnumType) {
        self.header = header
        docLines = DocComment.lines([enumeration.description], indent: 0)
        typeName = enumeration.swiftName
        cases = enumeration.cases.map { Case(name: $0.swiftName, literal: SwiftLiteral.string($0.value)) }
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
    let sids: [Sid]

    init(header: String, _ sids: [SidType]) {
        self.header = header
        self.sids = sids.map { sid in
            Sid(
                docLines: DocComment.lines(
                    [
                        "The SID of \(article(sid.entity)) \(sid.entity): `\(sid.prefix)` followed by 32 hexadecimal digits."
                    ],
                    indent: 0
                ),
                typeName: sid.swiftName,
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
