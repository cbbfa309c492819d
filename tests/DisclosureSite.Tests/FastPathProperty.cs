using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace DisclosureSite.Tests;

/// <summary>
/// The property every fast path of ours is held to (plain prose without Markdig, plain front matter without YamlDotNet's
/// parser): on texts drawn from <c>texts</c> (30,000, a fixed seed), whatever the fast path takes gives what the library
/// gives; it must take enough of them for that to mean something.
/// </summary>
public static class FastPathProperty
{
    /// <param name="texts">The texts to try.</param>
    /// <param name="fast">The fast path's result, or null when it does not take the text.</param>
    /// <param name="library">The library's result for the same text.</param>
    /// <param name="differs">What the failure message calls a text whose results differ.</param>
    public static void Holds(Gen<string> texts, Func<string, string?> fast, Func<string, string> library, string differs)
    {
        var taken = 0;
        var tried = 0;
        var replay = new Replay(new Rnd(20261202, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None);
        var config = Config.Quick.WithMaxTest(30_000).WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(replay)).WithQuietOnSuccess(true);
        var failures = new StringBuilder();
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            tried++;
            if (fast(text) is { } result)
            {
                taken++;
                if (result != library(text) && failures.Length < 2000)
                {
                    failures.Append(System.Text.Json.JsonSerializer.Serialize(text)).Append('\n');
                }
            }

            return true;
        }).Check(config);

        Assert.That(failures.ToString(), Is.Empty, differs);
        Assert.That(taken, Is.GreaterThan(tried / 20), "the property meets the fast path often enough to mean something");
    }
}
