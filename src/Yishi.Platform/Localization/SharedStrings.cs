namespace Yishi.Platform.Localization;

/// <summary>Marker for the platform's shared strings (SharedStrings.resx = zh-CN, SharedStrings.en.resx = English).</summary>
public sealed class SharedStrings;
