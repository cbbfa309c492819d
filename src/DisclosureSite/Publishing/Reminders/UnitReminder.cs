using DisclosureSite.Model;
using DisclosureSite.Validation;

namespace DisclosureSite.Publishing.Reminders;

/// <summary>One overdue (缺报) or due-soon item of a unit, as listed in its reminder issue.</summary>
public sealed record ReminderEntry(CatalogueItem Item, Period Period, DateOnly Deadline, ItemStatus Status, int Days)
{
    public bool IsOverdue => Status == ItemStatus.Missing;
}

/// <summary>
/// What the reminder issue of one unit should say on the as-of date. A unit with no entries and no overdue 民情台账 matter
/// has nothing outstanding: its open reminder, if any, is closed.
/// </summary>
public sealed record UnitReminder(Unit Unit, IReadOnlyList<ReminderEntry> Entries, string Title, string Body, IReadOnlyList<string> Labels)
{
    /// <summary>Its 民情台账 matters still open past their time limit (<c>requests.overdue</c>), listed beside the disclosures.</summary>
    public IReadOnlyList<RequestMatter> OverdueRequests { get; init; } = [];

    public bool HasWork => Entries.Count > 0 || OverdueRequests.Count > 0;

    /// <summary>The unit's clerk (GitHub login from units.csv), or null.</summary>
    public string? Clerk => string.IsNullOrWhiteSpace(Unit.Clerk) ? null : Unit.Clerk.Trim().TrimStart('@');
}
