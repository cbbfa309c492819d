using System.Diagnostics;
using System.Text;

namespace DisclosureSite.Loading;

/// <summary>
/// Reads files as they were in past commits, for revision diffs and for <c>ledger verify</c>: one
/// <c>git cat-file --batch</c> process for any number of files, never one process per file.
/// </summary>
// The git command (cat-file --batch), not LibGit2Sharp: as GitHistory, no native library to ship per platform.
public sealed class GitObjects
{
    private GitObjects(string top, string prefix)
    {
        Top = top;
        Prefix = prefix;
    }

    /// <summary>The work tree's top folder.</summary>
    public string Top { get; }

    /// <summary>The input folder relative to <see cref="Top"/>, <c>/</c>-terminated (empty when the input is the top).</summary>
    public string Prefix { get; }

    /// <summary>The repository holding <paramref name="dir"/>, or null when it is not in Git (or git is missing).</summary>
    public static GitObjects? Open(string dir)
    {
        if (!Directory.Exists(dir) || Run(dir, null, "rev-parse", "--show-toplevel") is not { } topBytes)
        {
            return null;
        }

        var top = Encoding.UTF8.GetString(topBytes).Trim();
        var prefix = Path.GetRelativePath(Path.GetFullPath(top), Path.GetFullPath(dir)).Replace(Path.DirectorySeparatorChar, '/');
        prefix = prefix == "." ? string.Empty : prefix.TrimEnd('/') + "/";
        return new GitObjects(top, prefix);
    }

    /// <summary>The commit checked out, or null when there is none.</summary>
    public string? Head() => Text("rev-parse", "--verify", "-q", "HEAD")?.Trim() is { Length: > 0 } h ? h : null;

    /// <summary>True when the input folder has no uncommitted or untracked changes, so HEAD holds exactly what was read.</summary>
    public bool IsClean() => Text("status", "--porcelain", "--untracked-files=all", "--", string.IsNullOrEmpty(Prefix) ? "." : Prefix) is { } s && s.Trim().Length == 0;

    public bool IsShallow() => Text("rev-parse", "--is-shallow-repository")?.Trim() == "true";

    /// <summary>Every commit reachable from HEAD (one <c>git rev-list</c>).</summary>
    public IReadOnlySet<string> ReachableFromHead() =>
        (Text("rev-list", "HEAD") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>The committer time of every commit reachable from HEAD (one <c>git log</c>).</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> CommitTimes()
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (commit, time) in ParseCommitTimes(Text("log", "--format=%H %cI", "HEAD")))
        {
            times.TryAdd(commit, time);
        }

        return times;
    }

    /// <summary>
    /// The commits of the first-parent history of HEAD that changed a file (path relative to <see cref="Top"/>), oldest
    /// first, with their committer times: the versions a file went through on the branch.
    /// </summary>
    public IReadOnlyList<(string Commit, DateTimeOffset Time)> VersionsOf(string topRelative) =>
        ParseCommitTimes(Text("log", "--first-parent", "--reverse", "--format=%H %cI", "HEAD", "--", topRelative));

    /// <summary>A path below <see cref="Top"/> as Git names it (<c>/</c>-separated), or null when it is outside the work tree.</summary>
    public string? TopRelative(string fullPath)
    {
        var rel = Path.GetRelativePath(Path.GetFullPath(Top), Path.GetFullPath(fullPath)).Replace(Path.DirectorySeparatorChar, '/');
        return rel.StartsWith("../", StringComparison.Ordinal) || rel == ".." || Path.IsPathRooted(rel) ? null : rel;
    }

    /// <summary>Tags matching a pattern (<c>refs/tags/ledger-*</c>): name, object type (<c>tag</c> when annotated) and message subject.</summary>
    public IReadOnlyList<(string Name, string Type, string Subject)> Tags(string pattern) =>
        [.. (Text("for-each-ref", "--format=%(refname:strip=2)%09%(objecttype)%09%(contents:subject)", pattern) ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t', 3))
            .Where(p => p.Length == 3)
            .Select(p => (p[0], p[1], p[2]))];

    /// <summary>Creates an annotated tag at HEAD; null on success, else git's error.</summary>
    public string? CreateAnnotatedTag(string name, string subject, string body)
    {
        var (ok, error) = RunWithError(Top, "tag", "-a", name, "-m", subject, "-m", body, "HEAD");
        return ok ? null : error;
    }

    /// <summary>The spec of an input-relative file at a commit, for <see cref="ReadBlobs"/>.</summary>
    public string Spec(string commit, string inputRelative) => $"{commit}:{Prefix}{inputRelative}";

    /// <summary>Reads objects by spec (<c>commit:path</c>); a missing object maps to null.</summary>
    public IReadOnlyDictionary<string, byte[]?> ReadBlobs(IEnumerable<string> specs)
    {
        var list = specs.Distinct(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        if (list.Count == 0)
        {
            return result;
        }

        var input = Encoding.UTF8.GetBytes(string.Join('\n', list) + "\n");
        var output = Run(Top, input, "cat-file", "--batch");
        if (output is null)
        {
            return list.ToDictionary(s => s, _ => (byte[]?)null, StringComparer.Ordinal);
        }

        var pos = 0;
        foreach (var spec in list)
        {
            var nl = Array.IndexOf(output, (byte)'\n', pos);
            if (nl < 0)
            {
                result[spec] = null;
                continue;
            }

            var header = Encoding.UTF8.GetString(output, pos, nl - pos).Split(' ');
            pos = nl + 1;
            if (header.Length == 3 && long.TryParse(header[2], out var size) && pos + size <= output.Length)
            {
                result[spec] = header[1] == "blob" ? output[pos..(pos + (int)size)] : null;
                pos += (int)size + 1;
            }
            else
            {
                result[spec] = null;
            }
        }

        return result;
    }

    private string? Text(params string[] args) => Run(Top, null, args) is { } b ? Encoding.UTF8.GetString(b) : null;

    private static List<(string Commit, DateTimeOffset Time)> ParseCommitTimes(string? log)
    {
        var result = new List<(string Commit, DateTimeOffset Time)>();
        foreach (var line in (log ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2);
            if (parts.Length == 2 && DateTimeOffset.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
            {
                result.Add((parts[0], t));
            }
        }

        return result;
    }

    /// <summary>Runs one git command for its effect; whether it succeeded, and its error output when not.</summary>
    private static (bool Ok, string Error) RunWithError(string cwd, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi);
            if (p is null)
            {
                return (false, "git 无法启动");
            }

            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEnd();
            p.WaitForExit();
            _ = stdout.Result;
            return (p.ExitCode == 0, stderr.Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }

    /// <summary>Runs one git command (with <c>core.quotepath=off</c>); its output, or null when git is missing or fails.</summary>
    internal static byte[]? Run(string cwd, byte[]? stdin, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git")
            {
                WorkingDirectory = cwd,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = stdin is not null,
                UseShellExecute = false,
            };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("core.quotepath=off");
            foreach (var a in args)
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi);
            if (p is null)
            {
                return null;
            }

            var stderr = p.StandardError.ReadToEndAsync();
            Task? writer = null;
            if (stdin is not null)
            {
                writer = Task.Run(() =>
                {
                    using var s = p.StandardInput.BaseStream;
                    s.Write(stdin);
                });
            }

            using var ms = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(ms);
            writer?.Wait();
            p.WaitForExit();
            _ = stderr.Result;
            return p.ExitCode == 0 ? ms.ToArray() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
