namespace Yishi.Deliberation;

/// <summary>Messages of the meeting and topic rules that cannot be bypassed (opening early, vital interests, pattern changes).</summary>
public sealed class MeetingRuleStrings;
