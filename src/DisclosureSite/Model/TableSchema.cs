namespace DisclosureSite.Model;

/// <summary>What a column of a template holds, for its cell format: text, a date, money (#,##0.00) or a count.</summary>
public enum TemplateColumnKind
{
    Text,
    Date,
    Money,
    Count,
}

/// <summary>A column of a table template: its header and what its cells hold.</summary>
public sealed record TemplateColumn(string Name, TemplateColumnKind Kind);

/// <summary>
/// The sheet <c>disclosure new</c> writes for a schema (Publishing/Scaffolding/SheetTemplate.cs lays it out): the title
/// after the unit and period, the sheet's name, its columns, and the two sentences of the Markdown beside it — what the
/// disclosure explains and how the table is filled in.
/// </summary>
public sealed record TableSchemaTemplate(string TitleSuffix, string SheetName, IReadOnlyList<TemplateColumn> Columns, string Explanation, string FillIn);

/// <summary>
/// A kind of table (SPEC §4), registered once here: <see cref="Ledger"/> (收支), <see cref="Roster"/> (名单),
/// <see cref="Generic"/> (any other table) for disclosures, and <see cref="Requests"/> (民情台账). Each holds its name as
/// the front matter and the preset write it, its columns and their default aliases (a preset's <c>columns:</c> replace
/// them), and the sheet <c>disclosure new</c> writes for it. The other parts of a schema are registered by the layer
/// that owns them, keyed by this object: its rules in <c>Validation/Tables/TableSchemaRules.cs</c>, its view and
/// template in <c>Site/Render/TableSchemaViews.cs</c>. <c>TableSchemaTests</c> checks that every schema has them.
/// </summary>
public sealed class TableSchema
{
    /// <summary>The Markdown's sentence when a disclosure has no ledger: what it explains.</summary>
    public const string GeneralExplanation = "本期的公开内容:做了什么、涉及多少钱和哪些人、经谁审核";

    private TableSchema(string name, IReadOnlyDictionary<string, string[]> defaultColumns, TableSchemaTemplate? template)
    {
        Name = name;
        DefaultColumns = defaultColumns;
        Template = template;
    }

