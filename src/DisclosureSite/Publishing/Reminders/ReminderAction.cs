namespace DisclosureSite.Publishing.Reminders;

/// <summary>What <see cref="ReminderSync"/> did (or, in a dry run, would do) for one unit.</summary>
public enum ReminderActionKind
{
    CreateLabel,
    Create,
    Update,
    Unchanged,
    Close,
    CloseDuplicate,
}

/// <summary>One step of a reminder run, with a Chinese line for the log.</summary>
public sealed record ReminderAction(ReminderActionKind Kind, string? Unit, int? Issue, string Description);
