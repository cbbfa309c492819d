namespace DisclosureSite.Site.Render.Steps;

/// <summary>Copies <c>assets/</c> of the theme (CSS, the search script; a township's overrides win) to <c>/assets/</c>.</summary>
public sealed class CopyThemeAssets : IRenderStep
{
    public void Run(RenderContext context)
    {
        foreach (var relative in context.Templates.Files.FilesUnder("assets"))
        {
            context.Output.Copy(relative, context.Templates.Files.Resolve(relative)!);
        }
    }
}
