using System.Text.Json;
using DisclosureSite.Model;
using DisclosureSite.Site.Render.Inputs;
using DisclosureSite.Site.Render.Views;
using RowBytes = DisclosureSite.Site.Write.RowBytes;
using FileByParts = DisclosureSite.Site.Write.FileByParts;

namespace DisclosureSite.Site.Render.Steps;

/// <summary>
/// <c>/data/</c>: the list of public disclosures (CSV escaped against spreadsheet formulas, and JSON), 四议两公开 records
/// as JSON, and links to the compliance data and <c>manifest.json</c> (written last, by the Write phase).
/// </summary>
public sealed class RenderDataDownloads : RenderStep<RenderDataDownloads.Input>
{
    public static readonly string[] CsvHeader = ["url", "unit", "unit_name", "period", "slug", "item", "item_name", "title", "published", "date_source", "status", "withdrawn", "corrects", "content_sha256"];

    /// <summary>The data files list the public disclosures, the 四议两公开 records and the 民情台账 matters.</summary>
    public sealed record Input(SiteFacts Site, PublicDisclosures Disclosures, IReadOnlyList<Decision> Decisions, RequestFacts Requests);

    public override Input InputOf(SiteData data) => new(data.Site, data.Disclosures, data.Decisions.Decisions, data.Requests);

    public override void Run(RenderContext context, Input input)
    {
        var (site, disclosures, _, requestFacts) = input;
        var digests = context.Digests;
        var asOf = Dates.Iso(site.AsOf);

        // Each file is keyed by the digests of what it lists (in a build that keeps a cache): an item's body edit rewrites
        // the disclosures' list (it shows every content hash), not the decisions' and the 民情台账's.
        void Write(string path, Func<StepDigests, object?[]> parts, Action<System.IO.Stream> write)
        {
            var key = digests is null ? null : context.KeyOf([path, .. parts(digests)]);
            if (key is null || !context.Output.TryReuse(path, key))
            {
                context.Output.Write(path, write, key);
            }
        }

        // The disclosures' list: in a new process that keeps a cache, put together unit by unit (FileByParts: the rows of a
        // unit whose rows' key is unchanged copied from the previous output's files); else made whole, or in a session
        // from the rows it kept (WriteWhole).
        if (digests is not null && digests.Memory is null)
        {
            WriteByUnit(context, site, disclosures, digests, asOf);
        }
        else
        {
            WriteWhole(site, disclosures, asOf, digests?.Memory, Write);
        }

        var decisions = input.Decisions.Select(d => new DecisionJson(
            d.Unit, d.Slug, d.Title, d.Item, d.Status.ToString(), d.Result,
            d.Steps.Select(s => new DecisionStepJson(s.Id, Dates.Iso(s.Date), s.Minutes, s.Votes))));
        Write("data/decisions.json", d => [d.Site, d.Decisions], stream => SiteJson.Write(stream, new DecisionsJson(asOf, decisions)));
        var requests = new Lazy<List<Dictionary<string, object?>>>(() => requestFacts.Matters.Where(m => m.Received <= site.AsOf).Select(m => RequestRow(site, m)).ToList());
        Write("data/requests.csv", d => [d.Site, d.Requests], stream => SafeCsv.Write(stream, RequestCsvHeader, requests.Value.Select(static r => r.Values), static v => v?.ToString()));
        Write("data/requests.json", d => [d.Site, d.Requests], stream => SiteJson.Write(stream, new RequestsJson(asOf, requests.Value)));

        var downloads = new List<DownloadView>
        {
            new("全部公开事项（CSV 表格）", "data/disclosures.csv", "每条公开事项一行：单位、期次、事项、标题、公开日期及其来源、是否撤下、内容指纹（SHA-256）。可用 Excel 或 WPS 打开。"),
            new("全部公开事项（JSON）", "data/disclosures.json", "同上，供程序读取。"),
            new("公开情况（CSV 表格）", "compliance/compliance.csv", "每个单位每期每个必公开事项的状态：按时、逾期、无此类事项、缺报。"),
            new("公开情况（JSON）", "compliance/compliance.json", "同上，供程序读取。"),
            new("四议两公开记录（JSON）", "data/decisions.json", "每项重大事项的提议、商议、审议、决议、决议公开、实施结果公开日期。"),
            new("民情台账（CSV 表格）", "data/requests.csv", "各村（社区）群众反映的每件事项一行：编号、受理日期、反映人（已打码）、事项、类别、经办人、办结时限、状态、办结日期、办理结果、回访。"),
            new("民情台账（JSON）", "data/requests.json", "同上，供程序读取。"),
            new("文件清单与校验值（manifest.json）", "data/manifest.json", "本站每个文件的 SHA-256 校验值和每条公开事项的内容指纹，供审计核验网站内容未被悄悄改动。"),
        };
        context.WritePage("data/", "data", "数据下载", new DataView(downloads), context.Crumbs());
    }

