import Exports
import ODOPRuntime

await ServiceLauncher.main(ExportsService())
