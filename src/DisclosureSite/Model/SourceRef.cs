namespace DisclosureSite.Model;

/// <summary>Where a piece of data came from: a file relative to the input folder (<c>/</c>-separated) and a line.</summary>
public readonly record struct SourceRef(string File, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is { } l ? (Column is { } c ? $"{File}:{l}:{c}" : $"{File}:{l}") : File;
}
