namespace Yishi.Platform.Rules;

/// <summary>Marker for the input-guard strings (InputStrings.resx = zh-CN, InputStrings.en.resx = English).</summary>
public sealed class InputStrings;
