// Fixtures run two at a time (the CI machine has two cores). A fixture that reads process-wide state — the input
// cache's hit counter, environment variables, a browser — is [NonParallelizable] and runs alone.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
