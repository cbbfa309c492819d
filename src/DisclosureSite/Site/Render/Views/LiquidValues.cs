using Fluid;
using Fluid.Values;

namespace DisclosureSite.Site.Render.Views;

/// <summary>
/// The values the generated view wrappers (<c>LiquidViews</c>, made by DisclosureSite.Generators' LiquidViewGenerator
/// from the views of this namespace) give Fluid: the same kinds <c>FluidValue.Create</c> makes of a property's value,
/// made without its chain of type tests.
/// </summary>
internal static class LiquidValues
{
    /// <summary>A string as <c>FluidValue.Create</c> makes it: nil for null.</summary>
    public static FluidValue Of(string? value) => value is null ? NilValue.Instance : new StringValue(value);

    /// <summary>A list as <c>FluidValue.Create</c> makes it: nil for null, the shared empty array for none, else each item's value.</summary>
    public static FluidValue List<T>(IReadOnlyList<T>? items, TemplateContext context, Func<T, TemplateContext, FluidValue> of)
    {
        if (items is null)
        {
            return NilValue.Instance;
        }

        if (items.Count == 0)
        {
            return ArrayValue.Empty;
        }

        var values = new FluidValue[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = of(items[i], context);
        }

        return new ArrayValue(values);
    }
}
