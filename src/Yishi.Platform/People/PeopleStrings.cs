namespace Yishi.Platform.People;

/// <summary>Marker for the People strings (PeopleStrings.resx = zh-CN, PeopleStrings.en.resx = English).</summary>
public sealed class PeopleStrings;
