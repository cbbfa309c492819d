using System.Reflection;
using System.Runtime.CompilerServices;
using ArchUnitNET.Domain;
using ArchUnitNET.Domain.Dependencies;
using ArchUnitNET.Loader;
using DisclosureSite.Cli;
using DisclosureSite.Model;

namespace DisclosureSite.Tests;

/// <summary>
/// The layers of DisclosureSite point one way (docs/architecture.md): Model ← Loading ← Ledger ← Validation ← Publishing
/// ← Site ← Cli, each a folder and a namespace. Every type-to-type dependency the compiled assemblies contain — signatures,
/// fields, method bodies, lambdas — is read with ArchUnitNET and checked against that order.
/// </summary>
[TestFixture]
public class ArchitectureTests
{
    /// <summary>The layers, lowest first. A layer may use the layers before it, never one after it nor one of its rank.</summary>
    private static readonly (string Namespace, int Rank)[] Layers =
    [
        ("DisclosureSite.Model", 0),
        ("DisclosureSite.Diagnostics", 0),
        ("DisclosureSite.Loading", 1),
        ("DisclosureSite.Ledger", 2),
        ("DisclosureSite.Validation", 3),
        ("DisclosureSite.Publishing", 4),
        ("DisclosureSite.Site", 5),
        ("DisclosureSite.Cli", 6),
    ];

    private static readonly Lazy<Architecture> Assemblies = new(() =>
        new ArchLoader().LoadAssemblies(typeof(SiteInput).Assembly, typeof(CliContext).Assembly).Build());

    private static readonly Lazy<IReadOnlyList<Edge>> TypeEdges = new(ReadEdges);

    private sealed record Edge(string From, string To, string FromType, string ToType);

    [Test]
    public void Every_type_is_in_a_layer()
    {
        var outside = TypeEdges.Value.Select(e => (e.From, e.FromType)).Concat(TypeEdges.Value.Select(e => (From: e.To, FromType: e.ToType)))
            .Where(x => LayerOf(x.From) is null)
            .Select(x => x.FromType)
            .Distinct()
            .ToList();
        Assert.That(outside, Is.Empty, "types outside every layer: give them a folder of docs/architecture.md");
    }

    [Test]
    public void Dependencies_point_one_way_from_Cli_down_to_Model()
    {
        var violations = Violations(TypeEdges.Value);
        Assert.That(violations, Is.Empty, "dependencies against the direction of the layers:\n" + string.Join("\n", violations));
    }

    [Test]
    public void An_edge_against_the_direction_is_caught()
    {
        // What the test would see if the model called the loader, or validation wrote the site.
        var added = new[]
        {
            new Edge("DisclosureSite.Model", "DisclosureSite.Loading", typeof(Period).FullName!, "DisclosureSite.Loading.InputLoader"),
            new Edge("DisclosureSite.Validation.Rules", "DisclosureSite.Site.Write", "DisclosureSite.Validation.Rules.LedgerRule", "DisclosureSite.Site.Write.SiteOutput"),
            new Edge("DisclosureSite.Model", "DisclosureSite.Diagnostics", typeof(Period).FullName!, "DisclosureSite.Diagnostics.PhaseTimer"),
        };
        var violations = Violations(TypeEdges.Value.Concat(added));
        Assert.That(violations, Has.Count.EqualTo(3));
        Assert.That(violations[0], Does.Contain("Model -> Loading").And.Contain("Period"));
    }

    [Test]
    public void Render_reads_no_file_and_no_Git()
    {
        // Render is a function of SiteData and the theme, both read before it: the theme's files by Site/Load/ReadTheme.cs,
        // revisions by Site/Load/ReadRevisionHistory.cs, content hashes by the loaders; attachments and the ledger's copy
        // are copied after it (Site/Write/CopyAttachments.cs, CopyLedger.cs). No type of Site/Render reads a file.
        Assert.That(FileReadsIn("DisclosureSite.Site.Render"), Is.Empty);
    }

    [Test]
    public void A_file_read_in_Render_would_be_caught()
    {
        // The negative proof: the same search over the steps around Render finds the reads they are there to make.
        var load = FileReadsIn("DisclosureSite.Site.Load");
        var write = FileReadsIn("DisclosureSite.Site.Write");
        Assert.That(load, Has.Some.Contains("Load.ReadTheme uses System.IO.File"));
        Assert.That(load, Has.Some.Contains("Load.ReadRevisionHistory uses DisclosureSite.Publishing.Revisions.RevisionHistory"));
        Assert.That(write, Has.Some.Contains("Write.CopyLedger calls SiteOutput.Copy"));
        Assert.That(write, Has.Some.Contains("Write.CopyAttachments uses System.IO.File"));
    }

