using System.Globalization;
using Microsoft.Extensions.Localization;
using Yishi.Demands.Domain;

namespace Yishi.Demands.Ui;

/// <summary>Localised labels and badge colours for the demand enums, and local (China Standard Time) display times.</summary>
public static class DemandLabels
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string Status(this IStringLocalizer<DemandStrings> t, DemandStatus s) => t[$"Status_{s}"];
    public static string Level(this IStringLocalizer<DemandStrings> t, HandlingLevel l) => t[$"Level_{l}"];
    public static string Ownership(this IStringLocalizer<DemandStrings> t, Ownership o) => t[$"Ownership_{o}"];
    public static string Channel(this IStringLocalizer<DemandStrings> t, Channel c) => t[$"Channel_{c}"];
    public static string Content(this IStringLocalizer<DemandStrings> t, ContentCategory c) => t[$"Content_{c}"];
    public static string MustDeliberate(this IStringLocalizer<DemandStrings> t, MustDeliberateCategory m) => t[$"MustDeliberate_{m}"];
    public static string Satisfaction(this IStringLocalizer<DemandStrings> t, Satisfaction s) => t[$"Satisfaction_{s}"];

    /// <summary>"demand.escalated" → the label of Action_escalated (unknown actions show as they are).</summary>
    public static string Action(this IStringLocalizer<DemandStrings> t, string action)
    {
        var key = "Action_" + (action.StartsWith("demand.", StringComparison.Ordinal) ? action["demand.".Length..] : action);
        var s = t[key];
        return s.ResourceNotFound ? action : s;
    }

    public static string Tone(DemandStatus s) => s switch
    {
        DemandStatus.Submitted => "warning",
        DemandStatus.InProgress => "primary",
        DemandStatus.Guidance => "info",
        DemandStatus.AwaitingDeliberation => "secondary",
        DemandStatus.Handled => "success",
        _ => "dark",
    };

    public static string Local(DateTime utc) => (utc + ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string LocalShort(DateTime utc) => (utc + ChinaOffset).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Notes on the officials' timeline carry machine-written extras after " | " (classification, the
    /// rungs, the rating); those are shown with their localised labels.
    /// </summary>
    public static string Note(this IStringLocalizer<DemandStrings> t, string? note)
    {
        if (string.IsNullOrEmpty(note)) return "";
        return string.Join(" · ", note.Split(" | ").Select(part => Part(t, part)));
    }

    /// <summary>
    /// The words a person wrote in a timeline note, without the machine-written extras (classification
    /// codes, rungs, ratings, timer kinds): what a resident may read on the public tracking page.
    /// </summary>
    public static string? HumanText(string? note)
    {
        if (string.IsNullOrEmpty(note)) return null;
        var parts = note.Split(" | ").Where(p => !IsCode(p)).ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private static bool IsCode(string part)
    {
        if (part.Length == 0) return true;
        if (part.Split('→') is [var from, var to] && Enum.TryParse<HandlingLevel>(from, out _) && Enum.TryParse<HandlingLevel>(to, out _)) return true;
        var word = part.Split(' ')[0];
        if (int.TryParse(word, out _)) return false;
        if (Enum.TryParse<Domain.Satisfaction>(part, out _) || Enum.TryParse<Domain.Ownership>(part, out _)) return true;
        if (Enum.TryParse<Domain.Channel>(word, out _) && (word == part || part == word + " urgent")) return true;
        if (part is "Acknowledge" or "Resolve") return true;
        if (PhotoCount(part) is not null) return true;
        var segments = part.Split('/');
        return segments.Length is 3 or 4 && Enum.TryParse<Domain.Ownership>(segments[0], out _);
    }

    private static string Part(IStringLocalizer<DemandStrings> t, string part)
    {
        if (part.Split('→') is [var from, var to] && Enum.TryParse<HandlingLevel>(from, out var l1) && Enum.TryParse<HandlingLevel>(to, out var l2))
            return $"{t.Level(l1)} → {t.Level(l2)}";
        if (Enum.TryParse<Domain.Satisfaction>(part, out var sat) && !int.TryParse(part, out _)) return t.Satisfaction(sat);
        if (Enum.TryParse<Domain.Ownership>(part, out var own) && !int.TryParse(part, out _)) return t.Ownership(own);
        if (Enum.TryParse<Domain.Channel>(part.Split(' ')[0], out var ch) && !int.TryParse(part.Split(' ')[0], out _))
            return t.Channel(ch) + (part.EndsWith(" urgent", StringComparison.Ordinal) ? " · " + t["Field_Urgent"] : "");
        if (part is "Acknowledge" or "Resolve") return t[$"Timer_{part}"];
        if (PhotoCount(part) is { } photos) return t["Timeline_PhotoCount", photos];
        var segments = part.Split('/');
        if (segments.Length is 3 or 4 && Enum.TryParse<Domain.Ownership>(segments[0], out var o))
        {
            var labels = new List<string> { t.Ownership(o) };
            if (Enum.TryParse<ContentCategory>(segments[1], out var c)) labels.Add(t.Content(c));
            if (Enum.TryParse<MustDeliberateCategory>(segments[2], out var m)) labels.Add(t.MustDeliberate(m));
            if (segments.Length == 4 && segments[3] == "urgent") labels.Add(t["Field_Urgent"]);
            return string.Join(" / ", labels);
        }
        return part;
    }

    /// <summary>The photo count of a "photos added" note ("photos:2"; older notes were written "2 张"), shown in the reader's language.</summary>
    private static int? PhotoCount(string part)
    {
        var digits = part.StartsWith(PhotoNotePrefix, StringComparison.Ordinal) ? part[PhotoNotePrefix.Length..]
            : part.EndsWith(" 张", StringComparison.Ordinal) ? part[..^2] : null;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    public const string PhotoNotePrefix = "photos:";
}
