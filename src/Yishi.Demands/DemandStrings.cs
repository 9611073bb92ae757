namespace Yishi.Demands;

/// <summary>Strings of the Demands module (DemandStrings.resx = zh-CN, .en.resx = English).</summary>
public sealed class DemandStrings;
