using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Model.PersonalData;
using DisclosureSite.Site.Render;
using DisclosureSite.Validation;
using FsCheck;
using FsCheck.Fluent;

namespace DisclosureSite.Tests.Hardening;

/// <summary>
/// Issue 12: a bounded fuzz test in the normal test run. FsCheck (fixed seed) mutates the files of tests/fixtures —
/// bit flips, deletions, repetitions and hostile tokens (quotes, front-matter fences, nesting, entities, zero-width
/// characters, huge numbers) — and feeds them to the loaders (text, CSV, YAML, spreadsheets), the validator's scanners
/// and the Markdown and table renderers. None may throw, and none may take long. Each target gets a share of
/// <see cref="Budget"/>; an input that fails is written to tests/fixtures/fuzz/ and replayed by every later run
/// (<see cref="Kept_crashing_inputs_stay_fixed"/>).
/// </summary>
[NonParallelizable]
public class FuzzTests
{
    /// <summary>The whole fuzz run's wall-clock budget (the issue allows 60 s; the shared CI machine gets less).</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    /// <summary>Any single input taking longer than this is a finding of its own (a super-linear step).</summary>
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(5);

    private const ulong Seed = 20261130;

    private static string KeptFolder => Path.Combine(TestPaths.Fixtures, "fuzz");

    private static readonly string[] Tokens =
    [
        "\"", "\"\"", ",", ";", "\t", "\n", "\r\n", "---\n", ":", "- ", "> ", "* ", "**", "__", "~~", "[", "](", ")", "`", "|", "#",
        "&#49;", "&amp;", "\u200B", "\u00A0", "\u202E", "\uFEFF", "\\u0031", "{{", "{%", "%}", "9999999999999999999999999999",
        "-79228162514264337593543950335", "1.0E+308", "3.5042519900101E+17", "138 1234 5678", "350425199001011239", "合计",
        "2026-02-30", "9999-12-31", "..", "/", "\\", "!", "<script>", "&#x0;", "\u0000",
    ];

    public enum Target
    {
        Text,
        Csv,
        FrontMatter,
        Markdown,
        Scanner,
        Spreadsheet,
    }

