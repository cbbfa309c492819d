namespace DisclosureSite.Site.Render;

/// <summary>A step of the Render phase: reads <see cref="RenderContext.Data"/>, writes files through <see cref="RenderContext.Output"/>.</summary>
public interface IRenderStep
{
    void Run(RenderContext context);
}
