namespace Yishi.Deliberation;

/// <summary>Strings of the Deliberation module (DeliberationStrings.resx = zh-CN, .en.resx = English).</summary>
public sealed class DeliberationStrings;
