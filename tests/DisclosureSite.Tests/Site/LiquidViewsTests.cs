using System.Reflection;
using System.Text.Json;
using DisclosureSite.Site.Render;
using DisclosureSite.Site.Render.Views;
using Fluid;
using Fluid.Values;

namespace DisclosureSite.Tests.Site;

/// <summary>
/// The generated view wrappers (<see cref="LiquidViews"/>, DisclosureSite.Generators' LiquidViewGenerator) give a
/// template what Fluid's reflective member look-up gave, for every member of every view: each view is filled with a
/// distinct value per member (nested views, lists of two, numbers, booleans, nullables), and each member read through
/// the wrapper — with a member strategy that knows nothing, so a name the wrapper missed would come back nil — is
/// compared, kind, text and nested values, with the same member read by Fluid's <see cref="UnsafeMemberAccessStrategy"/>
/// in snake case (the site's strategy).
/// </summary>
[TestFixture]
public class LiquidViewsTests
{
    private static readonly TemplateOptions Reflective = new() { MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase } };

    // Knows no member: the wrapper answers every view member itself, or the test sees nil.
    private static readonly TemplateOptions Blind = new() { MemberAccessStrategy = new DefaultMemberAccessStrategy() };

    private static IEnumerable<Type> ViewTypes() =>
        typeof(ItemView).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ItemView).Namespace && t.IsPublic && t.IsSealed && t.IsClass && !t.IsAbstract && !t.IsGenericType)
            .OrderBy(t => t.Name, StringComparer.Ordinal);

    [Test]
    public void Every_view_is_wrapped()
    {
        var types = ViewTypes().ToList();
        Assert.That(types, Has.Count.GreaterThan(40), "the views of the namespace");
        foreach (var type in types)
        {
            Assert.That(LiquidViews.Wrap(Sample(type, 0, new Counter())), Is.InstanceOf<ObjectValueBase>(), type.Name);
        }
    }

    [TestCaseSource(nameof(ViewTypes))]
    public async Task Each_member_reads_as_Fluid_read_it(Type type)
    {
        var view = Sample(type, 0, new Counter());
        var wrapped = LiquidViews.Wrap(view)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name);
            var expected = await new ObjectValue(view).GetValueAsync(name, new TemplateContext(Reflective));
            var actual = await wrapped.GetValueAsync(name, new TemplateContext(Blind));
            Assert.That(expected.IsNil(), Is.False, $"{type.Name}.{property.Name}: the sample fills every member");
            AssertSame(expected, actual, $"{type.Name}.{name}");
        }
    }

    [Test]
    public async Task A_name_no_member_has_goes_to_Fluids_look_up()
    {
        var link = new LinkView("通知", "a/");
        var context = new TemplateContext(Reflective);
        Assert.That((await LiquidViews.Wrap(link)!.GetValueAsync("size", context)).IsNil(), Is.True);
        Assert.That(await LiquidViews.Wrap(link)!.GetValueAsync("title", context), Is.InstanceOf<StringValue>());
    }

    [Test]
    public void What_is_not_a_view_is_left_to_Fluid()
    {
        Assert.That(LiquidViews.Wrap("页面"), Is.Null);
        Assert.That(LiquidViews.Wrap(null), Is.Null);
        Assert.That(LiquidViews.Wrap(new[] { new LinkView("a", "b") }), Is.Null);
    }

    [Test]
    public void Views_render_as_through_reflection()
    {
        // A template over nested views and lists, rendered with the page's variables wrapped and unwrapped.
        const string Template = "{{ page.title }}|{% for t in page.tables %}{{ t.caption }}:{{ t.columns | join: ',' }}:{% for r in t.rows %}{{ r.is_total }}{% for c in r.cells %}[{{ c.text }}/{{ c.num }}]{% endfor %}{% endfor %}{{ t.ledger.income }}{{ t.ledger.balance_ok }}{% endfor %}|{{ page.days | plus: 1 }}|{{ page.corrects.url }}|{{ page.revisions.size }}|{% if page.nil == nil %}none{% endif %}|{{ page.tables.first.signature.first | join: '/' }}";
        var view = (ItemView)Sample(typeof(ItemView), 0, new Counter());
        var template = new FluidParser().Parse(Template);
        var reflective = new TemplateContext(Reflective);
        reflective.SetValue("page", view);
        var wrapped = new TemplateContext(Blind);
        wrapped.SetValue("page", LiquidViews.Wrap(view)!);
        Assert.That(template.Render(wrapped), Is.EqualTo(template.Render(reflective)));
        Assert.That(template.Render(wrapped), Does.Contain("[s"));
    }

    private static void AssertSame(FluidValue expected, FluidValue actual, string what)
    {
        Assert.That(actual.Type, Is.EqualTo(expected.Type), what);
        Assert.That(actual.GetType() == expected.GetType() || (actual is ObjectValueBase && expected is ObjectValueBase), Is.True, $"{what}: {actual.GetType().Name} for {expected.GetType().Name}");
        if (expected is ArrayValue array)
        {
            var items = ((ArrayValue)actual).Values;
            Assert.That(items, Has.Count.EqualTo(array.Values.Count), what);
            for (var i = 0; i < items.Count; i++)
            {
                AssertSame(array.Values[i], items[i], $"{what}[{i}]");
            }
        }
        else if (expected is ObjectValueBase)
        {
            Assert.That(actual.ToObjectValue(), Is.SameAs(expected.ToObjectValue()), what);
        }
        else
        {
            Assert.That(actual.ToStringValue(), Is.EqualTo(expected.ToStringValue()), what);
            Assert.That(actual.ToObjectValue(), Is.EqualTo(expected.ToObjectValue()), what);
        }
    }

    private sealed class Counter
    {
        public int Next;
    }

    /// <summary>A view with every member set to a value of its own: constructor parameters and init-only properties.</summary>
    private static object Sample(Type type, int depth, Counter n)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var view = constructor.Invoke(constructor.GetParameters().Select(p => Value(p.ParameterType, depth, n)).ToArray());
        var parameters = constructor.GetParameters().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && !parameters.Contains(p.Name)))
        {
            property.SetValue(view, Value(property.PropertyType, depth, n));
        }

        return view;
    }

    private static object? Value(Type type, int depth, Counter n)
    {
        var i = ++n.Next;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return "s" + i + "<&>";
        }

        if (type == typeof(int))
        {
            return i;
        }

        if (type == typeof(decimal))
        {
            return i + 0.25m;
        }

        if (type == typeof(bool))
        {
            return i % 2 == 0;
        }

        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(i % values.Length);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var items = Array.CreateInstance(element, depth < 6 ? 2 : 0);
            for (var k = 0; k < items.Length; k++)
            {
                items.SetValue(Value(element, depth + 1, n), k);
            }

            return items;
        }

        if (type.Namespace == typeof(ItemView).Namespace && type.IsClass)
        {
            return depth < 8 ? Sample(type, depth + 1, n) : null;
        }

        return type.IsValueType ? Activator.CreateInstance(type) : "o" + i;
    }
}
