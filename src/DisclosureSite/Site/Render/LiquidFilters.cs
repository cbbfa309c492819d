using System.Globalization;
using DisclosureSite.Model;
using Fluid;
using Fluid.Values;

namespace DisclosureSite.Site.Render;

/// <summary>
/// The filters themes may use, in one place: <c>cn_date</c> (2026-10-15 → 2026年10月15日), <c>money</c>
/// (Amount.Format: 1,234.50), <c>status</c> (a status key and days → "⚠ 逾期 16 天公开"), <c>status_short</c>
/// ("⚠ 逾期16天"), <c>status_class</c>
/// and <c>period_cn</c> (2026-Q3 → 2026年第三季度).
/// </summary>
public static class LiquidFilters
{
    public static void Register(FilterCollection filters)
    {
        filters.AddFilter("cn_date", CnDate);
        filters.AddFilter("money", Money);
        filters.AddFilter("status", Status);
        filters.AddFilter("status_short", StatusShort);
        filters.AddFilter("status_class", StatusClass);
        filters.AddFilter("period_cn", PeriodChinese);

        // Fluid's own raw, except that a page's content (ContentValue) stays in its buffer instead of becoming a string.
        filters.AddFilter("raw", static (input, _, _) => new ValueTask<FluidValue>(ContentValue.Raw(input)));
    }

    public static string CnDate(string? iso) => Dates.TryParse(iso, out var d) ? Dates.Chinese(d) : iso ?? string.Empty;

    private static ValueTask<FluidValue> CnDate(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(CnDate(input.ToStringValue())));

    private static ValueTask<FluidValue> Money(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil() || input.ToStringValue().Length == 0)
        {
            return new(StringValue.Empty);
        }

        var value = input.Type == FluidValues.Number ? input.ToNumberValue()
            : Amount.TryParse(input.ToStringValue(), out var parsed) ? parsed : (decimal?)null;
        return new(new StringValue(value is { } v ? Amount.Format(v) : input.ToStringValue()));
    }

    private static StatusWord Word(FluidValue input, FilterArguments arguments)
    {
        var days = arguments.Count > 0 && !arguments.At(0).IsNil() ? (int?)arguments.At(0).ToNumberValue() : null;
        return StatusWords.Of(input.ToStringValue(), days);
    }

    private static ValueTask<FluidValue> Status(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(Word(input, arguments).Label));

    private static ValueTask<FluidValue> StatusShort(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(Word(input, arguments).ShortLabel));

    private static ValueTask<FluidValue> StatusClass(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(Word(input, arguments).Css));

    private static ValueTask<FluidValue> PeriodChinese(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new(new StringValue(Period.TryParse(input.ToStringValue(), out var p) ? p.ToChinese() : input.ToStringValue()));

    internal static string Iso(DateOnly? date) => date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
}
