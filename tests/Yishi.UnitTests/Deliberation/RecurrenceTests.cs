using Yishi.Deliberation.Domain;
using Yishi.Platform.Rules;

namespace Yishi.UnitTests.Deliberation;

public class RecurrenceTests
{
    private static readonly TimeOnly Nine = new(9, 0);

    /// <summary>Local (China) date and time → UTC.</summary>
    private static DateTime Cst(int y, int m, int d, int h = 0, int min = 0) => new DateTime(y, m, d, h, min, 0, DateTimeKind.Utc).AddHours(-8);

    private static string[] Local(IEnumerable<DateTime> utc) => utc.Select(t => ChinaTime.Format(t)).ToArray();

    [Fact]
    public void Days_8_18_28_in_February_of_a_common_year()
        => Local(Recurrence.DaysOfMonth([8, 18, 28], Nine).Occurrences(Cst(2027, 2, 1), Cst(2027, 3, 1)))
            .ShouldBe(["2027-02-08 09:00", "2027-02-18 09:00", "2027-02-28 09:00"]);

    [Fact]
    public void Days_beyond_the_month_end_are_skipped_not_moved()
        => Local(Recurrence.DaysOfMonth([10, 29, 30, 31], Nine).Occurrences(Cst(2027, 2, 1), Cst(2027, 4, 1)))
            .ShouldBe(["2027-02-10 09:00", "2027-03-10 09:00", "2027-03-29 09:00", "2027-03-30 09:00", "2027-03-31 09:00"]);

    [Fact]
    public void Day_29_exists_in_February_of_a_leap_year()
        => Local(Recurrence.DaysOfMonth([29], Nine).Occurrences(Cst(2028, 2, 1), Cst(2028, 3, 1))).ShouldBe(["2028-02-29 09:00"]);

    [Fact]
    public void Monthly_day_31_is_clamped_to_each_month_end()
        => Local(Recurrence.Monthly(31, Nine).Occurrences(Cst(2027, 1, 1), Cst(2027, 7, 1)))
            .ShouldBe(["2027-01-31 09:00", "2027-02-28 09:00", "2027-03-31 09:00", "2027-04-30 09:00", "2027-05-31 09:00", "2027-06-30 09:00"]);

    [Fact]
    public void Monthly_day_31_in_February_of_a_leap_year_is_the_29th()
        => Local(Recurrence.Monthly(31, Nine).Occurrences(Cst(2028, 2, 1), Cst(2028, 3, 1))).ShouldBe(["2028-02-29 09:00"]);

    [Fact]
    public void Monthly_day_30_in_February_is_the_last_day_once()
        => Local(Recurrence.Monthly(30, Nine).Occurrences(Cst(2027, 2, 1), Cst(2027, 3, 3))).ShouldBe(["2027-02-28 09:00"]);

    [Fact]
    public void Weekly_on_monday_over_a_month_end()
        => Local(Recurrence.Weekly(DayOfWeek.Monday, new TimeOnly(19, 30)).Occurrences(Cst(2026, 11, 23), Cst(2026, 12, 15)))
            .ShouldBe(["2026-11-23 19:30", "2026-11-30 19:30", "2026-12-07 19:30", "2026-12-14 19:30"]);

    [Fact]
    public void Weekly_over_the_year_end()
        => Local(Recurrence.Weekly(DayOfWeek.Thursday, Nine).Occurrences(Cst(2026, 12, 25), Cst(2027, 1, 9)))
            .ShouldBe(["2026-12-31 09:00", "2027-01-07 09:00"]);

    [Fact]
    public void Quarterly_in_the_first_month_of_each_quarter()
        => Local(Recurrence.Quarterly(0, 20, new TimeOnly(14, 30)).Occurrences(Cst(2027, 1, 1), Cst(2028, 1, 1)))
            .ShouldBe(["2027-01-20 14:30", "2027-04-20 14:30", "2027-07-20 14:30", "2027-10-20 14:30"]);

    [Fact]
    public void Quarterly_in_the_last_month_on_day_31_is_clamped()
        => Local(Recurrence.Quarterly(2, 31, Nine).Occurrences(Cst(2027, 1, 1), Cst(2028, 1, 1)))
            .ShouldBe(["2027-03-31 09:00", "2027-06-30 09:00", "2027-09-30 09:00", "2027-12-31 09:00"]);

