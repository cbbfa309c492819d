using Octokit;

namespace DisclosureSite.Publishing.Reminders;

/// <summary>
/// Brings the reminder issues of a repository in line with the plan: one open issue per unit with work
/// outstanding (created, or updated in place), closed with a comment once everything is in. Issues are found
/// by the <see cref="ReminderMarker.Label"/> label and the hidden marker, never by title, so reruns never duplicate.
/// In a dry run only reads are made.
/// </summary>
public sealed class ReminderSync(IGitHubClient github, string owner, string name)
{
    private const string LabelColor = "d93f0b";
    private const string UnitLabelColor = "fbca04";

    public async Task<IReadOnlyList<ReminderAction>> RunAsync(IReadOnlyList<UnitReminder> reminders, bool dryRun, Action<ReminderAction>? progress = null)
    {
        var actions = new List<ReminderAction>();
        void Do(ReminderAction a)
        {
            actions.Add(a);
            progress?.Invoke(a);
        }

        var open = await OpenRemindersAsync().ConfigureAwait(false);
        var units = reminders.Select(r => r.Unit.Id).ToHashSet(StringComparer.Ordinal);
        if (reminders.Any(r => r.HasWork))
        {
            await EnsureLabelsAsync(reminders.Where(r => r.HasWork).SelectMany(r => r.Labels), dryRun, Do).ConfigureAwait(false);
        }

        foreach (var reminder in reminders)
        {
            var unit = reminder.Unit.Id;
            var mine = open.TryGetValue(unit, out var list) ? list : [];
            var keep = mine.FirstOrDefault();
            foreach (var duplicate in mine.Skip(1))
            {
                await CloseAsync(duplicate, $"重复的提醒,以 #{keep!.Number} 为准,本条关闭。", ItemStateReason.NotPlanned, dryRun).ConfigureAwait(false);
                Do(new ReminderAction(ReminderActionKind.CloseDuplicate, unit, duplicate.Number, $"关闭重复的提醒 #{duplicate.Number}(保留 #{keep.Number})"));
            }

            if (!reminder.HasWork)
            {
                if (keep is not null)
                {
                    await CloseAsync(keep, "✅ 所有到期事项均已公开,提醒关闭。谢谢!", ItemStateReason.Completed, dryRun).ConfigureAwait(false);
                    Do(new ReminderAction(ReminderActionKind.Close, unit, keep.Number, $"{reminder.Unit.Name}:全部已公开,关闭提醒 #{keep.Number}"));
                }

                continue;
            }

            // Ask GitHub whether the clerk can be assigned only when an assignment is about to be made.
            var alreadyAssigned = keep is not null && reminder.Clerk is { } login
                && keep.Assignees.Any(x => string.Equals(x.Login, login, StringComparison.OrdinalIgnoreCase));
            var assignee = reminder.Clerk is { } clerk && (alreadyAssigned || await IsAssignableAsync(clerk).ConfigureAwait(false)) ? clerk : null;
            var note = reminder.Clerk is { } c && assignee is null ? $"(文书 {c} 不能被指派,未指派)" : string.Empty;
            if (keep is null)
            {
                var created = dryRun ? null : await CreateAsync(reminder, assignee).ConfigureAwait(false);
                Do(new ReminderAction(ReminderActionKind.Create, unit, created?.Number, $"{reminder.Unit.Name}:新建提醒“{reminder.Title}”{Assigned(assignee)}{note}"));
                continue;
            }

            var update = keep.ToUpdate();
            var changed = false;
            if (keep.Title != reminder.Title)
            {
                update.Title = reminder.Title;
                changed = true;
            }

            if (Normalize(keep.Body) != Normalize(reminder.Body))
            {
                update.Body = reminder.Body;
                changed = true;
            }

            foreach (var label in reminder.Labels.Where(l => !keep.Labels.Any(k => k.Name == l)))
            {
                update.AddLabel(label);
                changed = true;
            }

            if (assignee is not null && !keep.Assignees.Any(a => string.Equals(a.Login, assignee, StringComparison.OrdinalIgnoreCase)))
            {
                update.AddAssignee(assignee);
                changed = true;
            }

            if (!changed)
            {
                Do(new ReminderAction(ReminderActionKind.Unchanged, unit, keep.Number, $"{reminder.Unit.Name}:提醒 #{keep.Number} 无变化"));
                continue;
            }

            if (!dryRun)
            {
                await github.Issue.Update(owner, name, keep.Number, update).ConfigureAwait(false);
            }

            Do(new ReminderAction(ReminderActionKind.Update, unit, keep.Number, $"{reminder.Unit.Name}:更新提醒 #{keep.Number}“{reminder.Title}”{Assigned(assignee)}{note}"));
        }

        // A reminder for a unit that is no longer in units.csv has nobody to act on it.
        foreach (var (unit, issues) in open.Where(kv => !units.Contains(kv.Key)))
        {
            foreach (var issue in issues)
            {
                await CloseAsync(issue, $"单位 `{unit}` 已不在 units.csv 中,提醒关闭。", ItemStateReason.NotPlanned, dryRun).ConfigureAwait(false);
                Do(new ReminderAction(ReminderActionKind.Close, unit, issue.Number, $"单位 {unit} 已不在 units.csv 中,关闭提醒 #{issue.Number}"));
            }
        }

        return actions;
    }

