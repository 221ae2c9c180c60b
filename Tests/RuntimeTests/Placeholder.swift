import Testing

@Test func placeholder_RuntimeTests() {}
