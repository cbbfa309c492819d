using DisclosureSite.Model;

namespace DisclosureSite.Site.Render.Inputs;

/// <summary>
/// What the site says about one public disclosure besides its own files, worked out once before Render: the date it
/// became public and where that date comes from, its status against its item's deadline, whether it is withdrawn, and
/// the disclosure it corrects.
/// </summary>
/// <param name="Published">Its trusted date, or its embargo date if later (null: no date yet, public with this build).</param>
/// <param name="Status"><c>withdrawn</c>, <c>nil</c>, <c>on-time</c> or <c>late</c>.</param>
/// <param name="Days">Days late (only when <paramref name="Status"/> is <c>late</c>).</param>
/// <param name="Deadline">The deadline of the required-item entry it counts toward (none for corrections and items outside the catalogue).</param>
/// <param name="WithdrawnReason">Why it was withdrawn, or null while it is not.</param>
/// <param name="Corrected">The disclosure this correction points at, when it is public.</param>
public sealed record DisclosureFacts(
    DateOnly? Published,
    DateSource Source,
    string Status,
    int? Days,
    DateOnly? Deadline,
    string? WithdrawnReason,
    Disclosure? Corrected)
{
    /// <summary>The same facts, the disclosure corrected compared by identity (a record would compare its whole body).</summary>
    public bool IsSameAs(DisclosureFacts other) =>
        Published == other.Published && Source == other.Source && Status == other.Status && Days == other.Days && Deadline == other.Deadline
        && WithdrawnReason == other.WithdrawnReason && ReferenceEquals(Corrected, other.Corrected);
}
