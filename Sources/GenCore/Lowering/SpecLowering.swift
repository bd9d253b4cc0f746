import Foundation

/// Stage 2: checks a ``RawSpec`` and lowers it to an ``APIDefinition``: what the API is on the
/// wire, its types resolved. Naming in Swift is the plan's job (``Planner``).
///
/// Every problem is logged with its location and lowering goes on, so one run reports all of
/// them. The concerns live in files of their own: declarations (auth, SIDs, enums), resources,
/// operations, constraints and the checks of names as text (`Lowering+Text.swift`).
public struct SpecLowering {
    var log = DiagnosticLog()
    let spec: RawSpec
    var sids: [String: SidType] = [:]
    var enums: [String: EnumType] = [:]
    /// The objects declared so far: a declared object may use those before it.
    var objects: [String: ObjectType] = [:]

    /// The definition and every problem found; the definition holds what could be lowered.
    static func lowered(_ spec: RawSpec) -> (APIDefinition, [Diagnostic]) {
        var lowering = SpecLowering(spec: spec)
        let definition = lowering.lower()
        return (definition, lowering.log.diagnostics)
    }

    /// Lowers and plans `spec`: the definition when neither found a problem.
    public static func lower(_ spec: RawSpec) -> Result<APIDefinition, DiagnosticError> {
        Planner.plan(spec).map(\.api)
    }

    private init(spec: RawSpec) {
        self.spec = spec
    }

    private mutating func lower() -> APIDefinition {
        let name = spec.name.map { checkTypeName($0, "the spec's name") } ?? ""
        if let baseURL = spec.baseURL, !(baseURL.value.hasPrefix("https://") || baseURL.value.hasPrefix("http://")) {
            log.error("baseUrl must be an http:// or https:// URL, found '\(baseURL.value)'", at: baseURL.location)
        }
        let sidList = lowerSids()
        let enumList = lowerEnums()
        let objectList = lowerObjects()
        let resources = spec.resources.map { lower($0) }
        return APIDefinition(
            specFile: URL(fileURLWithPath: spec.file).lastPathComponent,
            name: name,
            title: spec.title?.value,
            description: spec.description?.value,
            baseURL: spec.baseURL?.value ?? "",
            auth: lowerAuth(resources: resources),
            errors: ErrorCodes(
                authentication: spec.errors?.authentication?.value,
                notFound: spec.errors?.notFound?.value,
                invalidParameter: spec.errors?.invalidParameter?.value,
                moreInfo: lowerMoreInfo()
            ),
            sids: sidList,
            enums: enumList,
            objects: objectList,
            resources: resources,
            acronyms: lowerAcronyms(),
            source: spec.location
        )
    }
}
