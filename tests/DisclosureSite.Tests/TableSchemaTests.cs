using System.Text.RegularExpressions;
using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Site.Render;
using DisclosureSite.Validation.Tables;

namespace DisclosureSite.Tests;

/// <summary>
/// Table schemas are registered types (Model/TableSchema.cs), each with its parts where its layer keeps them — its rules
/// (Validation/Tables/TableSchemaRules.cs) and its view (Site/Render/TableSchemaViews.cs) — not a name compared in
/// the loaders, the rules, the renderer and the scaffold.
/// </summary>
[TestFixture]
public class TableSchemaTests
{
    [Test]
    public void Every_schema_has_a_unique_name_and_is_found_by_it()
    {
        Assert.That(TableSchema.All.Select(s => s.Name), Is.EqualTo(new[] { "ledger", "roster", "generic", "requests" }));
        foreach (var s in TableSchema.All)
        {
            Assert.That(TableSchema.Named(s.Name), Is.SameAs(s));
        }

        Assert.That(TableSchema.Named("Ledger"), Is.Null, "names are written in lower case, as the front matter and the preset write them");
        Assert.That(TableSchema.Named("requests", TableSchema.OfDisclosures), Is.Null, "a disclosure's table cannot be a 民情台账");
        Assert.That(TableSchema.OfDisclosures, Is.SubsetOf(TableSchema.All));
    }

    [Test]
    public void Every_schema_has_its_rules_and_every_disclosure_schema_its_view()
    {
        foreach (var s in TableSchema.All)
        {
            Assert.That(() => TableSchemaRules.For(s), Throws.Nothing, s.Name + " has an entry among the rules (none is an entry)");
        }

        foreach (var s in TableSchema.OfDisclosures)
        {
            Assert.That(() => TableSchemaViews.For(s), Throws.Nothing, s.Name + " has a view");
        }

        Assert.That(TableSchemaRules.For(TableSchema.Ledger), Has.Some.InstanceOf<Validation.Rules.LedgerTableRule>());
        Assert.That(TableSchemaRules.For(TableSchema.Roster), Has.Some.InstanceOf<Validation.Rules.RosterTableRule>());
        Assert.That(TableSchemaViews.For(TableSchema.Ledger), Is.InstanceOf<LedgerTableView>());
    }

    [Test]
    public void Ledger_and_roster_have_a_sheet_template_and_default_columns()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TableSchema.Ledger.Template!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "日期", "摘要", "科目", "收入", "支出", "经手人", "凭证号" }));
            Assert.That(TableSchema.Roster.Template!.Columns.Select(c => c.Name), Is.EqualTo(new[] { "姓名", "户别", "人数", "金额(元)", "备注" }));
            Assert.That(TableSchema.Generic.Template, Is.Null);
            Assert.That(TableSchema.Requests.Template, Is.Null);
            Assert.That(TableSchema.Ledger.DefaultColumns.Keys, Is.EquivalentTo(new[] { "date", "summary", "income", "expense", "amount_words" }));
            Assert.That(TableSchema.Roster.DefaultColumns.Keys, Is.EquivalentTo(new[] { "name", "date" }));
        });
    }

    [Test]
    public void A_generic_table_knows_every_schemas_column_names()
    {
        var rules = RuleSetFor();
        var generic = TableSchema.Generic.Known(rules);
        Assert.That(generic, Is.SupersetOf(TableSchema.Ledger.Known(rules)).And.SupersetOf(TableSchema.Roster.Known(rules)));
        Assert.That(TableSchema.Ledger.Known(rules), Does.Contain("收入").And.Not.Contain("姓名"));
        Assert.That(TableSchema.Ledger.HeaderByName && TableSchema.Roster.HeaderByName && !TableSchema.Generic.HeaderByName, Is.True);
    }

    [Test]
    public void No_code_compares_a_schema_by_its_name()
    {
        // Outside Model/TableSchema.cs, a schema is one of its registered objects: no `Schema == "ledger"`,
        // `schema is "roster" or …`, `string.Equals(t.Schema, "ledger", …)`, and the names "roster" and "generic"
        // are written nowhere else ("ledger" also names the command, the ledger folder and a date source).
        var compare = new Regex(@"(?i)schema\w*\s*(==|!=|\bis\b)\s*(not\s*)?\(?\s*""|Equals\([^,]*schema\w*\s*,\s*""|""(roster|generic)""");
        var found = new List<string>();
        foreach (var dir in new[] { "src", "tools" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, dir), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.EndsWith("TableSchema.cs", StringComparison.Ordinal))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (compare.IsMatch(lines[i]))
                    {
                        found.Add($"{Path.GetRelativePath(TestPaths.RepoRoot, file)}:{i + 1}: {lines[i].Trim()}");
                    }
                }
            }
        }

        Assert.That(found, Is.Empty);
    }

    private static RuleSet RuleSetFor()
    {
        return RulePresetLoader.Parse(RulePresetLoader.BuiltInText("sanwu")!, "seeds/sanwu.yaml", RuleOverrides.None, new FindingSink())!;
    }
}
