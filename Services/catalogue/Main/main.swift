import Catalogue
import ODOPRuntime

await ServiceLauncher.main(CatalogueService())
