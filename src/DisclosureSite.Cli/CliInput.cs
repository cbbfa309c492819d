using DisclosureSite.Loading;
using DisclosureSite.Model;
using DisclosureSite.Validation.Rules;

namespace DisclosureSite.Cli;

/// <summary>
/// The input folder a command was given, opened in one place for check, build, preview, ledger, remind and new: the
/// path resolved against the command's working directory, the folder checked (exists, is a folder, can be listed) with
/// the same message for every command, and what the commands read from it before the full load (the time zone that
/// decides "today", the site's base path).
/// </summary>
internal sealed class CliInput
{
    private CliInput(string given, string root)
    {
        Given = given;
        Root = root;
    }

    /// <summary>The folder as the user wrote it (shown in messages and in the commands the tool suggests).</summary>
    public string Given { get; }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>The opened folder, or null after telling the user why it cannot be used (the command exits 2).</summary>
    public static CliInput? Open(string given, CliContext context, string lang = "zh")
    {
        var root = context.FullPath(given);
        if (!Directory.Exists(root))
        {
            context.Error.WriteLine(Missing(given).In(lang));
            return null;
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(root).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            context.Error.WriteLine(Unreadable(given, e.Message).In(lang));
            return null;
        }

        return new CliInput(given, root);
    }

    /// <summary>Opens and loads the folder with the validator's per-file checks; null when it cannot be read (already told).</summary>
    public static LoadResult? Load(string given, CliContext context, string lang = "zh", bool useCache = false) =>
        Open(given, context, lang)?.Load(context, lang, useCache);

    /// <summary>Loads the opened folder; null when a file or folder inside it cannot be read at all (already told).</summary>
    public LoadResult? Load(CliContext context, string lang = "zh", bool useCache = false)
    {
        try
        {
            return InputLoader.Load(Root, new LoadOptions { UseCache = useCache, Checks = DisclosureChecks.Instance });
        }
        catch (UnauthorizedAccessException e)
        {
            context.Error.WriteLine(Unreadable(Given, e.Message).In(lang));
            return null;
        }
    }

    /// <summary>"Today" for the command: <paramref name="asOf"/>, else today in the site's time zone (site.yaml, peeked).</summary>
    public DateOnly Today(DateOnly? asOf, CliContext context) => asOf ?? SiteClock.Today(context.Clock, SiteClock.Zone(TimeZone()));

    /// <summary>The site's time zone, read from site.yaml without loading the rest (the full load happens in the build).</summary>
    public string TimeZone() => Settings()?.TimeZone ?? SiteSettings.DefaultTimeZone;

    /// <summary>The path part of the site's base_url (e.g. /qingshi/), where preview serves it.</summary>
    public string BasePath() => Site.Render.SiteUrls.From(Settings()?.BaseUrl).BasePath;

    private SiteSettings? Settings() => SiteSettingsLoader.Load(new InputFolder(Root), new FindingSink())?.Settings;

    private static LocalizedText Missing(string given) => new(
        $"输入文件夹 '{given}' 不存在。请用 --input 指定数据文件夹(默认 input)。",
        $"The input folder '{given}' does not exist.");

    private static LocalizedText Unreadable(string given, string reason) => new(
        $"无法读取输入文件夹 '{given}':{reason}",
        $"The input folder '{given}' cannot be read: {reason}");
}
