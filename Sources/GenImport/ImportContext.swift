import Foundation
import GenCore
import Yams

/// The state of one import: the warnings, and the enums, objects and SIDs that the types met so
/// far declare.
final class ImportContext {
    let document: OpenAPIDocument
    private(set) var warnings: [ImportWarning] = []
    /// Enums by name, in the order they were first used.
    private(set) var enums: [(name: String, description: String?, values: [String])] = []
    private var enumByReference: [String: String] = [:]
    /// Objects by name, each after the objects it uses.
    private(set) var objects: [(name: String, description: String?, properties: [(String, SpecValue)])] = []
    private var objectByReference: [String: String] = [:]
    private var objectsInProgress: Set<String> = []
    /// For each SID prefix, the entities that the fields holding one suggest, with a weight.
    private var sidCandidates: [String: [String: Int]] = [:]
    /// The personal data of the resource being imported, by normalized property name
    /// (`voice_url` as `voiceurl`), which its parameters of the same name carry too.
    var resourcePII: [String: SpecValue] = [:]
    /// Every type name the generated code will declare, so that new ones are unique.
    private var typeNames: Set<String> = []

    init(document: OpenAPIDocument) {
        self.document = document
        typeNames = ReservedNames.types
    }

    func warn(_ message: String, at node: Node?, _ pointer: Pointer) {
        warnings.append(
            ImportWarning(
                file: document.file,
                line: node?.line ?? 1,
                column: node?.column ?? 1,
                pointer: pointer.description,
                message: message
            )
        )
    }

    func reserve(typeName: String) { typeNames.insert(typeName) }

    /// `base`, or `base` with the first number from 2 that makes it unused; then reserved.
    func uniqueTypeName(_ base: String) -> String {
        var name = base
        var number = 2
        while typeNames.contains(name) {
            name = base + String(number)
            number += 1
        }
        typeNames.insert(name)
        return name
    }

    // MARK: Enums

    func referencedEnumName(_ reference: String, componentName: String, target: Node, values: [String])
        -> String
    {
        if let name = enumByReference[reference] { return name }
        // `api.v2010.account.call_enum_status` names the enum `CallStatus`.
        let last = componentName.split(separator: ".").last.map(String.init) ?? componentName
        let base = Namer.typeName(last.replacingOccurrences(of: "_enum_", with: "_"))
        let name = uniqueTypeName(base)
        enumByReference[reference] = name
        enums.append((name, ImportContext.prose(target["description"]?.text).flatMap(\.text), values))
        return name
    }

    /// An enum written where it is used: named after its owner and field, and shared with an
    /// earlier one of that name and values.
    func inlineEnumName(owner: String, name: String, values: [String]) -> String {
        let base = Namer.typeName(owner + "_" + name)
        if let same = enums.first(where: { ($0.name == base || $0.name.hasPrefix(base)) && $0.values == values }) {
            return same.name
        }
        let enumName = uniqueTypeName(base)
        enums.append((enumName, nil, values))
        return enumName
    }

    func declareEnum(_ name: String, description: String, values: [String]) {
        var unique: [String] = []
        for value in values where !unique.contains(value) { unique.append(value) }
        if let index = enums.firstIndex(where: { $0.name == name }) {
            for value in unique where !enums[index].values.contains(value) { enums[index].values.append(value) }
            return
        }
        typeNames.insert(name)
        enums.append((name, description, unique))
    }

    // MARK: Objects

    /// The name of the object a component schema declares, declared (after the objects it uses)
    /// when first met; nil when it holds itself.
    func declareObject(_ reference: String, componentName: String, target: Node) -> String? {
        if let name = objectByReference[reference] { return name }
        if objectsInProgress.contains(reference) { return nil }
        objectsInProgress.insert(reference)
        defer { objectsInProgress.remove(reference) }
        let last = componentName.split(separator: ".").last.map(String.init) ?? componentName
        let name = uniqueTypeName(Namer.typeName(last))
        let properties = self.properties(
            of: target,
            at: ImportContext.pointer(of: reference),
            owner: name
        )
        objectByReference[reference] = name
        objects.append((name, ImportContext.prose(target["description"]?.text).flatMap(\.text), properties))
        return name
    }

    // MARK: SIDs

    /// The prefix of a SID pattern: `^CA[0-9a-fA-F]{32}$` gives `CA`. Twilio writes the same
    /// rule in a few ways (`OR[0-9a-f]{32}` unanchored in its IAM APIs, `[0-9A-Fa-f]`), all
    /// taken as the prefix and 32 hexadecimal digits.
    static func sidPrefix(_ pattern: String) -> String? {
        var body = Substring(pattern)
        if body.hasPrefix("^") { body = body.dropFirst() }
        if body.hasSuffix("$") { body = body.dropLast() }
        let prefix = body.prefix(2)
        guard prefix.count == 2, prefix.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else { return nil }
        let digits = ["[0-9a-fA-F]{32}", "[0-9A-Fa-f]{32}", "[a-fA-F0-9]{32}", "[0-9a-f]{32}"]
        return digits.contains(String(body.dropFirst(2))) ? String(prefix) : nil
    }

    /// What a field holding a SID says of its entity: `AccountSid` an Account; a resource's own
    /// `sid` the resource itself, which counts most.
    func noteSid(prefix: String, field: String, owner: String) {
        let entity: String
        let weight: Int
        if field.lowercased() == "sid" {
            entity = owner
            weight = 1000
        } else {
            let lowered = field.lowercased()
            guard lowered.hasSuffix("sid") else { return notePrefix(prefix) }
            var stem = String(field.dropLast(3))
            while stem.hasSuffix("_") || stem.hasSuffix("-") { stem.removeLast() }
            guard stem.contains(where: \.isLetter) else { return notePrefix(prefix) }
            entity = Namer.typeName(stem)
            weight = 1
        }
        sidCandidates[prefix, default: [:]][entity, default: 0] += weight
    }

    /// A prefix met in a field whose name says nothing of its entity.
    private func notePrefix(_ prefix: String) {
        if sidCandidates[prefix] == nil { sidCandidates[prefix] = [:] }
    }

    /// Each prefix met and its entity: the best supported name not taken by another prefix.
    func sids() -> [(prefix: String, entity: String)] {
        let ranked = sidCandidates.sorted { lhs, rhs in
            let left = lhs.value.values.reduce(0, +)
            let right = rhs.value.values.reduce(0, +)
            return left != right ? left > right : lhs.key < rhs.key
        }
        var assigned: [String: String] = [:]
        for (prefix, candidates) in ranked {
            let ordered = candidates.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
            let free = ordered.first { !typeNames.contains(Namer.sidTypeName(entity: $0)) }
            let entity = free ?? ((ordered.first ?? "Entity") + prefix)
            typeNames.insert(Namer.sidTypeName(entity: entity))
            assigned[prefix] = entity
        }
        return assigned.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    // MARK: Names

    /// Whether the spec format takes `name` as a wire name.
    static func isWireName(_ name: String) -> Bool {
        let body = name.last.map { "<>".contains($0) } == true ? String(name.dropLast()) : name
        guard let first = body.first, first.isASCII, first.isLetter || first.isNumber || first == "_" else {
            return false
        }
        return body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-./".contains($0)) }
    }

    /// The JSON pointer of a local reference.
    static func pointer(of reference: String) -> Pointer {
        var pointer = Pointer()
        for token in reference.dropFirst(2).split(separator: "/") {
            pointer =
                pointer / token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        return pointer
    }
}
