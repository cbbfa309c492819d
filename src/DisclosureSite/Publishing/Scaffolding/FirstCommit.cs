using System.ComponentModel;
using System.Diagnostics;

namespace DisclosureSite.Publishing.Scaffolding;

/// <summary>How making the new repository's first commit went.</summary>
public enum FirstCommitOutcome
{
    /// <summary>A Git repository on branch main with one commit holding every file.</summary>
    Committed,

    /// <summary>Git is not installed (or not on PATH): the folder has the files but no repository.</summary>
    NoGit,

    /// <summary>Git ran but refused (the message says why).</summary>
    Failed,
}

/// <summary>
/// Makes the folder <c>disclosure init</c> wrote a Git repository on branch <c>main</c> with a first commit. The commit
/// is the clerk's own when Git knows their name, else signed <c>disclosure init</c> (Git refuses to commit without a
/// name, and a clerk should not have to learn <c>git config</c> before the first step).
/// </summary>
public static class FirstCommit
{
    public const string Message = "disclosure init:新建数据仓库";

    private const string ToolName = "disclosure init";
    private const string ToolEmail = "disclosure-init@users.noreply.github.com";

    public static (FirstCommitOutcome Outcome, string Detail) Make(string folder)
    {
        var init = Git(folder, "init", "-q");
        if (init.Code is null)
        {
            return (FirstCommitOutcome.NoGit, "");
        }

        if (init.Code != 0)
        {
            return (FirstCommitOutcome.Failed, init.Output);
        }

        // `git init -b main` needs Git 2.28; this works with every Git and leaves a repository that has commits alone.
        if (Git(folder, "rev-parse", "--verify", "-q", "HEAD").Code != 0 && Git(folder, "symbolic-ref", "HEAD", "refs/heads/main") is { Code: not 0 } branch)
        {
            return (FirstCommitOutcome.Failed, branch.Output);
        }

        if (Git(folder, "add", "-A") is { Code: not 0 } add)
        {
            return (FirstCommitOutcome.Failed, add.Output);
        }

        var named = Git(folder, "config", "user.name").Code == 0 && Git(folder, "config", "user.email").Code == 0;
        var commit = named
            ? Git(folder, "commit", "-q", "-m", Message)
            : Git(folder, "-c", "user.name=" + ToolName, "-c", "user.email=" + ToolEmail, "commit", "-q", "-m", Message);
        return commit.Code == 0 ? (FirstCommitOutcome.Committed, "") : (FirstCommitOutcome.Failed, commit.Output);
    }

    /// <summary>Runs git; a null code when git cannot be started.</summary>
    private static (int? Code, string Output) Git(string cwd, params string[] args)
    {
        var psi = new ProcessStartInfo("git", args)
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, (stderr + stdout.Result).Trim());
        }
        catch (Win32Exception)
        {
            return (null, "");
        }
    }
}
