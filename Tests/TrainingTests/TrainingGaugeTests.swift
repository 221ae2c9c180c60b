import Foundation
import ODOPClient
import ODOPMessages
import ODOPTesting
import Testing
import Training

/// The training gauges in /metrics come from the aggregates and move with the lifecycle.
@Suite("training gauges in /metrics")
struct TrainingGaugeTests {
    @Test("an application shows in odop_training_funnel{step=\"applied\"} and in the waiting stage gauge")
    func applicationsByStage() async throws {
        let catalogue = try StubSource("catalogue")
        let training = try InProcessService(TrainingService(), peers: ["catalogue": catalogue.endpoints], http: true)
        try catalogue.publish(
            DistrictRegistered(
                DistrictRecord(
                    id: "UP-firozabad", state: "Uttar Pradesh", stateCode: "UP", name: "Firozabad", lgdCode: 160, aliases: [])))
        let client = try training.makeClient()
        var artisan: ArtisanView?
        try eventually("training knows Firozabad") {
            artisan = try? client.call(ArtisanRegister.self, Artisans.registration(7, trade: "potter"))
            return artisan != nil
        }
        let ops = await training.opsURL
        let url = try #require(ops) + "/metrics"
        #expect(try OpsHTTPClient.get(url).body.contains("odop_training_funnel{step=\"applied\"} 0"))
        _ = try client.call(ApplicationSubmit.self, .init(artisanId: try #require(artisan).artisanId, schemeId: "pm-vishwakarma"))
        let metrics = try OpsHTTPClient.get(url).body
        #expect(metrics.contains("odop_training_funnel{step=\"applied\"} 1"), "\(metrics)")
        #expect(metrics.contains("odop_training_applications_waiting{stage="), "\(metrics)")
        await training.stop()
        await catalogue.stop()
    }
}
