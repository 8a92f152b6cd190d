import ArgumentParser

/// The `riskscore` command line.
@main
struct RiskScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riskscore",
        abstract: "Score payment transactions: allow, review or decline, with reasons and retry advice.",
        subcommands: [
            DemoCommand.self,
            CheckPolicyCommand.self,
            GenerateCommand.self,
            ScoreCommand.self,
            RescoreCommand.self,
            FeaturesCommand.self,
            EvaluateCommand.self,
        ]
    )
}
