namespace DisclosureSite.Model;

/// <summary>How much a finding matters: errors block publishing, the rest are reported.</summary>
public enum Severity
{
    Error,
    Warning,
    Notice,
}

/// <summary>A message in both languages the tool speaks; Chinese is the default.</summary>
public sealed record LocalizedText(string Zh, string En)
{
    public string In(string lang) => lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Zh;
}

/// <summary>
/// One thing the loader or validator found. Bad input is data: every problem becomes a finding
/// with a stable code (SPEC §6), a place and a message that says how to fix it.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    LocalizedText Text,
    string? Unit = null,
    string? Period = null,
    string? Item = null,
    string? File = null,
    int? Line = null,
    int? Column = null,
    int? Days = null)
{
    public string Message => Text.Zh;

    public bool IsError => Severity == Severity.Error;

    public bool BlocksPublishing => Severity == Severity.Error;
}