    private static readonly Lazy<IReadOnlyList<(string Path, byte[] Bytes)>> Corpus = new(() =>
        Directory.EnumerateFiles(TestPaths.Fixtures, "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "fuzz" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is ".md" or ".csv" or ".yaml" or ".xlsx")
            .Where(f => new FileInfo(f).Length < 256 * 1024 && new FileInfo(f).LinkTarget is null)
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllBytes(f)))
            .ToList());

    /// <summary>One mutation of a file: where, what, how often.</summary>
    private static Gen<Func<byte[], byte[]>> Mutation =>
        Gen.OneOf(
            from at in Gen.Choose(0, 1 << 20)
            from bit in Gen.Choose(0, 7)
            select (Func<byte[], byte[]>)(b => Flip(b, at, bit)),
            from at in Gen.Choose(0, 1 << 20)
            from length in Gen.Choose(1, 64)
            select (Func<byte[], byte[]>)(b => Delete(b, at, length)),
            from at in Gen.Choose(0, 1 << 20)
            from token in Gen.Elements(Tokens)
            from times in Gen.Elements(1, 1, 2, 3, 50, 500)
            select (Func<byte[], byte[]>)(b => Insert(b, at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(token, times))))),
            from at in Gen.Choose(0, 1 << 20)
            from length in Gen.Choose(1, 200)
            from times in Gen.Elements(2, 10, 300)
            select (Func<byte[], byte[]>)(b => Repeat(b, at, length, times)));

    private static Gen<(int File, Func<byte[], byte[]>[] Mutations)> Case(int files) =>
        from file in Gen.Choose(0, files - 1)
        from count in Gen.Choose(1, 6)
        from mutations in Gen.ArrayOf(Mutation, count)
        select (file, mutations);

    [Test]
    public void Mutated_fixtures_never_crash_or_stall_the_loaders_and_renderers()
    {
        var corpus = Corpus.Value;
        Assert.That(corpus, Has.Count.GreaterThan(100), "the fixtures are the fuzz corpus");
        var targets = Enum.GetValues<Target>();
        var share = Budget / targets.Length;
        var runs = new Dictionary<Target, int>();
        var failures = new List<string>();
        foreach (var target in targets)
        {
            var deadline = Stopwatch.StartNew();
            var files = corpus.Where(f => Fits(target, f.Path)).ToList();
            var n = 0;
            var replay = new Replay(new Rnd(Seed + (ulong)target, 0x9E3779B97F4A7C15UL), Microsoft.FSharp.Core.FSharpOption<int>.None);
            var config = Config.Quick.WithMaxTest(100_000).WithReplay(Microsoft.FSharp.Core.FSharpOption<Replay>.Some(replay)).WithQuietOnSuccess(true);
            Prop.ForAll(Case(files.Count).ToArbitrary(), c =>
            {
                if (deadline.Elapsed > share || failures.Count > 0)
                {
                    return true;
                }

                var input = c.Mutations.Aggregate(files[c.File].Bytes, (b, m) => m(b));
                n++;
                if (Run(target, input) is { } failure)
                {
                    failures.Add($"{target} on a mutation of {Path.GetRelativePath(TestPaths.Fixtures, files[c.File].Path)}: {failure} (kept as {Keep(target, input)})");
                }

                return true;
            }).Check(config);
            runs[target] = n;
        }

        TestContext.Out.WriteLine("fuzz inputs per target: " + string.Join(", ", runs.Select(r => $"{r.Key} {r.Value}")));
        Assert.That(failures, Is.Empty);
        Assert.That(runs.Values, Has.All.GreaterThan(10), "every target got inputs within the budget");
    }

    public static IEnumerable<TestCaseData> KeptCases() =>
        Directory.Exists(KeptFolder)
            ? Directory.EnumerateFiles(KeptFolder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) || !Path.GetFileName(f).StartsWith("README", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(f => new TestCaseData(Path.GetFileName(f)).SetName("Kept_fuzz_input_" + Path.GetFileName(f)))
            : [];

    /// <summary>Every input the fuzzer ever kept still runs clean (the fix stays fixed).</summary>
    [TestCaseSource(nameof(KeptCases))]
    public void Kept_crashing_inputs_stay_fixed(string name)
    {
        var target = Enum.Parse<Target>(name.Split('-')[0]);
        Assert.That(Run(target, File.ReadAllBytes(Path.Combine(KeptFolder, name))), Is.Null);
    }

    private static bool Fits(Target target, string path) => target switch
    {
        Target.Csv => path.EndsWith(".csv", StringComparison.Ordinal),
        Target.FrontMatter or Target.Markdown => path.EndsWith(".md", StringComparison.Ordinal),
        Target.Spreadsheet => path.EndsWith(".xlsx", StringComparison.Ordinal),
        _ => true,
    };

    /// <summary>Runs one target on one input; the failure (exception or slowness), or null.</summary>
    private static string? Run(Target target, byte[] input)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var sink = new FindingSink();
            switch (target)
            {
                case Target.Text:
                    TextFile.Decode(input, "fuzz.md", sink, out _);
                    break;
                case Target.Csv:
                    if (TextFile.Decode(input, "fuzz.csv", sink, out _) is { } csv)
                    {
                        if (CsvText.Parse(csv, "fuzz.csv", sink) is { } table)
                        {
                            foreach (var row in table.Rows)
                            {
                                foreach (var cell in row.Cells)
                                {
                                    PersonalDataScanner.Scan(cell.Text);
                                    _ = Amount.TryParse(cell.Text, out _);
                                }
                            }

                            SafeCsv.Of(table.Header.Select(h => h.Text).ToList(), table.Rows.Select(r => (IReadOnlyList<string?>)r.Cells.Select(c => c.Text).ToList()));
                        }
                    }

                    break;
                case Target.FrontMatter:
                    if (TextFile.Decode(input, "fuzz.md", sink, out _) is { } md && FrontMatterText.Split(md, "fuzz.md", sink, "cun", "2025-Q1") is { } parts)
                    {
                        if (YamlText.Parse(parts.Yaml, "fuzz.md", sink, lineOffset: 1) is YamlDotNet.RepresentationModel.YamlMappingNode map)
                        {
                            PersonalDataFindings.ScanFrontMatter(parts.Yaml, "fuzz.md", "cun", "2025-Q1", "village.finance");
                            var fields = new YamlFields(map, "fuzz.md", sink, DisclosureLoader.Keys, 1, "cun", "2025-Q1");
                            fields.Date("published");
                            fields.Decimal("opening_balance");
                            fields.StringList("attachments");
                        }
                    }

                    break;
                case Target.Markdown:
                    var body = Encoding.UTF8.GetString(input);
                    if (MarkdownBody.Admit(body, "fuzz.md", 1, sink))
                    {
                        SafeMarkdown.ToHtml(body);
                    }

                    break;
                case Target.Scanner:
                    var text = Encoding.UTF8.GetString(input);
                    PersonalDataScanner.Scan(text);
                    PersonalDataScanner.Redact(text);
                    break;
                case Target.Spreadsheet:
                    var dir = TestPaths.TempDir("ds-fuzz");
                    try
                    {
                        File.WriteAllBytes(Path.Combine(dir, "fuzz.xlsx"), input);
                        TableReader.Read(new InputFolder(dir), "fuzz.xlsx", TableSchema.Generic, new SheetRequest(new HashSet<string>(), RequireKnown: false), null, sink);
                    }
                    finally
                    {
                        Directory.Delete(dir, recursive: true);
                    }

                    break;
            }
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        return watch.Elapsed > SlowInput ? $"took {watch.Elapsed.TotalSeconds:0.0} s" : null;
    }

    private static string Keep(Target target, byte[] input)
    {
        Directory.CreateDirectory(KeptFolder);
        var name = $"{target}-{Convert.ToHexStringLower(SHA256.HashData(input))[..16]}.bin";
        File.WriteAllBytes(Path.Combine(KeptFolder, name), input);
        return "tests/fixtures/fuzz/" + name;
    }

    private static byte[] Flip(byte[] b, int at, int bit)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var copy = (byte[])b.Clone();
        copy[at % copy.Length] ^= (byte)(1 << bit);
        return copy;
    }

    private static byte[] Delete(byte[] b, int at, int length)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var start = at % b.Length;
        var end = Math.Min(b.Length, start + length);
        return [.. b.AsSpan(0, start), .. b.AsSpan(end)];
    }

    private static byte[] Insert(byte[] b, int at, byte[] what)
    {
        var start = b.Length == 0 ? 0 : at % (b.Length + 1);
        return [.. b.AsSpan(0, start), .. what, .. b.AsSpan(start)];
    }

    private static byte[] Repeat(byte[] b, int at, int length, int times)
    {
        if (b.Length == 0)
        {
            return b;
        }

        var start = at % b.Length;
        var chunk = b.AsSpan(start, Math.Min(length, b.Length - start)).ToArray();
        var result = new List<byte>(b.Length + (chunk.Length * times));
        result.AddRange(b.AsSpan(0, start).ToArray());
        for (var i = 0; i < times; i++)
        {
            result.AddRange(chunk);
        }

        result.AddRange(b.AsSpan(start).ToArray());
        return [.. result];
    }

    [Test]
    public void Every_control_character_but_tab_and_line_ends_marks_a_binary_file_and_nothing_else_does()
    {
        for (var c = char.MinValue; ; c++)
        {
            var expected = char.IsControl(c) && c is not ('\n' or '\r' or '\t');
            Assert.That(TextFile.HasControlCharacters("公开" + c + new string('a', 40)), Is.EqualTo(expected), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }
}
