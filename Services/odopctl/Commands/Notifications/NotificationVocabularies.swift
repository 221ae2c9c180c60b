import ArgumentParser
import ODOPMessages

// The notifications service's closed vocabularies as command-line values.

extension DeliveryStatus: ExpressibleByArgument {}
extension NotificationSubscriptionStatus: ExpressibleByArgument {}
extension ChannelKind: ExpressibleByArgument {}
extension MessageLanguage: ExpressibleByArgument {}
extension DeliveryMode: ExpressibleByArgument {}
