namespace Yishi.ServiceAreas;

/// <summary>Resource marker for the "1+1" service areas module (zh-CN neutral, English in .en.resx).</summary>
public sealed class ServiceAreaStrings;
