import ODOPMessages
import ODOPRuntime

/// Products change by versions through `ServiceTransaction.storeChange` (version + 1, time,
/// store, emit).
extension ProductRecord: VersionedRecord {}
