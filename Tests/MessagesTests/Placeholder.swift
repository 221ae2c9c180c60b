import Testing

@Test func placeholder_MessagesTests() {}
