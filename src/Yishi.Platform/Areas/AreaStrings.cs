namespace Yishi.Platform.Areas;

/// <summary>Marker for the area pages' strings (AreaStrings.resx = zh-CN, AreaStrings.en.resx = English).</summary>
public sealed class AreaStrings;
