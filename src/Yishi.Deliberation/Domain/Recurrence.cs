using System.Globalization;
using Yishi.Platform.Rules;

namespace Yishi.Deliberation.Domain;

/// <summary>
/// When a council meets regularly: weekly on a weekday, monthly on a day, on a list of days of the month
/// (8, 18, 28), quarterly or half-yearly; at a time of day (China time), at a default place, in a default form.
/// A value object: replaced whole, never edited in place.
/// </summary>
public sealed record Recurrence
{
    public const int PlaceMaxLength = 100;
    public const int MaxSpanDays = 3 * 366;

    private Recurrence() { }

    public static readonly Recurrence None = new() { Kind = RecurrenceKind.None, TimeOfDayMinutes = 9 * 60 };

    public RecurrenceKind Kind { get; private init; }
    /// <summary>For <see cref="RecurrenceKind.Weekly"/>: the weekday (0 = Sunday … 6 = Saturday, as <see cref="DayOfWeek"/>).</summary>
    public int Weekday { get; private init; }
    /// <summary>Days of the month, comma separated ("8,18,28"); one day for Monthly/Quarterly/HalfYearly.</summary>
    public string Days { get; private init; } = "";
    /// <summary>For Quarterly (0–2) and HalfYearly (0–5): which month of the period.</summary>
    public int MonthOffset { get; private init; }
    /// <summary>Minutes after local midnight (China time).</summary>
    public int TimeOfDayMinutes { get; private init; }
    public string? Place { get; private init; }
    public MeetingForm Form { get; private init; }

    public static Recurrence Weekly(DayOfWeek weekday, TimeOnly time, string? place = null, MeetingForm form = MeetingForm.SitDown)
        => Create(RecurrenceKind.Weekly, (int)weekday, [], 0, time, place, form);

    public static Recurrence Monthly(int day, TimeOnly time, string? place = null, MeetingForm form = MeetingForm.SitDown)
        => Create(RecurrenceKind.Monthly, 0, [day], 0, time, place, form);

    public static Recurrence DaysOfMonth(IEnumerable<int> days, TimeOnly time, string? place = null, MeetingForm form = MeetingForm.SitDown)
        => Create(RecurrenceKind.DaysOfMonth, 0, days.ToArray(), 0, time, place, form);

    public static Recurrence Quarterly(int monthOffset, int day, TimeOnly time, string? place = null, MeetingForm form = MeetingForm.SitDown)
        => Create(RecurrenceKind.Quarterly, 0, [day], monthOffset, time, place, form);

    public static Recurrence HalfYearly(int monthOffset, int day, TimeOnly time, string? place = null, MeetingForm form = MeetingForm.SitDown)
        => Create(RecurrenceKind.HalfYearly, 0, [day], monthOffset, time, place, form);

    /// <summary>Builds and validates a recurrence; bad values are input errors on the named fields.</summary>
    public static Recurrence Create(RecurrenceKind kind, int weekday, IReadOnlyCollection<int> days, int monthOffset, TimeOnly time, string? place, MeetingForm form)
    {
        if (!Enum.IsDefined(kind)) throw new InputInvalid("RecurrenceKind", "Recurrence_KindInvalid", typeof(DeliberationStrings));
        if (!Enum.IsDefined(form)) throw new InputInvalid("RecurrenceForm", "Recurrence_FormInvalid", typeof(DeliberationStrings));
        if (kind == RecurrenceKind.Weekly && weekday is < 0 or > 6)
            throw new InputInvalid("RecurrenceWeekday", "Recurrence_WeekdayInvalid", typeof(DeliberationStrings));
        var distinct = days.Distinct().Order().ToArray();
        var needsDays = kind is RecurrenceKind.Monthly or RecurrenceKind.DaysOfMonth or RecurrenceKind.Quarterly or RecurrenceKind.HalfYearly;
        if (needsDays && (distinct.Length == 0 || distinct.Any(d => d is < 1 or > 31)))
            throw new InputInvalid("RecurrenceDays", "Recurrence_DaysInvalid", typeof(DeliberationStrings));
        if ((kind is RecurrenceKind.Monthly or RecurrenceKind.Quarterly or RecurrenceKind.HalfYearly) && distinct.Length != 1)
            throw new InputInvalid("RecurrenceDays", "Recurrence_OneDay", typeof(DeliberationStrings));
        var maxOffset = kind switch { RecurrenceKind.Quarterly => 2, RecurrenceKind.HalfYearly => 5, _ => 0 };
        if (monthOffset < 0 || monthOffset > maxOffset)
            throw new InputInvalid("RecurrenceMonthOffset", "Recurrence_MonthOffsetInvalid", typeof(DeliberationStrings));
        return new Recurrence
        {
            Kind = kind,
            Weekday = kind == RecurrenceKind.Weekly ? weekday : 0,
            Days = needsDays ? string.Join(',', distinct.Select(d => d.ToString(CultureInfo.InvariantCulture))) : "",
            MonthOffset = monthOffset,
            TimeOfDayMinutes = time.Hour * 60 + time.Minute,
            Place = Check.OptionalText(place, "RecurrencePlace", PlaceMaxLength),
            Form = form,
        };
    }

    public IReadOnlyList<int> DayList
        => string.IsNullOrEmpty(Days) ? [] : Days.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    public TimeOnly TimeOfDay => new(TimeOfDayMinutes / 60, TimeOfDayMinutes % 60);

    /// <summary>Whether a meeting falls on this local (China) date.</summary>
    public bool FallsOn(DateOnly date)
    {
        var last = DateTime.DaysInMonth(date.Year, date.Month);
        var days = DayList;
        int Clamped() => Math.Min(days[0], last);
        return Kind switch
        {
            RecurrenceKind.Weekly => (int)date.DayOfWeek == Weekday,
            RecurrenceKind.Monthly => date.Day == Clamped(),
            RecurrenceKind.DaysOfMonth => days.Contains(date.Day),
            RecurrenceKind.Quarterly => (date.Month - 1) % 3 == MonthOffset && date.Day == Clamped(),
            RecurrenceKind.HalfYearly => (date.Month - 1) % 6 == MonthOffset && date.Day == Clamped(),
            _ => false,
        };
    }

    /// <summary>
    /// The UTC start times of the meetings in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>),
    /// in order. Dates are counted in China Standard Time (UTC+8): a meeting at 09:00 on the 8th is 01:00 UTC on the 8th.
    /// </summary>
    public IReadOnlyList<DateTime> Occurrences(DateTime fromUtc, DateTime untilUtc)
    {
        if (Kind == RecurrenceKind.None || untilUtc <= fromUtc) return [];
        if ((untilUtc - fromUtc).TotalDays > MaxSpanDays) throw new ArgumentOutOfRangeException(nameof(untilUtc), "At most three years at once.");
        var result = new List<DateTime>();
        var first = ChinaTime.Day(fromUtc);
        var last = ChinaTime.Day(untilUtc);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!FallsOn(day)) continue;
            var at = ChinaTime.ToUtc(day, TimeOfDayMinutes);
            if (at >= fromUtc && at < untilUtc) result.Add(at);
        }
        return result;
    }
}
