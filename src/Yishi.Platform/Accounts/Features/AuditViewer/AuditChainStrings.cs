namespace Yishi.Platform.Accounts.Features.AuditViewer;

/// <summary>Marker for the audit chain strings (AuditChainStrings.resx = zh-CN, AuditChainStrings.en.resx = English).</summary>
public sealed class AuditChainStrings;
