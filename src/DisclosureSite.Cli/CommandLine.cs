namespace DisclosureSite.Cli;

/// <summary>Dispatches <c>disclosure &lt;command&gt;</c>; commands live in Commands/.</summary>
public static class CommandLine
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine("disclosure: check | build | preview | ledger | remind | init | new | corpus");
        return args.Length == 0 ? 2 : 0;
    }
}
