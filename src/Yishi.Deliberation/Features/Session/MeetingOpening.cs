namespace Yishi.Deliberation.Features.Session;

/// <summary>
/// Deliberation setting <c>Deliberation:MeetingOpensBefore</c> (a TimeSpan, default 2 h): how long before its start a regular
/// meeting may be opened. Earlier is an early start, which needs a recorded reason and moves the meeting to now.
/// </summary>
public sealed class MeetingOpeningOptions
{
    public TimeSpan MeetingOpensBefore { get; set; } = TimeSpan.FromHours(2);
}
