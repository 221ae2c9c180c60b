import Testing

@Test func placeholder_ZeroMQTests() {}
