using System.Globalization;

namespace DisclosureSite.Loading;

/// <summary>
/// When each file was first added on the current branch, read from Git in one pass (one process for the
/// whole history, never one per file). A shallow clone or a folder outside Git has no history.
/// </summary>
// The git command, not LibGit2Sharp: no native library to ship per platform, and every place that builds the site (CI, a clerk's clone) has git.
public sealed class GitHistory
{
    private GitHistory(IReadOnlyDictionary<string, DateTimeOffset> added, string? unavailableReason, string? head)
    {
        Added = added;
        UnavailableReason = unavailableReason;
        Head = head;
    }

    /// <summary>Input-relative path → time of the first commit that added it.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Added { get; }

    /// <summary>Why Git dates cannot be used (not a repository, shallow clone, git missing), or null.</summary>
    public string? UnavailableReason { get; }

    /// <summary>The commit the input was read at, when in Git.</summary>
    public string? Head { get; }

    public bool Available => UnavailableReason is null;

    public static GitHistory None(string reason) => new(new Dictionary<string, DateTimeOffset>(), reason, null);

    public static GitHistory Read(string inputRoot)
    {
        var top = Run(inputRoot, "rev-parse", "--show-toplevel");
        if (top is null)
        {
            return None("not-a-repository");
        }

        var topDir = top.Trim();
        if (Run(inputRoot, "rev-parse", "--is-shallow-repository")?.Trim() == "true")
        {
            return None("shallow");
        }

        var head = Run(inputRoot, "rev-parse", "HEAD")?.Trim();
        if (head is null)
        {
            return None("no-commits");
        }

        var prefix = Path.GetRelativePath(Path.GetFullPath(topDir), Path.GetFullPath(inputRoot)).Replace(Path.DirectorySeparatorChar, '/');
        prefix = prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/";

        // Oldest first, so the first time a path is seen is the commit that added it.
        var log = Run(inputRoot, "log", "--reverse", "--first-parent", "--diff-filter=A", "--no-renames", "--name-only", "--format=%x01%cI", "HEAD", "--", ".");
        var added = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (log is null)
        {
            return new GitHistory(added, "git-log-failed", head);
        }

        DateTimeOffset current = default;
        foreach (var raw in log.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '\u0001')
            {
                current = DateTimeOffset.Parse(line[1..], CultureInfo.InvariantCulture, DateTimeStyles.None);
                continue;
            }

            if (!line.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            added.TryAdd(line[prefix.Length..], current);
        }

        return new GitHistory(added, null, head);
    }

    private static string? Run(string cwd, params string[] args) =>
        GitObjects.Run(cwd, null, args) is { } output ? System.Text.Encoding.UTF8.GetString(output) : null;
}