    /// <summary>
    /// The disclosures' CSV and JSON made whole (a build without a cache), or in a session put together from the rows it
    /// kept with what their cells are made of (an edit makes a row or two, and no cells are made for the others).
    /// </summary>
    private static void WriteWhole(SiteFacts site, PublicDisclosures disclosures, string asOf, DigestMemory? memory, Action<string, Func<StepDigests, object?[]>, Action<System.IO.Stream>> write)
    {
        var rows = new Lazy<List<string?[]>>(() => disclosures.All.Select(d => Row(site, disclosures, d)).ToList());
        var kept = new Lazy<List<RowMemo>>(() => RowsOf(memory!, site, disclosures));
        write("data/disclosures.csv", d => [d.Site, d.Listing, d.Contents], stream =>
        {
            if (memory is null)
            {
                SafeCsv.Write(stream, CsvHeader, rows.Value);
            }
            else
            {
                RowBytes.WriteAll(stream, SafeCsv.Of(CsvHeader, []), kept.Value.Select(r => r.Csv));
            }
        });
        write("data/disclosures.json", d => [d.Site, d.Listing, d.Contents], stream =>
        {
            if (memory is null)
            {
                WriteDisclosuresJson(stream, asOf, rows.Value);
            }
            else
            {
                WriteDisclosuresJson(stream, asOf, json => RowBytes.WriteRaw(json, kept.Value.Select(r => r.Json)));
            }
        });
    }

    /// <summary>
    /// The disclosures' CSV and JSON in a build of a new process that keeps a cache: taken over when nothing they list
    /// changed, else put together unit by unit, a unit's rows copied from the previous files when its rows' key is unchanged.
    /// </summary>
    private static void WriteByUnit(RenderContext context, SiteFacts site, PublicDisclosures disclosures, StepDigests digests, string asOf)
    {
        var all = disclosures.All;
        var parts = Runs.ByUnit(all, static d => d.Unit).ConvertAll(run =>
            new FileByParts.Part<string?[]>(run.Unit, digests.UnitRows(run.Unit), () => Enumerable.Range(run.Start, run.Count).Select(i => Row(site, disclosures, all[i]))));

        var output = context.Output;
        const string csv = "data/disclosures.csv", json = "data/disclosures.json";

        // Each file's whole key, as WriteWhole's, is its key's first line.
        var csvKey = context.KeyOf([csv, digests.Site, digests.Listing, digests.Contents]);
        if (!FileByParts.TryReuse(output, csv, csvKey))
        {
            output.Write(csv, stream =>
            {
                using var file = FileByParts.Raw(output, csv, stream, csvKey);
                file.Write(SafeCsv.Of(CsvHeader, []));
                file.Records("rows", parts);
                return file.Finish();
            });
        }

        var jsonKey = context.KeyOf([json, digests.Site, digests.Listing, digests.Contents]);
        if (!FileByParts.TryReuse(output, json, jsonKey))
        {
            output.Write(json, stream =>
            {
                using var file = FileByParts.JsonFile(output, json, stream, jsonKey);
                var writer = file.Json!;
                writer.WriteStartObject();
                writer.WriteString("as_of", asOf);
                writer.WriteStartArray("disclosures");
                file.Elements("disclosures", parts, WriteRow);
                writer.WriteEndArray();
                writer.WriteEndObject();
                return file.Finish();
            });
        }
    }

    public static readonly string[] RequestCsvHeader = ["url", "unit", "unit_name", "number", "received", "requester", "subject", "category", "handler", "due", "status", "days", "closed", "result", "follow_up"];