    /// <summary>收支明细: date, summary, income and/or expense, 大写金额; sums, the 合计 row, balances and amounts in words are checked.</summary>
    public static TableSchema Ledger { get; } = new(
        "ledger",
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["date"] = ["日期", "时间"],
            ["summary"] = ["摘要", "开支项目", "项目", "事由"],
            ["income"] = ["收入", "收入金额", "收入(元)"],
            ["expense"] = ["支出", "支出金额", "支出(元)", "金额(元)"],
            ["amount_words"] = ["大写金额"],
        },
        new TableSchemaTemplate(
            "收支明细表",
            "收支明细",
            [
                new("日期", TemplateColumnKind.Date), new("摘要", TemplateColumnKind.Text), new("科目", TemplateColumnKind.Text), new("收入", TemplateColumnKind.Money),
                new("支出", TemplateColumnKind.Money), new("经手人", TemplateColumnKind.Text), new("凭证号", TemplateColumnKind.Text),
            ],
            "本期收支的说明:收了哪些钱、花在哪里、经谁审核",
            "日期、摘要、收入或支出,每笔一行;“合计”行填上总数,系统会核对"));

    /// <summary>名单: a name column; the 合计 row is checked; its personal data is checked like every cell's.</summary>
    public static TableSchema Roster { get; } = new(
        "roster",
        new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["name"] = ["姓名", "户主姓名", "户主"],
            ["date"] = ["日期", "发放日期"],
        },
        new TableSchemaTemplate(
            "发放名单",
            "名单",
            [
                new("姓名", TemplateColumnKind.Text), new("户别", TemplateColumnKind.Text), new("人数", TemplateColumnKind.Count), new("金额(元)", TemplateColumnKind.Money),
                new("备注", TemplateColumnKind.Text),
            ],
            GeneralExplanation,
            "每户一行;姓名、身份证号等个人信息要部分隐藏(例如 张*明),不写手机号和详细住址;“合计”行填上人数和金额的总数,系统会核对"));

    /// <summary>Any other table: shown as written; its header is the first row that looks like one.</summary>
    public static TableSchema Generic { get; } = new("generic", new Dictionary<string, string[]>(StringComparer.Ordinal), null);

    /// <summary>民情台账 (<c>units/&lt;unit&gt;/requests.csv</c>, read by Loading/RequestsLoader.cs); a preset's <c>columns: requests:</c> rename them.</summary>
    public static TableSchema Requests { get; } = new(
        "requests",
        new Dictionary<string, string[]>(StringComparer.Ordinal)
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
        null);

    /// <summary>Every schema, in the order their checks run.</summary>
    public static IReadOnlyList<TableSchema> All { get; } = [Ledger, Roster, Generic, Requests];

    /// <summary>The schemas a disclosure's table (and a catalogue item's <c>table:</c>) may name.</summary>
    public static IReadOnlyList<TableSchema> OfDisclosures { get; } = [Ledger, Roster, Generic];

    /// <summary>As the front matter, the preset and the page's CSS class write it.</summary>
    public string Name { get; }

    /// <summary>The names of each logical column used when a preset lists none.</summary>
    public IReadOnlyDictionary<string, string[]> DefaultColumns { get; }

    /// <summary>The sheet <c>disclosure new</c> writes for an item with this table; null: it writes none.</summary>
    public TableSchemaTemplate? Template { get; }

    /// <summary>
    /// The reader looks for the header row by this schema's column names on the first rows; a generic table's header
    /// is the first row that looks like one.
    /// </summary>
    public bool HeaderByName => this != Generic;

    /// <summary>The schema named <paramref name="name"/> among <paramref name="among"/> (default: every schema); null when none is.</summary>
    public static TableSchema? Named(string? name, IReadOnlyList<TableSchema>? among = null)
    {
        // A loop, not FirstOrDefault with a lambda: the input cache asks this of every table it reads (a closure, a
        // delegate and an enumerator each time: ~1 MiB per one-file edit at 50 villages).
        var schemas = among ?? All;
        for (var i = 0; i < schemas.Count; i++)
        {
            if (schemas[i].Name == name)
            {
                return schemas[i];
            }
        }

        return null;
    }

    /// <summary>The names of one logical column (<c>ledger</c>/<c>income</c> → 收入, 收入(元) …).</summary>
    public IReadOnlyList<string> Aliases(RuleSet rules, string column)
    {
        var fromPreset = rules.AliasesOf(Name, column);
        return fromPreset.Count > 0 ? fromPreset : DefaultColumns.TryGetValue(column, out var d) ? d : [];
    }

    /// <summary>The name a message gives a logical column: its first default name (<c>requests</c>/<c>received</c> → 受理日期).</summary>
    public string DefaultName(string column) => DefaultColumns.TryGetValue(column, out var names) ? names[0] : column;

    /// <summary>The index of one logical column in <paramref name="table"/>; -1 when the table has none of its names.</summary>
    public int Column(Table table, RuleSet rules, string column) => table.ColumnIndex(Aliases(rules, column));

    /// <summary>
    /// Every column name this schema knows, as <see cref="Table.NormalizeHeader"/> makes them. A generic table knows the
    /// names of every schema with default columns and of every schema the preset lists: they are the words a header row
    /// is made of.
    /// </summary>
    public IReadOnlySet<string> Known(RuleSet rules) => _known.GetValue(rules, KnownIn);

    // Made once per rule set (every table read asks; they were a set of ~100 names built 1,300 times at 10 villages).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleSet, IReadOnlySet<string>> _known = new();

    private IReadOnlySet<string> KnownIn(RuleSet rules)
    {
        var schemas = this == Generic
            ? All.Where(s => s.DefaultColumns.Count > 0).Select(s => s.Name).Concat(rules.ColumnAliases.Keys).Distinct().Select(n => Named(n)).OfType<TableSchema>()
            : [this];
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in schemas)
        {
            var logical = (rules.ColumnAliases.TryGetValue(s.Name, out var cols) ? cols.Keys : []).Concat(s.DefaultColumns.Keys).Distinct();
            foreach (var column in logical)
            {
                foreach (var name in s.Aliases(rules, column))
                {
                    names.Add(Table.NormalizeHeader(name));
                }
            }
        }

        return names; // a HashSet keeps the order the names were added in, which a finding lists them in
    }

    /// <summary>
    /// A date column: one of the schema's <c>date</c> names, or any header ending in 日期 (发放日期, 签订日期, 受理日期).
    /// Every cell of it must be a real date (<c>table.bad-date</c>).
    /// </summary>
    public bool IsDate(RuleSet rules, string header)
    {
        var h = Table.NormalizeHeader(header);
        return h.EndsWith("日期", StringComparison.Ordinal)
            || Aliases(rules, "date").Any(a => Table.NormalizeHeader(a) == h);
    }

    public override string ToString() => Name;
}
