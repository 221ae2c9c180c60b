import ODOPMessages
import ODOPRuntime

/// Plans change by versions through `ServiceTransaction.storeChange` (version + 1, time, store,
/// emit).
extension ExportPlan: VersionedRecord {}
