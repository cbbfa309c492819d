namespace DisclosureSite.Model;

/// <summary>Votes at a meeting of 四议两公开.</summary>
public sealed record Votes(int? Present, int? For, int? Against, int? Abstain);

/// <summary>One dated step of a 四议两公开 record.</summary>
public sealed record DecisionStep(string Id, DateOnly Date, string? Minutes, Votes? Votes, SourceRef Source);

/// <summary>Status of a 四议两公开 decision.</summary>
public enum DecisionStatus
{
    Proposed,
    InProgress,
    Done,
    Rejected,
}

/// <summary><c>decisions/&lt;unit&gt;/&lt;slug&gt;.yaml</c>: a major village matter through 四议两公开.</summary>
public sealed record Decision(
    string Unit,
    string Slug,
    string File,
    string Title,
    string? Item,
    IReadOnlyList<DecisionStep> Steps,
    DecisionStatus Status,
    string? Result)
{
    public DecisionStep? Step(string id)
    {
        foreach (var s in Steps)
        {
            if (s.Id == id)
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>
    /// The file's text as the loader read it (decoded from UTF-8 or GB18030, newlines normalised): what the personal-data
    /// scan reads, so the file is neither read a second time nor decoded another way.
    /// </summary>
    public required string Text { get; init; }
}
