using System.Net;
using Octokit;

namespace DisclosureSite.Publishing.Reminders;

/// <summary>Chinese explanations of what went wrong talking to the GitHub API (never including the token).</summary>
public static class GitHubErrors
{
    /// <summary>
    /// True for the failures <see cref="Describe"/> explains (the CLI turns them into exit code 3). Malformed answers
    /// count too: whatever the API sends, <c>remind</c> ends with a message, never a stack trace.
    /// </summary>
    public static bool IsApiFailure(Exception e) => e is ApiException or HttpRequestException or TaskCanceledException || IsMalformedAnswer(e);

    /// <summary>What Octokit's JSON reader throws on an answer that is not the JSON it expects.</summary>
    private static bool IsMalformedAnswer(Exception e) =>
        e is System.Runtime.Serialization.SerializationException or InvalidCastException or FormatException or ArgumentException
            or InvalidOperationException or NullReferenceException or KeyNotFoundException or IndexOutOfRangeException or OverflowException;

    public static string Describe(Exception e, string repository, TimeZoneInfo zone) => e switch
    {
        RateLimitExceededException r =>
            $"GitHub API 调用次数已用完(速率限制,上限 {r.Limit} 次/小时),将于 {Local(r.Reset, zone)} 恢复。提醒没有全部发出;恢复后重新运行即可(已发出的不会重复)。",
        SecondaryRateLimitExceededException =>
            "GitHub 暂时限制了请求频率(次级速率限制)。请过几分钟再重新运行;已发出的提醒不会重复。",
        AuthorizationException =>
            "GitHub 拒绝了令牌(401 未授权):GITHUB_TOKEN 无效或已过期。在工作流中请使用 ${{ github.token }};在本机请换一个有效的令牌。",
        ForbiddenException f =>
            $"GitHub 拒绝了操作(403 禁止):令牌没有在 {repository} 中管理 issue 的权限。工作流的这个 job 需要 `permissions: issues: write`。({Detail(f)})",
        NotFoundException =>
            $"找不到仓库 {repository}(404):请检查 --repo 是否写成“所有者/仓库名”,以及令牌能否访问这个仓库、仓库是否开启了 Issues。",
        ApiValidationException v =>
            $"GitHub 不接受请求的内容(422):{Detail(v)}。请检查 units.csv 中的 clerk 是否是有效的 GitHub 用户名。",
        ApiException { StatusCode: >= HttpStatusCode.InternalServerError } a =>
            $"GitHub 服务器出错({(int)a.StatusCode}),请稍后重新运行;已发出的提醒不会重复。",
        ApiException a =>
            $"GitHub API 返回错误 {(int)a.StatusCode}:{Detail(a)}",
        TaskCanceledException =>
            "连接 GitHub API 超时,请检查网络后重新运行。",
        HttpRequestException h =>
            $"连接不上 GitHub API,或回应过大:{h.Message}。请检查网络或 --api-url。",
        _ when IsMalformedAnswer(e) =>
            $"GitHub API 的回应无法读取(不是预期的 JSON:{e.GetType().Name})。请检查 --api-url 是否指向 GitHub API,稍后重新运行。",
        _ => e.Message,
    };

    private static string Detail(ApiException e) => e.ApiError?.Message is { Length: > 0 } m ? m : e.Message;

    private static string Local(DateTimeOffset time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(time, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "(" + zone.Id + ")";
}
