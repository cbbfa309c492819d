using System.Runtime.CompilerServices;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render;

/// <summary>
/// What a long-lived session (the preview, <see cref="SiteSession"/>) remembers of the digests of its last builds, by the
/// objects they digest (a reloaded disclosure is a new object, the others come back the same): each unit's listing and
/// compliance entries, the site's rules, each table and list, and each item's tag, with what they were made from.
/// Owned by the session and handed to <see cref="StepDigests"/> for each build; a build without it remembers nothing.
/// The entries go with their objects (<see cref="ConditionalWeakTable{TKey, TValue}"/>).
/// </summary>
public sealed class DigestMemory
{
    internal ConditionalWeakTable<object, string> ByIdentity { get; } = new();

    /// <summary>Each unit's public disclosures as lists show them, with their facts (<see cref="StepDigests"/>): the last build's, by unit.</summary>
    internal Dictionary<string, StepDigests.ListingMemo> ListingGroups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each unit's compliance entries (<see cref="StepDigests"/>): the last build's, by unit.</summary>
    internal Dictionary<string, StepDigests.EntriesMemo> EntryGroups { get; set; } = new(StringComparer.Ordinal);

    internal ConditionalWeakTable<RuleSet, StepDigests.SiteMemo> Sites { get; } = new();

    /// <summary>The last build's public disclosures, with what they were made from (<see cref="Inputs.PublicDisclosures.Make"/>).</summary>
    internal Inputs.PublicDisclosures.KeptPublic? LastPublic { get; set; }

    /// <summary>The last build's compliance facts, with what they were made from (<see cref="Inputs.ComplianceFacts.Make"/>).</summary>
    internal Inputs.ComplianceFacts.Kept? LastCompliance { get; set; }

    /// <summary>The last build's 民情台账 facts (<see cref="Inputs.RequestFacts.Make"/>).</summary>
    internal Inputs.RequestFacts? LastRequests { get; set; }

    /// <summary>The order of the public disclosures (<see cref="Inputs.PublicDisclosures.All"/>), by their places in the load.</summary>
    internal KeptOrder<Disclosure> PublicOrder { get; } = Inputs.PublicDisclosures.NewKeptOrder();

    /// <summary>The order of the manifest's items, by their URLs as listed (<see cref="Write.GenerateManifest"/>).</summary>
    internal KeptOrder<string> ManifestOrder { get; } = new(string.CompareOrdinal, string.Equals);

    /// <summary>Each item's tag with its inputs (<see cref="Steps.RenderItemPages"/>).</summary>
    internal ConditionalWeakTable<Disclosure, object> ItemTags { get; } = new();

    /// <summary>Each public disclosure's row of <c>data/disclosures.csv</c> and <c>.json</c>, with its cells (<see cref="Steps.RenderDataDownloads"/>).</summary>
    internal ConditionalWeakTable<Disclosure, Steps.RenderDataDownloads.RowMemo> Rows { get; } = new();

    /// <summary>The files of the pages the last sitemap listed (<c>…/index.html</c>), and their digest (<see cref="Steps.GenerateSitemap"/>).</summary>
    internal (List<string> Pages, string Digest)? SitemapPages { get; set; }

    /// <summary>The manifest's entry of each file by path, with the hash and size it was made from (<see cref="Write.GenerateManifest"/>).</summary>
    internal Dictionary<string, Write.GenerateManifest.FileMemo> ManifestFiles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The manifest's entry of each public disclosure, with the facts it was made from.</summary>
    internal ConditionalWeakTable<Disclosure, Write.GenerateManifest.DisclosureItemMemo> ManifestDisclosures { get; } = new();

    /// <summary>The manifest's entry of each told 民情台账 matter by URL, with the item it was made from.</summary>
    internal Dictionary<string, Write.GenerateManifest.ItemMemo> ManifestItems { get; set; } = new(StringComparer.Ordinal);
}
