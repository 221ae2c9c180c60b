import Testing

@Test func placeholder_CatalogueTests() {}
