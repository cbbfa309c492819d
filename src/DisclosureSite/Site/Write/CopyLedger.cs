using DisclosureSite.Publishing.Ledger;
using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// Copies the publication ledger the build was given to <c>/history/publications.jsonl</c>
/// (<see cref="SiteContract.LedgerCopyPath"/>) for auditors, after Render (whose <see cref="Render.Steps.RenderLedgerPages"/>
/// links it): the input's files are read here, never by a render step.
/// </summary>
public static class CopyLedger
{
    public static void Run(SiteData data, SiteOutput output)
    {
        if (data.History.Ledger is { Exists: true, Path: { } path })
        {
            output.Copy(SiteContract.LedgerCopyPath, path);
        }
    }
}
