namespace DisclosureSite.Model;

/// <summary>A row of <c>people.csv</c>: one person on a unit's contact card (民情联系卡). Office phones only.</summary>
public sealed record Person(string Unit, string Role, string Name, string? Phone, string? Note, SourceRef Source);

/// <summary>A row of <c>units/&lt;unit&gt;/duty.csv</c>: who is on duty (值班安排表). Day is 周一..周日 or a date.</summary>
public sealed record DutyEntry(string Unit, string Day, DateOnly? Date, string Name, string? Role, string? Phone, SourceRef Source);

/// <summary><c>units/&lt;unit&gt;/commitments.md</c>: the unit's public commitments (公开承诺) for a year.</summary>
public sealed record Commitments(string Unit, int? Year, string Title, string Body, SourceRef Source);
