namespace DisclosureSite.Model;

/// <summary>
/// The column names a table schema accepts (SPEC §4): the preset's <c>columns:</c> aliases, and these defaults where a
/// preset lists none. The reader finds a sheet's header row by them; the rules find their columns by them.
/// </summary>
public static class ColumnNames
{
    /// <summary>Aliases used when a preset does not list any, per schema and logical column.</summary>
    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> Defaults = new Dictionary<string, IReadOnlyDictionary<string, string[]>>(StringComparer.Ordinal)
    {
        ["ledger"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["date"] = ["日期", "时间"],
            ["summary"] = ["摘要", "开支项目", "项目", "事由"],
            ["income"] = ["收入", "收入金额", "收入(元)"],
            ["expense"] = ["支出", "支出金额", "支出(元)", "金额(元)"],
            ["amount_words"] = ["大写金额"],
        },
        ["roster"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["name"] = ["姓名", "户主姓名", "户主"],
            ["date"] = ["日期", "发放日期"],
        },
        ["requests"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["number"] = ["编号"],
            ["received"] = ["受理日期"],
            ["requester"] = ["反映人"],
            ["subject"] = ["事项"],
            ["category"] = ["类别"],
            ["handler"] = ["经办人"],
            ["limit"] = ["办结时限"],
            ["status"] = ["状态"],
            ["closed"] = ["办结日期"],
            ["result"] = ["办理结果"],
            ["follow_up"] = ["回访"],
            ["revision_note"] = ["revision_note"],
        },
    };

    /// <summary>The names of one logical column (<c>ledger</c>/<c>income</c> → 收入, 收入(元) …).</summary>
    public static IReadOnlyList<string> Aliases(RuleSet rules, string schema, string column)
    {
        var fromPreset = rules.AliasesOf(schema, column);
        return fromPreset.Count > 0 ? fromPreset
            : Defaults.TryGetValue(schema, out var columns) && columns.TryGetValue(column, out var d) ? d
            : [];
    }

    /// <summary>The name a message gives a logical column: its first default name (<c>requests</c>/<c>received</c> → 受理日期).</summary>
    public static string DefaultName(string schema, string column) =>
        Defaults.TryGetValue(schema, out var columns) && columns.TryGetValue(column, out var names) ? names[0] : column;

    /// <summary>
    /// Every column name <paramref name="schema"/> knows, as <see cref="Table.NormalizeHeader"/> makes them. A generic
    /// table knows the names of every schema: they are the words a header row is made of.
    /// </summary>
    public static IReadOnlySet<string> Known(RuleSet rules, string schema)
    {
        var schemas = schema == "generic" ? Defaults.Keys.Concat(rules.ColumnAliases.Keys).Distinct() : [schema];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in schemas)
        {
            var logical = (rules.ColumnAliases.TryGetValue(s, out var cols) ? cols.Keys : []).Concat(Defaults.TryGetValue(s, out var d) ? d.Keys : []).Distinct();
            foreach (var column in logical)
            {
                foreach (var name in Aliases(rules, s, column))
                {
                    names.Add(Table.NormalizeHeader(name));
                }
            }
        }

        return names;
    }

    /// <summary>
    /// A date column: one of the schema's <c>date</c> names, or any header ending in 日期 (发放日期, 签订日期, 受理日期).
    /// Every cell of it must be a real date (<c>table.bad-date</c>).
    /// </summary>
    public static bool IsDate(RuleSet rules, string schema, string header)
    {
        var h = Table.NormalizeHeader(header);
        return h.EndsWith("日期", StringComparison.Ordinal)
            || Aliases(rules, schema, "date").Any(a => Table.NormalizeHeader(a) == h);
    }
}
