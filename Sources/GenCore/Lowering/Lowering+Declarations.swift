/// The spec's declarations: its authentication, SID kinds and enums.
extension SpecLowering {
    mutating func lowerAuth(resources: [Resource]) -> Auth {
        let auth = spec.auth
        if let scheme = auth?.scheme, scheme.value != "basic" {
            log.error("unsupported auth scheme '\(scheme.value)'; only 'basic' is supported", at: scheme.location)
        }
        func credential(_ raw: RawCredential?) -> Auth.Credential {
            if let variable = raw?.environmentVariable,
                variable.value.isEmpty
                    || !variable.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            {
                log.error("'\(variable.value)' is not an environment variable name", at: variable.location)
            }
            return Auth.Credential(name: raw?.name?.value ?? "", environmentVariable: raw?.environmentVariable?.value)
        }
        return Auth(
            scheme: auth?.scheme?.value ?? "basic",
            username: credential(auth?.username),
            password: credential(auth?.password),
            account: auth?.accountParameter.flatMap { accountParameter($0, resources: resources) }
        )
    }

    /// The account parameter: a path parameter of one SID type wherever it appears.
    private mutating func accountParameter(_ name: Located<String>, resources: [Resource]) -> Auth.AccountParameter? {
        let uses = resources.flatMap(\.operations).flatMap(\.parameters).filter {
            $0.wireName == name.value && $0.location == .path
        }
        guard let first = uses.first else {
            log.error("accountParameter '\(name.value)' is not a path parameter of any operation", at: name.location)
            return nil
        }
        guard first.type.kind == .sid, let prefix = first.type.reference,
            uses.allSatisfy({ $0.type == first.type })
        else {
            log.error(
                "accountParameter '\(name.value)' must be a path parameter of one SID type in every operation",
                at: name.location
            )
            return nil
        }
        return Auth.AccountParameter(wireName: name.value, sidPrefix: prefix)
    }

    mutating func lowerSids() -> [SidType] {
        var result: [SidType] = []
        for (prefix, entity) in spec.sids {
            guard prefix.value.count == 2, prefix.value.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                log.error("a SID prefix is two capital letters, found '\(prefix.value)'", at: prefix.location)
                continue
            }
            checkTypeName(entity, "a SID's entity")
            let sid = SidType(prefix: prefix.value, entity: entity.value, source: entity.location)
            sids[prefix.value] = sid
            result.append(sid)
        }
        return result
    }

    mutating func lowerEnums() -> [EnumType] {
        var result: [EnumType] = []
        for raw in spec.enums {
            checkTypeName(raw.name, "an enum's name")
            if raw.values.isEmpty {
                log.error("enum '\(raw.name.value)' has no values", at: raw.name.location)
            }
            var seen = Set<String>()
            var values: [EnumType.Value] = []
            for value in raw.values {
                guard seen.insert(value.value).inserted else {
                    log.error("duplicate value '\(value.value)' in enum '\(raw.name.value)'", at: value.location)
                    continue
                }
                values.append(EnumType.Value(value: value.value, source: value.location))
            }
            let enumeration = EnumType(
                name: raw.name.value,
                description: raw.description?.value,
                values: values,
                source: raw.name.location
            )
            enums[raw.name.value] = enumeration
            result.append(enumeration)
        }
        return result
    }
}