    private static string Assigned(string? login) => login is null ? string.Empty : $",指派给 @{login}";

    private static string Normalize(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>Open reminder issues by unit (oldest first), from the label and the hidden marker.</summary>
    private async Task<Dictionary<string, List<Issue>>> OpenRemindersAsync()
    {
        // Octokit sends filter=assigned unless told otherwise; reminders may be unassigned, so ask for all.
        var request = new RepositoryIssueRequest { Filter = IssueFilter.All, State = ItemStateFilter.Open, SortProperty = IssueSort.Created, SortDirection = SortDirection.Ascending };
        request.Labels.Add(ReminderMarker.Label);
        var issues = await github.Issue.GetAllForRepository(owner, name, request, new ApiOptions { PageSize = 100 }).ConfigureAwait(false);
        var result = new Dictionary<string, List<Issue>>(StringComparer.Ordinal);
        foreach (var issue in issues.Where(i => i.PullRequest is null).OrderBy(i => i.Number))
        {
            if (ReminderMarker.UnitOf(issue.Body) is { } unit)
            {
                (result.TryGetValue(unit, out var list) ? list : result[unit] = []).Add(issue);
            }
        }

        return result;
    }

    private async Task EnsureLabelsAsync(IEnumerable<string> wanted, bool dryRun, Action<ReminderAction> log)
    {
        var existing = (await github.Issue.Labels.GetAllForRepository(owner, name, new ApiOptions { PageSize = 100 }).ConfigureAwait(false))
            .Select(l => l.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var label in wanted.Distinct(StringComparer.Ordinal).Where(l => !existing.Contains(l)))
        {
            if (!dryRun)
            {
                var color = label == ReminderMarker.Label ? LabelColor : UnitLabelColor;
                await github.Issue.Labels.Create(owner, name, new NewLabel(label, color) { Description = "三务公开到期/逾期提醒(disclosure remind)" }).ConfigureAwait(false);
            }

            log(new ReminderAction(ReminderActionKind.CreateLabel, null, null, $"新建标签 {label}"));
        }
    }

    private async Task<bool> IsAssignableAsync(string login)
    {
        try
        {
            return await github.Issue.Assignee.CheckAssignee(owner, name, login).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private async Task<Issue> CreateAsync(UnitReminder reminder, string? assignee)
    {
        var issue = new NewIssue(reminder.Title) { Body = reminder.Body };
        foreach (var label in reminder.Labels)
        {
            issue.Labels.Add(label);
        }

        if (assignee is not null)
        {
            issue.Assignees.Add(assignee);
        }

        return await github.Issue.Create(owner, name, issue).ConfigureAwait(false);
    }

    private async Task CloseAsync(Issue issue, string comment, ItemStateReason reason, bool dryRun)
    {
        if (dryRun)
        {
            return;
        }

        await github.Issue.Comment.Create(owner, name, issue.Number, comment).ConfigureAwait(false);
        var update = issue.ToUpdate();
        update.State = ItemState.Closed;
        update.StateReason = reason;
        await github.Issue.Update(owner, name, issue.Number, update).ConfigureAwait(false);
    }
}
