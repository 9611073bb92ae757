namespace Yishi.Transparency;

/// <summary>Strings of the public portal (TransparencyStrings.resx = zh-CN, .en.resx = English).</summary>
public sealed class TransparencyStrings;
