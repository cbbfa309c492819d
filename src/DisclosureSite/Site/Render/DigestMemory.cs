using System.Runtime.CompilerServices;
using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Site.Render;

/// <summary>
/// What a long-lived session (the preview, <see cref="SiteSession"/>) remembers of the digests of its last builds, by the
/// objects they digest (a reloaded disclosure is a new object, the others come back the same): each disclosure's listing,
/// each compliance entry, the site's rules, each table and list, and each item's tag, with what they were made from.
/// Owned by the session and handed to <see cref="StepDigests"/> for each build; a build without it remembers nothing.
/// The entries go with their objects (<see cref="ConditionalWeakTable{TKey, TValue}"/>).
/// </summary>
public sealed class DigestMemory
{
    internal ConditionalWeakTable<object, string> ByIdentity { get; } = new();

    internal ConditionalWeakTable<Disclosure, StepDigests.ListingMemo> Listings { get; } = new();

    internal ConditionalWeakTable<ComplianceEntry, StepDigests.EntryMemo> Entries { get; } = new();

    internal ConditionalWeakTable<RuleSet, StepDigests.SiteMemo> Sites { get; } = new();

    /// <summary>Each item's tag with its inputs (<see cref="Steps.RenderItemPages"/>).</summary>
    internal ConditionalWeakTable<Disclosure, object> ItemTags { get; } = new();
}
