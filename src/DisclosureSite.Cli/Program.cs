using System.Text;

namespace DisclosureSite.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Chinese messages must read right in cmd.exe and PowerShell, whose console code page is 936 (GBK) or 437 by
        // default, in a Linux terminal whatever LANG says, and in a file the output is redirected to: the tool always
        // writes UTF-8 (no BOM) and tells the Windows console so; the console's code page is given back at the end.
        var previous = Console.IsOutputRedirected && Console.IsErrorRedirected ? null : Console.OutputEncoding;
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        try
        {
            var context = new CliContext(Console.Out, Console.Error, TimeProvider.System) { OwnsProcess = true };
            CollectorHugePages.Advise(context);
            return CommandLine.Run(args, context);
        }
        finally
        {
            if (OperatingSystem.IsWindows() && previous is not null && previous.CodePage != Encoding.UTF8.CodePage)
            {
                Console.Out.Flush();
                Console.Error.Flush();
                Console.OutputEncoding = previous;
            }
        }
    }
}