    [Fact]
    public void Quarterly_in_the_second_month_on_day_30_falls_on_february_28_or_29()
    {
        Local(Recurrence.Quarterly(1, 30, Nine).Occurrences(Cst(2027, 1, 1), Cst(2027, 4, 1))).ShouldBe(["2027-02-28 09:00"]);
        Local(Recurrence.Quarterly(1, 30, Nine).Occurrences(Cst(2028, 1, 1), Cst(2028, 4, 1))).ShouldBe(["2028-02-29 09:00"]);
    }

    [Fact]
    public void Half_yearly_twice_a_year()
        => Local(Recurrence.HalfYearly(5, 15, Nine).Occurrences(Cst(2027, 1, 1), Cst(2028, 1, 1)))
            .ShouldBe(["2027-06-15 09:00", "2027-12-15 09:00"]);

    [Fact]
    public void None_never_occurs()
        => Recurrence.None.Occurrences(Cst(2027, 1, 1), Cst(2028, 1, 1)).ShouldBeEmpty();

    [Fact]
    public void The_window_is_half_open_and_counted_in_china_time()
    {
        var r = Recurrence.DaysOfMonth([8], Nine);
        // 09:00 on the 8th in China is 01:00 UTC on the 8th.
        r.Occurrences(Cst(2027, 3, 8, 9), Cst(2027, 3, 8, 10)).ShouldBe([new DateTime(2027, 3, 8, 1, 0, 0, DateTimeKind.Utc)]);
        r.Occurrences(Cst(2027, 3, 1), Cst(2027, 3, 8, 9)).ShouldBeEmpty();
        r.Occurrences(Cst(2027, 3, 8, 9, 1), Cst(2027, 4, 1)).ShouldBeEmpty();
    }

    [Fact]
    public void An_early_morning_meeting_is_on_the_previous_utc_day()
    {
        var r = Recurrence.Monthly(1, new TimeOnly(7, 0));
        r.Occurrences(Cst(2027, 3, 1), Cst(2027, 3, 2)).ShouldBe([new DateTime(2027, 2, 28, 23, 0, 0, DateTimeKind.Utc)]);
    }

    [Fact]
    public void A_whole_year_of_8_18_28_has_36_meetings()
        => Recurrence.DaysOfMonth([8, 18, 28], Nine).Occurrences(Cst(2027, 1, 1), Cst(2028, 1, 1)).Count.ShouldBe(36);

    [Fact]
    public void Occurrences_are_in_order_and_unique()
    {
        var list = Recurrence.DaysOfMonth([28, 8, 18, 8], Nine).Occurrences(Cst(2027, 1, 1), Cst(2027, 7, 1));
        list.ShouldBe(list.Order().Distinct().ToList());
        list.Count.ShouldBe(18);
    }

    [Theory]
    [InlineData(RecurrenceKind.Monthly, new int[0], 0)]
    [InlineData(RecurrenceKind.Monthly, new[] { 32 }, 0)]
    [InlineData(RecurrenceKind.Monthly, new[] { 0 }, 0)]
    [InlineData(RecurrenceKind.Monthly, new[] { 1, 2 }, 0)]
    [InlineData(RecurrenceKind.DaysOfMonth, new int[0], 0)]
    [InlineData(RecurrenceKind.Quarterly, new[] { 5 }, 3)]
    [InlineData(RecurrenceKind.HalfYearly, new[] { 5 }, 6)]
    public void Invalid_recurrences_are_input_errors(RecurrenceKind kind, int[] days, int monthOffset)
        => Should.Throw<InputInvalid>(() => Recurrence.Create(kind, 0, days, monthOffset, Nine, null, MeetingForm.SitDown));

    [Fact]
    public void Weekday_out_of_range_is_an_input_error()
        => Should.Throw<InputInvalid>(() => Recurrence.Create(RecurrenceKind.Weekly, 7, [], 0, Nine, null, MeetingForm.SitDown)).Fields.Keys.ShouldContain("RecurrenceWeekday");
}