    /// <summary>
    /// Every use of a file or Git reader by the types of <paramref name="ns"/> (lambdas and closures included): the file
    /// system types, our readers of input files and Git, and <c>SiteOutput.Copy</c> (it reads its source file).
    /// </summary>
    private static List<string> FileReadsIn(string ns)
    {
        string[] readers =
        [
            "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileStream", "System.IO.RandomAccess",
            "System.IO.FileSystemInfo", "Microsoft.Extensions.FileProviders.PhysicalFileProvider",
            "DisclosureSite.Loading.GitObjects", "DisclosureSite.Loading.GitHistory", "DisclosureSite.Loading.TextFile", "DisclosureSite.Loading.ContentHash",
            "DisclosureSite.Loading.InputLoader", "DisclosureSite.Loading.InputFolder", "DisclosureSite.Publishing.Revisions.RevisionHistory",
        ];
        var types = Assemblies.Value.Types
            .Where(t => t.Namespace.FullName == ns || t.Namespace.FullName.StartsWith(ns + ".", StringComparison.Ordinal))
            .ToList();
        var uses = types.SelectMany(t => t.Dependencies.Where(d => readers.Contains(d.Target.FullName))
            .Select(d => $"{t.FullName} uses {d.Target.FullName}"));
        var copies = types.SelectMany(t => t.Dependencies.OfType<MethodCallDependency>()
            .Where(d => d.Target.FullName == "DisclosureSite.Site.Write.SiteOutput" && d.TargetMember.Name.StartsWith("Copy(", StringComparison.Ordinal))
            .Select(_ => $"{t.FullName} calls SiteOutput.Copy"));
        return uses.Concat(copies).Distinct().ToList();
    }

    [Test]
    public void No_static_table_carries_results_between_phases()
    {
        // Results travel in phase results (LoadResult, ValidationContext, CheckReport), never in a process-wide table.
        var banned = new[] { typeof(ConditionalWeakTable<,>) };
        var found = typeof(SiteInput).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType.IsGenericType && banned.Contains(f.FieldType.GetGenericTypeDefinition()))
            .Select(f => f.DeclaringType!.FullName + "." + f.Name)
            .ToList();
        Assert.That(found, Is.Empty);
    }

    /// <summary>Prints the graph between folders (how docs/architecture.md and the issue notes are made).</summary>
    [Test]
    public void Folder_graph_is_printed()
    {
        var graph = Graph(TypeEdges.Value, depth: 1);
        TestContext.Out.WriteLine("Between layers:\n" + graph + "\n\nBetween folders:\n" + Graph(TypeEdges.Value, depth: 2));
        Assert.That(graph, Does.Contain("Loading -> Model"));
    }

    /// <summary>The folder graph, one line per edge with the number of type-to-type dependencies behind it.</summary>
    private static string Graph(IEnumerable<Edge> edges, int depth) =>
        string.Join("\n", edges
            .Select(e => (From: Folder(e.From, depth), To: Folder(e.To, depth)))
            .Where(e => e.From != e.To)
            .GroupBy(e => e)
            .OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
            .Select(g => $"{g.Key.From} -> {g.Key.To} ({g.Count()})"));

    private static string Folder(string ns, int depth) =>
        string.Join('.', ns.Split('.').Skip(1).Take(depth));

    private static List<string> Violations(IEnumerable<Edge> edges) =>
        edges
            .Select(e => (Edge: e, From: LayerOf(e.From), To: LayerOf(e.To)))
            .Where(x => x.From is { } from && x.To is { } to && from.Namespace != to.Namespace && from.Rank <= to.Rank)
            .GroupBy(x => (x.From!.Value.Namespace, To: x.To!.Value.Namespace))
            .Select(g => $"{Short(g.Key.Namespace)} -> {Short(g.Key.To)}: " + string.Join(", ", g.Select(x => x.Edge.FromType + " uses " + x.Edge.ToType).Distinct().Take(8)))
            .ToList();

    private static string Short(string ns) => ns["DisclosureSite.".Length..];

    private static (string Namespace, int Rank)? LayerOf(string ns)
    {
        foreach (var layer in Layers)
        {
            if (ns == layer.Namespace || ns.StartsWith(layer.Namespace + ".", StringComparison.Ordinal))
            {
                return layer;
            }
        }

        return null;
    }

    private static IReadOnlyList<Edge> ReadEdges()
    {
        var architecture = Assemblies.Value;
        // A dependency's target may have no namespace (a generic parameter, a function pointer): it is not ours.
        static bool Ours(IType t) => t.Namespace?.FullName is { } ns && (ns == "DisclosureSite" || ns.StartsWith("DisclosureSite.", StringComparison.Ordinal));
        return architecture.Types
            .Where(Ours)
            .SelectMany(t => t.Dependencies.Select(d => d.Target).Where(Ours).Select(target => new Edge(t.Namespace.FullName, target.Namespace.FullName, t.FullName, target.FullName)))
            .Distinct()
            .ToList();
    }
}
