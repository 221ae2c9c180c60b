import ODOPRuntime
import Training

await ServiceLauncher.main(TrainingService())
