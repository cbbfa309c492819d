using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/sitemap.xml</c> of every HTML page written so far (run it after the page steps; print views and the 404 page
/// are left out) and <c>/robots.txt</c> pointing to it.
/// </summary>
public sealed class GenerateSitemap : RenderStep<SiteUrls>
{
    /// <summary>The sitemap lists the pages written before it (<see cref="RenderContext.Output"/>) at the site's URLs.</summary>
    public override SiteUrls InputOf(SiteData data) => data.Site.Urls;

    public override void Run(RenderContext context, SiteUrls urls)
    {
        // The pages' files (…/index.html): each page's path is that without the file name, cut only where the sitemap is
        // written (an edit takes the sitemap over, and made 16,000 strings at 50 villages only to hash them).
        var files = context.Output.Files.Where(f => f.Path.EndsWith(PageFile, StringComparison.Ordinal)).Select(f => f.Path).ToList();

        // In a build that keeps a cache, the sitemap is keyed by the pages it lists and the base URL (a county's is 7 MB
        // of 93,000 URLs): an edit that adds or removes no page takes the previous one over instead of writing it again.
        var key = context.Digests is null ? null : context.KeyOf("sitemap.xml", urls.BaseUrl, DigestOf(files, context.Digests.Memory));
        if (key is null || !context.Output.TryReuse("sitemap.xml", key))
        {
            var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            foreach (var file in files)
            {
                sb.Append("  <url><loc>").Append(WebUtility.HtmlEncode(urls.Absolute(file[..^PageFile.Length]))).Append("</loc></url>\n");
            }

            sb.Append("</urlset>\n");
            context.Output.WriteText("sitemap.xml", sb.ToString(), key);
        }

        context.Output.WriteText("robots.txt", $"User-agent: *\nAllow: /\n\nSitemap: {urls.Absolute("sitemap.xml")}\n");
    }

    private const string PageFile = "index.html";

    /// <summary>
    /// <see cref="DigestOf(IReadOnlyList{string}, int)"/> of the pages whose files are <paramref name="files"/>; a session
    /// (<paramref name="memory"/>) keeps the last build's list and digest, and an edit that adds or removes no page compares
    /// the lists instead of hashing 93,000 paths again.
    /// </summary>
    private static string DigestOf(List<string> files, DigestMemory? memory)
    {
        if (memory?.SitemapPages is { } known && known.Pages.SequenceEqual(files, StringComparer.Ordinal))
        {
            return known.Digest;
        }

        var digest = DigestOf(files, PageFile.Length);
        if (memory is not null)
        {
            memory.SitemapPages = (files, digest);
        }

        return digest;
    }

    /// <summary>
    /// SHA-256 (hex) of the page paths, each as its UTF-8 length (4 bytes) and bytes; each path is the string given
    /// without its last <paramref name="cut"/> characters (a page's file name).
    /// </summary>
    internal static string DigestOf(IReadOnlyList<string> pages, int cut = 0)
    {
        // The paths gathered into a buffer and hashed 64 KiB at a time: one call into the hash (the system's library) per
        // path and one per length were ~190,000 calls at 300 villages, and a byte array per path.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var used = 0;
            foreach (var path in pages)
            {
                var page = path.AsSpan(0, path.Length - cut);
                var most = Encoding.UTF8.GetMaxByteCount(page.Length) + 4;
                if (used + most > buffer.Length)
                {
                    hash.AppendData(buffer, 0, used);
                    used = 0;
                    if (most > buffer.Length)
                    {
                        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
                        buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(most);
                    }
                }

                var length = Encoding.UTF8.GetBytes(page, buffer.AsSpan(used + 4));
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(used), length);
                used += 4 + length;
            }

            hash.AppendData(buffer, 0, used);
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
