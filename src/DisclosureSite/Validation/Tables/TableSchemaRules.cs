using DisclosureSite.Model;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Validation.Tables;

/// <summary>A rule of one table schema: the findings of a disclosure's tables of that schema (all of them at once, as a ledger's balances span them).</summary>
public interface ITableRule
{
    IEnumerable<Finding> Check(Disclosure d, IReadOnlyList<Table> tables, RuleSet rules);
}

/// <summary>
/// The rules of each <see cref="TableSchema"/> (Model/TableSchema.cs), registered here because rules belong to Validation.
/// To add a schema's rule: an <see cref="ITableRule"/> in <c>Validation/Rules/</c> (copy <see cref="RosterTableRule"/>)
/// and its line below. Every table, whatever its schema, also has its dates checked (<see cref="TableDateRule"/>).
/// </summary>
public static class TableSchemaRules
{
    private static readonly Dictionary<TableSchema, ITableRule[]> BySchema = new()
    {
        [TableSchema.Ledger] = [new LedgerTableRule()],
        [TableSchema.Roster] = [new RosterTableRule()],
        [TableSchema.Generic] = [],

        // 民情台账: its rows are checked as they are read (Loading/RequestsLoader.cs) and by RequestRule, not as a disclosure's table.
        [TableSchema.Requests] = [],
    };

    /// <summary>The rules of <paramref name="schema"/>; every registered schema has an entry (TableSchemaTests).</summary>
    public static IReadOnlyList<ITableRule> For(TableSchema schema) => BySchema[schema];

    /// <summary>The findings of a disclosure's tables: each schema's rules on its tables, schema by schema, then every table's dates.</summary>
    public static IEnumerable<Finding> Check(Disclosure d, RuleSet rules) =>
        TableSchema.OfDisclosures
            .SelectMany(schema => For(schema).SelectMany(rule => rule.Check(d, d.Tables.Where(t => t.Schema == schema).ToList(), rules)))
            .Concat(TableDateRule.CheckDisclosure(d, rules));
}
