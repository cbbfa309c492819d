using DisclosureSite.Site.Render;

namespace DisclosureSite.Site.Write;

/// <summary>
/// Copies the attachments of every public, not withdrawn disclosure beside its page (<c>/{unit}/{period}/{slug}/{file}</c>).
/// Input files are read here, after Render, never by a render step; an attachment whose item's content hash did not
/// change is taken over from the previous output without being read.
/// </summary>
public static class CopyAttachments
{
    public static void Run(RenderContext context, SiteData data)
    {
        foreach (var d in data.Disclosures.Current)
        {
            foreach (var attachment in d.Meta.Attachments)
            {
                var source = Path.Combine(data.InputRoot, attachment.Replace('/', Path.DirectorySeparatorChar));
                if (File.Exists(source))
                {
                    context.WriteFile(d.UrlPath + Path.GetFileName(attachment), d.ContentSha256, () => File.ReadAllBytes(source));
                }
            }
        }
    }
}