    /// <summary>A 民情台账 matter for the downloads (反映人 as masked in the file: a file with a full name never gets this far).</summary>
    public static Dictionary<string, object?> RequestRow(SiteFacts site, RequestMatter m)
    {
        var (status, days) = StatusWords.Of(m, site.AsOf);
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["url"] = ViewFactory.RequestsUrl(m.Unit) + "#r-" + m.Anchor,
            ["unit"] = m.Unit,
            ["unit_name"] = site.UnitOf(m.Unit).Name,
            ["number"] = m.Number,
            ["received"] = Dates.Iso(m.Received),
            ["requester"] = m.Requester,
            ["subject"] = m.Subject,
            ["category"] = m.Category,
            ["handler"] = m.Handler,
            ["due"] = Dates.Iso(m.Due),
            ["status"] = status,
            ["days"] = days,
            ["closed"] = m.Closed is { } c ? Dates.Iso(c) : null,
            ["result"] = m.Result,
            ["follow_up"] = m.FollowUp,
        };
    }

    /// <summary>A public disclosure's row in the data files: its cells in the order of <see cref="CsvHeader"/> (the JSON's field names).</summary>
    public static string?[] Row(SiteFacts site, PublicDisclosures disclosures, Disclosure d)
    {
        var unit = site.UnitOf(d.Unit);
        var (date, source) = disclosures.Published(d);
        return
        [
            d.UrlPath,
            d.Unit,
            unit.Name,
            d.Period.ToString(),
            d.Slug,
            d.Item,
            site.ItemName(unit, d.Item),
            d.Title,
            SiteJson.Iso(date),
            SiteJson.DateSource(source),
            disclosures.StatusOf(d).Key,
            disclosures.IsWithdrawn(d) ? disclosures.WithdrawalReason(d) : null,
            disclosures.Corrected(d)?.UrlPath,
            d.ContentSha256,
        ];
    }

    /// <summary>
    /// A disclosure's row in the data files as a session keeps it: its bytes in the CSV and the JSON, with what its cells
    /// are made of besides the disclosure itself (immutable, the memo's key): its facts and its unit's and item's names.
    /// </summary>
    internal sealed record RowMemo(DisclosureFacts Facts, string UnitName, string ItemName, byte[] Csv, byte[] Json);

    /// <summary>Each row's memo: kept when the disclosure, its facts and its names are unchanged, else made (and kept for the next build).</summary>
    private static List<RowMemo> RowsOf(DigestMemory memory, SiteFacts site, PublicDisclosures disclosures)
    {
        var all = disclosures.All;
        var memos = new List<RowMemo>(all.Count);
        SafeCsv.Records? csv = null;
        RowBytes.Json? json = null;
        try
        {
            foreach (var d in all)
            {
                var facts = disclosures.FactsOf(d);
                var unit = site.UnitOf(d.Unit);
                var itemName = site.ItemName(unit, d.Item);
                if (!memory.Rows.TryGetValue(d, out var memo) || !memo.Facts.IsSameAs(facts) || memo.UnitName != unit.Name || memo.ItemName != itemName)
                {
                    var cells = Row(site, disclosures, d);
                    csv ??= new SafeCsv.Records();
                    json ??= new RowBytes.Json();
                    memo = new RowMemo(facts, unit.Name, itemName, csv.Of(cells), json.Of(cells, WriteRow));
                    memory.Rows.AddOrUpdate(d, memo);
                }

                memos.Add(memo);
            }
        }
        finally
        {
            csv?.Dispose();
            json?.Dispose();
        }

        return memos;
    }

    private static readonly JsonEncodedText[] JsonNames = CsvHeader.Select(h => JsonEncodedText.Encode(h, SiteJson.Options.Encoder)).ToArray();

    /// <summary>
    /// <c>{"as_of": …, "disclosures": [{url, unit, …}]}</c> written field by field (the same bytes as <see cref="SiteJson.Write"/>
    /// of the rows as objects, without serializing 60,000 dictionaries through reflection), flushed as it goes.
    /// </summary>
    internal static void WriteDisclosuresJson(System.IO.Stream stream, string asOf, List<string?[]> rows) =>
        WriteDisclosuresJson(stream, asOf, json =>
        {
            foreach (var row in rows)
            {
                WriteRow(json, row);
                SiteJson.FlushSometimes(json);
            }
        });

    /// <summary>The disclosures' list with its rows written by <paramref name="writeRows"/> (a session's kept rows, <see cref="RowBytes"/>).</summary>
    internal static void WriteDisclosuresJson(System.IO.Stream stream, string asOf, Action<Utf8JsonWriter> writeRows)
    {
        using var json = new Utf8JsonWriter(stream, SiteJson.WriterOptions);
        json.WriteStartObject();
        json.WriteString("as_of", asOf);
        json.WriteStartArray("disclosures");
        writeRows(json);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>A row of the disclosures' JSON list: an object of <see cref="CsvHeader"/>'s names and the cells.</summary>
    internal static void WriteRow(Utf8JsonWriter json, string?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < row.Length; i++)
        {
            json.WriteString(JsonNames[i], row[i]); // null → JSON null
        }

        json.WriteEndObject();
    }
}
