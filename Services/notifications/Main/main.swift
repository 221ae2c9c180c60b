import Notifications
import ODOPRuntime

await ServiceLauncher.main(NotificationsService())
