namespace DisclosureSite.Site.Render;

/// <summary>
/// A render step with a named input: <typeparamref name="TInput"/> (a record of the <see cref="SiteData"/> parts it
/// reads, declared in the step) is all the step sees of the site's data, so a reader — or the build cache — knows what a
/// page kind depends on. The shared views of <see cref="RenderContext.Views"/> are functions of the parts they are
/// made from (<see cref="ViewFactory"/>); a step that uses one lists those parts in its input.
/// </summary>
public abstract class RenderStep<TInput> : IRenderStep
    where TInput : notnull
{
    public abstract TInput InputOf(SiteData data);

    public abstract void Run(RenderContext context, TInput input);

    object IRenderStep.InputOf(SiteData data) => InputOf(data);

    void IRenderStep.Run(RenderContext context, SiteData data) => Run(context, InputOf(data));
}
