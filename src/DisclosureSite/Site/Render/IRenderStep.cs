namespace DisclosureSite.Site.Render;

/// <summary>
/// A step of the Render phase: reads its part of <see cref="SiteData"/> (<see cref="InputOf"/>), writes files through
/// <see cref="RenderContext.Output"/>. Implement it through <see cref="RenderStep{TInput}"/>, which names the input.
/// </summary>
public interface IRenderStep
{
    /// <summary>Everything of <see cref="SiteData"/> the step reads (with the theme and the site-wide view): plain data.</summary>
    object InputOf(SiteData data);

    void Run(RenderContext context, SiteData data);
}
