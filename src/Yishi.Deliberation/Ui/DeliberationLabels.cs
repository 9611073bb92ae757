using Microsoft.Extensions.Localization;
using Yishi.Deliberation.Domain;

namespace Yishi.Deliberation.Ui;

/// <summary>Localised labels and badge colours for the deliberation enums.</summary>
public static class DeliberationLabels
{
    public static string Kind(this IStringLocalizer<DeliberationStrings> t, CouncilKind k) => t[$"CouncilKind_{k}"];
    public static string Position(this IStringLocalizer<DeliberationStrings> t, MemberPosition p) => t[$"Position_{p}"];
    public static string MeetingKind(this IStringLocalizer<DeliberationStrings> t, MeetingKind k) => t[$"MeetingKind_{k}"];
    public static string Form(this IStringLocalizer<DeliberationStrings> t, MeetingForm f) => t[$"Form_{f}"];
    public static string Status(this IStringLocalizer<DeliberationStrings> t, MeetingStatus s) => t[$"MeetingStatus_{s}"];
    public static string Minutes(this IStringLocalizer<DeliberationStrings> t, MinutesStatus s) => t[$"MinutesStatus_{s}"];
    public static string Stage(this IStringLocalizer<DeliberationStrings> t, TopicStage s) => t[$"Stage_{s}"];
    public static string Origin(this IStringLocalizer<DeliberationStrings> t, TopicOrigin o) => t[$"Origin_{o}"];
    public static string Stance(this IStringLocalizer<DeliberationStrings> t, Stance s) => t[$"Stance_{s}"];
    public static string Choice(this IStringLocalizer<DeliberationStrings> t, VoteChoice c) => t[$"Choice_{c}"];
    public static string Resolution(this IStringLocalizer<DeliberationStrings> t, ResolutionStatus s) => t[$"ResolutionStatus_{s}"];
    public static string Recurrence(this IStringLocalizer<DeliberationStrings> t, RecurrenceKind k) => t[$"RecurrenceKind_{k}"];
    public static string Content(this IStringLocalizer<DeliberationStrings> t, TopicContentCategory c) => t[$"Content_{c}"];
    public static string MustDeliberate(this IStringLocalizer<DeliberationStrings> t, TopicMustDeliberate m) => t[$"MustDeliberate_{m}"];
    public static string Weekday(this IStringLocalizer<DeliberationStrings> t, int d) => t[$"Weekday_{d}"];

    /// <summary>A timeline action (a <see cref="TopicAction"/> name, or created/…); unknown ones show as they are.</summary>
    public static string Action(this IStringLocalizer<DeliberationStrings> t, string action)
    {
        var s = t["TopicAction_" + action];
        return s.ResourceNotFound ? action : s;
    }

    /// <summary>When the council meets, in words: 每月 8、18、28 日 09:30.</summary>
    public static string Describe(this IStringLocalizer<DeliberationStrings> t, Recurrence r) => r.Kind switch
    {
        RecurrenceKind.None => t["RecurrenceKind_None"],
        RecurrenceKind.Weekly => t["Describe_Weekly", t.Weekday(r.Weekday), r.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
        RecurrenceKind.Monthly or RecurrenceKind.DaysOfMonth => t["Describe_Monthly", r.Days.Replace(",", "、", StringComparison.Ordinal), r.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
        RecurrenceKind.Quarterly => t["Describe_Quarterly", r.MonthOffset + 1, r.Days, r.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
        _ => t["Describe_HalfYearly", r.MonthOffset + 1, r.Days, r.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)],
    };

    public static string Tone(TopicStage s) => s switch
    {
        TopicStage.Proposal => "secondary",
        TopicStage.Review => "info",
        TopicStage.Deliberation => "primary",
        TopicStage.Notice => "warning",
        TopicStage.Implementation => "primary",
        TopicStage.FollowUp => "info",
        TopicStage.Closed => "success",
        _ => "dark",
    };

    public static string Tone(MeetingStatus s) => s switch
    {
        MeetingStatus.Scheduled => "secondary",
        MeetingStatus.AgendaPublished => "info",
        MeetingStatus.InSession => "success",
        MeetingStatus.Adjourned => "dark",
        _ => "danger",
    };

    public static string Local(DateTime utc) => ChinaTime.Format(utc);

    public static string Yuan(long fen) => (fen / 100m).ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}
