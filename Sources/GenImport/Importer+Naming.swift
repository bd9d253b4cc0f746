import Foundation
import GenCore
import Yams

/// Names: resources from operation ids, collections named in the plural, plurals of resources.
extension Importer {
    /// Some APIs name the operations on a collection after the plural (`ListAssistants`,
    /// `CreateAssistants`) and those on one instance after the singular (`FetchAssistant`): the
    /// plural's operations join the singular's resource when their path is its collection's
    /// (`/v1/Assistants` beside `/v1/Assistants/{id}`), where the merged resource first stood.
    static func mergeCollections(_ order: inout [String], _ byResource: inout [String: [FoundOperation]]) {
        for plural in order {
            guard let collection = byResource[plural], let singular = singular(of: plural),
                let instance = byResource[singular]
            else { continue }
            let collectionPaths = Set(instance.compactMap { PathTemplate.collection(of: $0.path)?.path })
            guard collection.contains(where: { collectionPaths.contains($0.path) }) else { continue }
            byResource[singular] =
                collection.map { operation in
                    var operation = operation
                    operation.resource = singular
                    return operation
                } + instance
            byResource[plural] = nil
        }
        var merged: [String] = []
        for name in order {
            let target = byResource[name] != nil ? name : singular(of: name)!
            if !merged.contains(target) { merged.append(target) }
        }
        order = merged
    }

    /// The names of a path's placeholders, in order: `[AccountSid, Sid]`.
    static func placeholders(_ path: String) -> [String] {
        PathTemplate.segments(of: path)?.compactMap(\.placeholder) ?? []
    }

    /// `Assistants` gives `Assistant`, `Policies` `Policy`, `Addresses` `Address`.
    static func singular(of name: String) -> String? {
        if name.hasSuffix("ies") { return name.dropLast(3) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("shes") || name.hasSuffix("ches") || name.hasSuffix("xes") {
            return String(name.dropLast(2))
        }
        if name.hasSuffix("s"), !name.hasSuffix("ss") { return String(name.dropLast()) }
        return nil
    }

    /// `ListSipDomain` gives `List` and `SipDomain`.
    static func resourceAndVerb(_ operationID: String?) -> (String, String)? {
        guard let operationID else { return nil }
        for verb in verbs where operationID.hasPrefix(verb) {
            let rest = String(operationID.dropFirst(verb.count))
            if let first = rest.first, first.isUppercase,
                rest.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
            {
                return (verb, rest)
            }
        }
        return nil
    }

    /// English plurals of the regular kinds, each unlike every resource's name and other plural.
    /// A name that reads as a plural already (`BulkConsents`) gets `List` (`BulkConsentsList`).
    static func plurals(of resources: [String], api: String) -> [String: String] {
        // The API's own command is named after it, as each resource's is after its plural.
        var taken = Set(resources).union([api])
        var plurals: [String: String] = [:]
        for resource in resources {
            let candidates = [plural(resource), resource + "List", resource + "Collection"].compactMap { $0 }
            let chosen = candidates.first { !taken.contains($0) } ?? resource + "Items"
            taken.insert(chosen)
            plurals[resource] = chosen
        }
        return plurals
    }

    static func plural(_ name: String) -> String? {
        let lowered = name.lowercased()
        if lowered.hasSuffix("ss") || lowered.hasSuffix("sh") || lowered.hasSuffix("ch") || lowered.hasSuffix("x") {
            return name + "es"
        }
        if lowered.hasSuffix("s") { return nil }
        if lowered.hasSuffix("y"), let before = lowered.dropLast().last, !"aeiou".contains(before) {
            return name.dropLast() + "ies"
        }
        return name + "s"
    }
}
