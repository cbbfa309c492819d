using System.Text.Json;

namespace DisclosureSite.Ledger;

/// <summary>Reads one ledger line into a <see cref="LedgerEntry"/>; a line that does not fit is an error text, not an exception.</summary>
public static class LedgerParser
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 8 };

    public static LedgerEntry? Parse(string line, out string? error)
    {
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(line, Options);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "不是一个 JSON 对象";
                return null;
            }

            var items = new List<LedgerItem>();
            var itemsElement = Required(root, "items", JsonValueKind.Array);
            foreach (var it in itemsElement.EnumerateArray())
            {
                if (it.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException("items 里有一项不是对象");
                }

                var files = Required(it, "files", JsonValueKind.Array).EnumerateArray()
                    .Select(f => f.ValueKind == JsonValueKind.String ? f.GetString()! : throw new FormatException("files 里有一项不是文字")).ToList();
                items.Add(new LedgerItem(
                    Text(it, "url"), Text(it, "unit"), Text(it, "period"), Text(it, "item"), Text(it, "file"), files,
                    Text(it, "content_sha256"), Integer(it, "revision"), OptionalText(it, "revision_note"), Text(it, "change"),
                    OptionalText(it, "withdrawn_reason")));
            }

            return new LedgerEntry(
                Integer(root, "seq"), Text(root, "published_at_utc"), Text(root, "published_at_local"), Text(root, "as_of"),
                OptionalText(root, "commit"), items, OptionalText(root, "manifest_sha256"), Text(root, "prev"), Text(root, "hash"));
        }
        catch (JsonException e)
        {
            error = "不是有效的 JSON(" + e.Message + ")";
        }
        catch (FormatException e)
        {
            error = e.Message;
        }
        catch (InvalidOperationException e)
        {
            error = e.Message;
        }

        return null;
    }

    private static JsonElement Required(JsonElement o, string key, JsonValueKind kind) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == kind ? v : throw new FormatException($"缺少字段 {key} 或类型不对");

    private static string Text(JsonElement o, string key) => Required(o, key, JsonValueKind.String).GetString()!;

    private static string? OptionalText(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Null ? null : Text(o, key);

    private static long Integer(JsonElement o, string key) =>
        Required(o, key, JsonValueKind.Number).TryGetInt64(out var n) ? n : throw new FormatException($"字段 {key} 应是整数");
}
