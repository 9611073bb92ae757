namespace Yishi.Platform.Security;

/// <summary>Resource marker for the host's security responses: rate limits and refused cross-site requests.</summary>
public sealed class SecurityStrings;
