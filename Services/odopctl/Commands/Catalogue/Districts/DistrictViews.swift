import ODOPMessages

/// How the districts commands show districts.
enum DistrictViews {
    static func table(_ districts: [DistrictRecord]) -> Table {
        var table = Table([.text("ID"), .text("STATE"), .text("NAME"), .number("LGD"), .text("ALIASES")])
        for district in districts {
            table.append([
                district.id, district.state, district.name, district.lgdCode.map(String.init) ?? "-",
                district.aliases.joined(separator: ", "),
            ])
        }
        return table
    }

    static func fields(_ district: DistrictRecord) -> FieldList {
        var fields = FieldList()
        fields.append("id", district.id)
        fields.append("state", "\(district.state) (\(district.stateCode))")
        fields.append("name", district.name)
        fields.append("LGD code", district.lgdCode.map(String.init) ?? "-")
        fields.append("aliases", district.aliases.isEmpty ? "-" : district.aliases.joined(separator: ", "))
        return fields
    }
}
