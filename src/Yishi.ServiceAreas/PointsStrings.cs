namespace Yishi.ServiceAreas;

/// <summary>Strings of the points list, household points, appeals and evaluations (PointsStrings.resx = zh-CN, .en.resx = English).</summary>
public sealed class PointsStrings;
